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
