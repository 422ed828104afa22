import { z } from 'zod'
import { groundTruthKindSchema } from './kinds'

/** What the retraining side reads back from the hub. */

export const groundTruthItemSchema = z.object({
  recordId: z.string(),
  kind: groundTruthKindSchema,
  deskId: z.string(),
  splitKey: z.string(),
  modelVersion: z.string().nullable(),
  confidence: z.number().nullable(),
  actor: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  payload: z.json(),
})
export type GroundTruthItem = z.infer<typeof groundTruthItemSchema>

export const groundTruthPageSchema = z.object({
  tenant: z.string(),
  split: z.enum(['train', 'validation']),
  items: z.array(groundTruthItemSchema),
  /** Pass back as `after` for the next page; null when this was the last one. */
  nextAfter: z.string().nullable(),
})
export type GroundTruthPage = z.infer<typeof groundTruthPageSchema>

export const retrainRuleSchema = z.enum(['never-trained', 'age', 'confidence'])
export type RetrainRule = z.infer<typeof retrainRuleSchema>

export const retrainStatusSchema = z.object({
  tenant: z.string(),
  due: z.boolean(),
  /** The first rule that fired, or null when retraining is not due. */
  rule: retrainRuleSchema.nullable(),
  reason: z.string(),
  lastTrainingAt: z.string().nullable(),
  daysSinceTraining: z.number().nullable(),
  maxAgeDays: z.number(),
  averageConfidence: z.number().nullable(),
  confidenceWindow: z.number().int(),
  confidenceSamples: z.number().int(),
  confidenceThreshold: z.number(),
})
export type RetrainStatus = z.infer<typeof retrainStatusSchema>

/**
 * The tenant's learned model as a desk fetches it. `channel` says which side of a blue-green
 * rollout this desk is on: `green` (the newly promoted version, on a share of desks), `blue` (the
 * previous version, kept by the rest) or `stable` (no rollout under way). The desk verifies `sha256`
 * against the model before using it (modelSha256 in src/shared/learning).
 */
export const servedModelSchema = z.object({
  tenant: z.string(),
  kind: z.literal('relevance'),
  version: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  channel: z.enum(['green', 'blue', 'stable']),
  /** The version the desk should keep to fall back on (the other side of the rollout), if any. */
  previous: z.object({ version: z.string(), sha256: z.string() }).nullable(),
  rollout: z.object({
    state: z.enum(['green', 'stable']),
    greenVersion: z.string().nullable(),
    greenShare: z.number().min(0).max(1),
    since: z.string(),
  }),
  model: z.json(),
})
export type ServedModel = z.infer<typeof servedModelSchema>

/** What `hub train` prints (and what the desk's `train` prints): one candidate and its fate. */
export const trainReportSchema = z.object({
  version: z.string(),
  sha256: z.string(),
  trainedOn: z.object({
    examples: z.number().int(),
    relevant: z.number().int(),
    irrelevant: z.number().int(),
  }),
  metrics: z.object({
    validation: z.object({
      precision: z.number(),
      recall: z.number(),
      f1: z.number(),
      accuracy: z.number(),
      n: z.number().int(),
    }),
  }),
  promoted: z.boolean(),
  reason: z.string(),
})
export type TrainReport = z.infer<typeof trainReportSchema>
