import { z } from 'zod'

/** Which desk a document belongs to. `other` is anything the desks have no job for. */
export const DOC_TYPES = ['tender', 'coa', 'specification', 'msds', 'invoice', 'other'] as const
export const docTypeSchema = z.enum(DOC_TYPES)
export type DocType = z.infer<typeof docTypeSchema>

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  tender: 'Tender',
  coa: 'Certificate of Analysis',
  specification: 'Specification',
  msds: 'Safety data sheet',
  invoice: 'Invoice',
  other: 'Other',
}

/** One piece of evidence, in words a user can check against the page. */
export const docTypeCueSchema = z.object({
  type: docTypeSchema,
  label: z.string(),
  weight: z.number(),
})
export type DocTypeCue = z.infer<typeof docTypeCueSchema>

export const docTypeResultSchema = z.object({
  type: docTypeSchema,
  /** 0..1: how far the winner stands above the runner-up and above "nothing found". */
  confidence: z.number().min(0).max(1),
  /** The cues behind the decision, strongest first. */
  cues: z.array(docTypeCueSchema),
  /** Which classifier decided (a trained model names itself and its version). */
  classifier: z.string(),
})
export type DocTypeResult = z.infer<typeof docTypeResultSchema>

/**
 * Decides a document's type from its extracted text. The cue scorer implements it today; a trained
 * model (issue 16) can replace it behind the same call, as long as it names its cues.
 */
export interface DocumentClassifier {
  readonly id: string
  classify(text: string): DocTypeResult
}
