import type { Handler, MethodName } from '../../../src/shared/contract'
import { ocrAccuracyOf } from '../../../src/shared/learning/ocrAccuracy'
import type { OcrAccuracyReport } from '../../../src/shared/metrics'

type Methods = 'qc.ocrTruth.correct' | 'qc.ocrTruth.confirm' | 'qc.ocrTruth.accuracy' | 'sync.metrics'

/**
 * The desk's OCR ground truth in memory for renderer tests: corrections and sign-off confirmations
 * as the page sent them, scored with the desk's own accuracy function. The line pictures and
 * export-ocr-truth are the main side's, tested there.
 */
export interface OcrTruthHarness {
  corrections: Array<{ documentId: string; page: number; ocrText: string; correctedText: string; by: string }>
  confirmations: Array<{ documentId: string; page: number; text: string }>
  handlers: { [M in Extract<MethodName, Methods>]: Handler<M, null> }
}

export function createOcrTruthHarness(): OcrTruthHarness {
  const h: OcrTruthHarness = { corrections: [], confirmations: [], handlers: undefined as never }
  const accuracy = (): OcrAccuracyReport | null => {
    const a = ocrAccuracyOf([
      ...h.corrections,
      ...h.confirmations.map((c) => ({ ocrText: c.text, correctedText: c.text })),
    ])
    return a.ocrAccuracy === null
      ? null
      : {
          reviewedChars: a.reviewedCharacters,
          correctedChars: a.correctedCharacters,
          accuracy: a.ocrAccuracy,
        }
  }
  h.handlers = {
    'qc.ocrTruth.correct': (c) => {
      h.corrections.push({ ...c, by: c.correctedBy })
      return { stored: true, accuracy: accuracy() }
    },
    'qc.ocrTruth.confirm': ({ values }) => {
      for (const v of values)
        h.confirmations.push({ documentId: v.documentId, page: v.page, text: v.ocrText })
      return { counted: values.length, accuracy: accuracy() }
    },
    'qc.ocrTruth.accuracy': () => ({ accuracy: accuracy() }),
    'sync.metrics': () => ({ ocrAccuracy: accuracy() }),
  }
  return h
}
