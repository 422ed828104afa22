import { z } from 'zod'
import { sha256Hex } from '../crypto'
import {
  FEATURE_EXTRACTOR,
  FEATURE_EXTRACTOR_ID,
  scaledTerms,
  topTerms,
  type SparseFeatures,
} from './features'
import type { BinaryMetrics } from './metrics'

const metricsSchema = z.object({
  n: z.number().int().nonnegative(),
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  calibrationError: z.number(),
  confusion: z.object({
    truePositive: z.number().int(),
    falsePositive: z.number().int(),
    trueNegative: z.number().int(),
    falseNegative: z.number().int(),
  }),
}) satisfies z.ZodType<BinaryMetrics>

/** A tenant's learned relevance model as it is stored, sent and loaded: validated wherever it crosses. */
export const relevanceModelSchema = z.object({
  kind: z.literal('relevance'),
  version: z.string().min(1),
  featureExtractor: z.literal(FEATURE_EXTRACTOR_ID),
  /** One weight per hash slot, then the bias. */
  weights: z.array(z.number()).length(FEATURE_EXTRACTOR.dimensions + 1),
  trainedOn: z.object({
    examples: z.number().int().nonnegative(),
    relevant: z.number().int().nonnegative(),
    irrelevant: z.number().int().nonnegative(),
  }),
  metrics: z.object({ validation: metricsSchema }),
  createdAt: z.string(),
})
export type RelevanceModel = z.infer<typeof relevanceModelSchema>

/** The model's fingerprint: what desks verify before they use a model the hub sent. */
export function modelSha256(model: RelevanceModel): string {
  return sha256Hex(JSON.stringify(model))
}

export function parseRelevanceModel(json: unknown, source: string): RelevanceModel {
  const parsed = relevanceModelSchema.safeParse(json)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  throw new Error(`${source}: not a relevance model${where}: ${issue?.message ?? 'invalid'}`)
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

export function probabilityOf(model: RelevanceModel, features: SparseFeatures): number {
  const bias = model.weights[FEATURE_EXTRACTOR.dimensions] ?? 0
  return sigmoid(features.reduce((sum, [index, value]) => sum + (model.weights[index] ?? 0) * value, bias))
}

/** What the learned model thinks of a document, with the words a person can check it against. */
export interface LearnedVerdict {
  relevant: boolean
  probability: number
  /** The words (or word pairs) that pushed the score most, with their signed contribution. */
  top: [string, number][]
}

export function explainRelevance(model: RelevanceModel, text: string, topN = 8): LearnedVerdict {
  const { features, terms } = scaledTerms(text)
  const probability = probabilityOf(model, features)
  const top = topTerms(terms, model.weights, (contribution) => contribution !== 0, topN)
  return { relevant: probability >= 0.5, probability: Math.round(probability * 10_000) / 10_000, top }
}
