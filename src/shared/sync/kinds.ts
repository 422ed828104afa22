import { z } from 'zod'
import { sha256Schema } from '../contract/schemas'
import { decisionFeaturesSchema } from '../learning/wire'
import { layoutTemplateSchema } from '../qc/templates/schema'
import { fieldTemplateSchema } from '../tenders/templates/schema'

export { decisionFeaturesSchema, type DecisionFeatures } from '../learning/wire'

/**
 * The ground truth a desk pushes: one outbox `kind` per hub table. Payloads are strict so a desk
 * bug that renames a field is rejected loudly instead of storing half a correction.
 */

/** The actor of records a desk took from the hub: another desk of the tenant made them. */
export const HUB_ACTOR = 'hub (another desk)'

const actor = z.string().min(1).max(200)
const when = z.iso.datetime({ offset: true })
const documentId = z.string().min(1).max(200)
const modelVersion = z.string().min(1).max(100)
const confidence = z.number().min(0).max(1)

export const tenderDecisionSchema = z.strictObject({
  documentId,
  documentHash: sha256Schema.optional(),
  tenderId: z.string().min(1).max(200),
  /**
   * 'needs-review' is an analyst saying "not decided yet": the hub keeps it so the latest word on a
   * document is known, but it is not a relevance label and must never be counted as either verdict.
   */
  decision: z.enum(['relevant', 'irrelevant', 'needs-review']),
  reason: z.string().max(10_000).optional(),
  modelVersion: modelVersion.optional(),
  /** The model's confidence in its own suggestion, before the human decided. */
  confidence: confidence.optional(),
  /** The hashed features of the bid's text, so the hub can train the tenant's relevance model. */
  features: decisionFeaturesSchema.optional(),
  /** P(relevant) from the learned relevance model the desk ran (its version in `modelVersion`). */
  learnedProbability: confidence.optional(),
  decidedBy: actor,
  decidedAt: when,
})

export const fieldCorrectionSchema = z.strictObject({
  documentId,
  documentHash: sha256Schema,
  field: z.string().min(1).max(200),
  originalValue: z.json(),
  correctedValue: z.json(),
  modelVersion,
  confidence,
  correctedBy: actor,
  correctedAt: when,
})

export const coaResultSchema = z.strictObject({
  documentId,
  documentHash: sha256Schema,
  certificateId: z.string().min(1).max(200).optional(),
  verdict: z.enum(['pass', 'fail']),
  results: z
    .array(
      z.strictObject({
        parameter: z.string().min(1).max(200),
        value: z.json(),
        spec: z.string().max(500).optional(),
        pass: z.boolean(),
      }),
    )
    .max(500),
  modelVersion,
  confidence: confidence.optional(),
  validatedBy: actor,
  validatedAt: when,
})

export const scanSchema = z.strictObject({
  /** The GS1 element string as read, kept verbatim so parsing can be redone centrally. */
  code: z.string().min(1).max(500),
  gtin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  batch: z.string().max(100).optional(),
  expiry: z.string().max(20).optional(),
  documentId: documentId.optional(),
  scannerId: z.string().max(200).optional(),
  scannedBy: actor,
  scannedAt: when,
})

/**
 * A learned template (of any kind) learned, relearned or forgotten on a desk. The hub keeps every
 * event; the tenant's templates are the latest event per template that is not a forget.
 */
function templateEventSchema<T extends z.ZodType>(template: T) {
  return z
    .strictObject({
      templateId: z.string().min(1).max(200),
      action: z.enum(['learn', 'forget']),
      /** The whole template after a learn; absent on a forget. */
      template: template.optional(),
      changedBy: actor,
      changedAt: when,
    })
    .refine((e) => (e.action === 'learn') === (e.template !== undefined), {
      message: 'a learn carries the whole template, a forget none',
      path: ['template'],
    })
}

/** A supplier's COA layout template learned (or relearned) or forgotten on a desk. */
export const layoutTemplateEventSchema = templateEventSchema(layoutTemplateSchema)

/** A bid portal's field template learned (or relearned) or forgotten on a desk. */
export const portalTemplateEventSchema = templateEventSchema(fieldTemplateSchema)

export const GROUND_TRUTH_KINDS = {
  'tender.decision': tenderDecisionSchema,
  'field.correction': fieldCorrectionSchema,
  'coa.result': coaResultSchema,
  scan: scanSchema,
  'qc.layoutTemplate': layoutTemplateEventSchema,
  'tenders.portalTemplate': portalTemplateEventSchema,
} as const

export type GroundTruthKind = keyof typeof GROUND_TRUTH_KINDS
export const groundTruthKindSchema = z.enum(
  Object.keys(GROUND_TRUTH_KINDS) as [GroundTruthKind, ...GroundTruthKind[]],
)

export type TenderDecision = z.infer<typeof tenderDecisionSchema>
export type FieldCorrection = z.infer<typeof fieldCorrectionSchema>
export type CoaResult = z.infer<typeof coaResultSchema>
export type Scan = z.infer<typeof scanSchema>
export type LayoutTemplateEvent = z.infer<typeof layoutTemplateEventSchema>
export type PortalTemplateEvent = z.infer<typeof portalTemplateEventSchema>

export type GroundTruth =
  | { kind: 'tender.decision'; payload: TenderDecision }
  | { kind: 'field.correction'; payload: FieldCorrection }
  | { kind: 'coa.result'; payload: CoaResult }
  | { kind: 'scan'; payload: Scan }
  | { kind: 'qc.layoutTemplate'; payload: LayoutTemplateEvent }
  | { kind: 'tenders.portalTemplate'; payload: PortalTemplateEvent }

export function isGroundTruthKind(kind: string): kind is GroundTruthKind {
  return Object.hasOwn(GROUND_TRUTH_KINDS, kind)
}
