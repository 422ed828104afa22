import { z } from 'zod'
import { bboxSchema } from '../document-text/schema'
import { layoutTemplateSchema, templateUseSchema } from '../qc/templates/schema'

/**
 * The COA check as it crosses the contract. The specification travels as the stored JSON the
 * desk's library holds (validated again on the Node side), so a check always runs against exactly
 * the version the record names.
 */

const verdictSchema = z.enum(['pass', 'warn', 'fail', 'review'])

export const extractedCellSchema = z.object({
  text: z.string(),
  page: z.number().int().positive(),
  bbox: bboxSchema,
  confidence: z.number().min(0).max(100),
})

const cellsSchema = z
  .object({
    name: extractedCellSchema,
    method: extractedCellSchema,
    unit: extractedCellSchema,
    min: extractedCellSchema,
    max: extractedCellSchema,
    spec: extractedCellSchema,
    result: extractedCellSchema,
  })
  .partial()

export const extractedRowSchema = z.object({
  page: z.number().int().positive(),
  bbox: bboxSchema,
  cells: cellsSchema,
  others: z.array(extractedCellSchema),
})

const headerFieldSchema = extractedCellSchema.extend({ label: z.string(), date: z.string().optional() })

export const parameterVerdictSchema = z.object({
  name: z.string(),
  specName: z.string(),
  method: z.string().optional(),
  result: z.string().optional(),
  unit: z.string().optional(),
  limit: z.string(),
  coaLimit: z.string().optional(),
  verdict: verdictSchema,
  reason: z.string(),
  confidence: z.number().optional(),
  row: z.number().int().nonnegative().optional(),
  cells: cellsSchema.optional(),
})

export const coaCheckSchema = z.object({
  name: z.string(),
  status: z.enum(['pass', 'warn', 'fail', 'review', 'skipped']),
  detail: z.string(),
  affectsVerdict: z.boolean(),
})

export const coaReportSchema = z.object({
  file: z.string(),
  product: z.string().optional(),
  productCode: z.string().optional(),
  supplier: z.string().optional(),
  batch: z.string().optional(),
  manufactured: z.string().optional(),
  expiry: z.string().optional(),
  specProduct: z.string().optional(),
  specVersion: z.number().int().positive().optional(),
  verdict: verdictSchema,
  reasons: z.array(z.string()),
  parameters: z.array(parameterVerdictSchema),
  checks: z.array(coaCheckSchema),
  rows: z.array(extractedRowSchema),
  /** Each page's coordinate space, so cell boxes can be drawn over a page picture of any size. */
  pages: z
    .array(
      z.object({
        page: z.number().int().positive(),
        width: z.number().positive(),
        height: z.number().positive(),
      }),
    )
    .optional(),
  /** The supplier's learned layout template the COA was read with, when one matched. */
  template: templateUseSchema.optional(),
  extraction: z.object({
    tables: z.array(
      z.object({
        page: z.number().int().positive(),
        bbox: bboxSchema,
        columns: z.array(z.object({ role: z.string(), label: z.string(), x0: z.number(), x1: z.number() })),
        rows: z.array(extractedRowSchema),
        columnSource: z.enum(['rules', 'gaps']),
      }),
    ),
    fields: z.record(z.string(), headerFieldSchema),
    notes: z.array(z.string()),
  }),
})
export type CoaReportDto = z.infer<typeof coaReportSchema>
export type ParameterVerdictDto = z.infer<typeof parameterVerdictSchema>
export type ExtractedRowDto = z.infer<typeof extractedRowSchema>

export const qcCheckRequestSchema = z
  .object({
    documentId: z.string().min(1).max(200),
    /** A specification as the library stores it; the handler validates it with the QC schema. */
    spec: z.record(z.string(), z.unknown()).optional(),
    expectedBatch: z.string().trim().min(1).max(100).optional(),
    /** yyyy-mm-dd in the desk's time zone; the host's date when absent. */
    today: z.iso.date().optional(),
    /**
     * The user confirmed "check anyway": without it a document whose type is not `coa` is refused
     * with CONFLICT naming the file and the type it looks like (`details: { docType }`), so the UI
     * can ask.
     */
    anyType: z.boolean().optional(),
    /** The tenant's learned layout templates; the one matching the COA's supplier and layout is used. */
    templates: z.array(layoutTemplateSchema).max(1000).optional(),
  })
  .strict()
