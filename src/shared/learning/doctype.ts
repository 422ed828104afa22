import { z } from 'zod'
import { sha256Hex } from '../crypto'
import {
  FEATURE_EXTRACTOR,
  FEATURE_EXTRACTOR_ID,
  scaledTerms,
  topTerms,
  type SparseFeatures,
} from './features'

/** The desks a document can be routed to; `other` is anything no desk has a job for. */
export const DOCTYPE_CLASSES = ['tender', 'coa', 'specification', 'msds', 'invoice', 'other'] as const
export const doctypeClassSchema = z.enum(DOCTYPE_CLASSES)
export type DoctypeClass = z.infer<typeof doctypeClassSchema>

/** How a multi-class model did on a labelled set: macro averages over classes, and who was taken for whom. */
export const multiclassMetricsSchema = z.object({
  n: z.number().int().nonnegative(),
  accuracy: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  /** Expected calibration error of the top class's probability over ten bins. */
  calibrationError: z.number(),
  /** confusion[actual][predicted] = count. */
  confusion: z.record(z.string(), z.record(z.string(), z.number().int())),
})
export type MulticlassMetrics = z.infer<typeof multiclassMetricsSchema>

export const doctypeModelSchema = z.object({
  kind: z.literal('doctype'),
  version: z.string().min(1),
  featureExtractor: z.literal(FEATURE_EXTRACTOR_ID),
  classes: z.array(doctypeClassSchema).min(2),
  /** Per class (in `classes` order): one weight per hash slot, then the bias; sigmoid gives "is this class". */
  weights: z.array(z.array(z.number()).length(FEATURE_EXTRACTOR.dimensions + 1)),
  trainedOn: z.object({
    examples: z.number().int().nonnegative(),
    perClass: z.record(z.string(), z.number().int().nonnegative()),
    description: z.string(),
  }),
  metrics: z.object({ validation: multiclassMetricsSchema }),
  createdAt: z.string(),
})
export type DoctypeModel = z.infer<typeof doctypeModelSchema>

export function parseDoctypeModel(json: unknown, source: string): DoctypeModel {
  const parsed = doctypeModelSchema.safeParse(json)
  if (parsed.success && parsed.data.weights.length === parsed.data.classes.length) return parsed.data
  const issue = parsed.error?.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  throw new Error(
    `${source}: not a document-type model${where}: ${issue?.message ?? 'one weight row per class is needed'}`,
  )
}

export function doctypeModelSha256(model: DoctypeModel): string {
  return sha256Hex(JSON.stringify(model))
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))

/** Each class's one-vs-rest probability, normalised to sum to one. */
export function classProbabilities(model: DoctypeModel, features: SparseFeatures): Map<DoctypeClass, number> {
  const raw = model.classes.map((cls, i) => {
    const w = model.weights[i] ?? []
    const bias = w[FEATURE_EXTRACTOR.dimensions] ?? 0
    return [
      cls,
      sigmoid(features.reduce((sum, [index, value]) => sum + (w[index] ?? 0) * value, bias)),
    ] as const
  })
  const total = raw.reduce((sum, [, p]) => sum + p, 0) || 1
  return new Map(raw.map(([cls, p]) => [cls, p / total]))
}

export interface DoctypeVerdict {
  docType: DoctypeClass
  /** The winning class's normalised probability. */
  confidence: number
  /** The words that pushed the winning class most, with their signed contribution. */
  top: [string, number][]
}

export function classifyDoctype(model: DoctypeModel, text: string, topN = 6): DoctypeVerdict {
  const { features, terms } = scaledTerms(text)
  const probabilities = [...classProbabilities(model, features).entries()].sort((a, b) => b[1] - a[1])
  const [docType, confidence] = probabilities[0] ?? ['other', 0]
  const weights = model.weights[model.classes.indexOf(docType)] ?? []
  const top = topTerms(terms, weights, (contribution) => contribution > 0, topN)
  return { docType, confidence: Math.round(confidence * 10_000) / 10_000, top }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

export function multiclassMetrics(
  cases: readonly { actual: DoctypeClass; predicted: DoctypeClass; confidence: number }[],
  classes: readonly DoctypeClass[],
): MulticlassMetrics {
  const confusion: Record<string, Record<string, number>> = {}
  for (const a of classes) confusion[a] = Object.fromEntries(classes.map((p) => [p, 0]))
  for (const c of cases) {
    const row = confusion[c.actual]
    if (row) row[c.predicted] = (row[c.predicted] ?? 0) + 1
  }
  // Macro averages over the classes present in the set, so a rare class counts as much as a common one.
  const present = classes.filter((cls) => cases.some((c) => c.actual === cls))
  let precision = 0
  let recall = 0
  let f1 = 0
  for (const cls of present) {
    const tp = cases.filter((c) => c.actual === cls && c.predicted === cls).length
    const predicted = cases.filter((c) => c.predicted === cls).length
    const actual = cases.filter((c) => c.actual === cls).length
    const p = predicted === 0 ? 0 : tp / predicted
    const r = actual === 0 ? 0 : tp / actual
    precision += p
    recall += r
    f1 += p + r === 0 ? 0 : (2 * p * r) / (p + r)
  }
  const k = present.length || 1
  const right = cases.filter((c) => c.actual === c.predicted).length
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, right: 0 }))
  for (const c of cases) {
    const bin = bins[Math.min(9, Math.floor(c.confidence * 10))]
    if (!bin) continue
    bin.n++
    bin.confidence += c.confidence
    bin.right += c.actual === c.predicted ? 1 : 0
  }
  const calibrationError = bins.reduce(
    (sum, b) => (b.n === 0 ? sum : sum + (b.n / cases.length) * Math.abs((b.confidence - b.right) / b.n)),
    0,
  )
  return {
    n: cases.length,
    accuracy: round(cases.length === 0 ? 0 : right / cases.length),
    precision: round(precision / k),
    recall: round(recall / k),
    f1: round(f1 / k),
    calibrationError: round(calibrationError),
    confusion,
  }
}
