import { z } from 'zod'
import { bboxSchema } from '../document-text/schema'
import { deskMetricsSchema, ocrAccuracyReportSchema } from '../metrics/desk-metrics'

const noParams = z.object({}).strict()

/** One OCR'd value a person looked at: where it is on the page and what OCR read there. */
const ocrValueSchema = z.strictObject({
  documentId: z.string().min(1).max(200),
  page: z.number().int().positive(),
  /** In the page's coordinates (PageText's dpi), as the COA report's cells carry them. */
  bbox: bboxSchema,
  ocrText: z.string().max(2_000),
})

/** Null accuracy until the tenant's people have reviewed an OCR'd value. */
const ocrAccuracyAnswer = z.strictObject({ accuracy: ocrAccuracyReportSchema.nullable() })

/** The desk's own measurements and the OCR ground truth people's reviews leave behind. */
export const deskMetricsMethods = {
  /**
   * What the sync worker sends with each heartbeat: latency per contract method since the desk
   * process started, documents waiting to be read, OCR page time, and the session tenant's OCR
   * accuracy.
   */
  'sync.metrics': { request: noParams, response: deskMetricsSchema },
  /**
   * A person corrected a value OCR read: the desk keeps the line's picture and the corrected text
   * (`pebble-desk export-ocr-truth`). `stored` is false, with the reason, when the page was read
   * from a text layer, not by OCR: there is nothing for OCR to learn.
   */
  'qc.ocrTruth.correct': {
    request: ocrValueSchema.extend({
      correctedText: z.string().trim().min(1).max(2_000),
      correctedBy: z.string().trim().min(1).max(200),
    }),
    response: ocrAccuracyAnswer.extend({ stored: z.boolean(), reason: z.string().optional() }),
  },
  /** Values signed off unchanged: reviewed characters with no correction (text-layer pages are skipped). */
  'qc.ocrTruth.confirm': {
    request: z.strictObject({ values: z.array(ocrValueSchema).max(500) }),
    response: ocrAccuracyAnswer.extend({ counted: z.number().int().nonnegative() }),
  },
  'qc.ocrTruth.accuracy': { request: noParams, response: ocrAccuracyAnswer },
} as const
