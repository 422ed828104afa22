import { z } from 'zod'

/**
 * Upper bounds (seconds) of the desk's API latency histogram: doubling steps around the seed's
 * 200 ms target, so a p95 near the threshold lands between two close bounds.
 */
export const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2] as const

/** Contract method names look like `documents.list`; the hub refuses anything else as a label. */
export const CHANNEL_NAME_PATTERN = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*){1,3}$/

/** The contract has a few dozen methods; the cap keeps one desk from inflating the hub's label set. */
export const MAX_LATENCY_CHANNELS = 128

const count = z.number().int().nonnegative()

/** Cumulative like Prometheus: counts[i] is the number of calls that took at most buckets[i]. */
export const latencyHistogramSchema = z
  .strictObject({
    buckets: z.array(z.number().positive().finite()).min(1).max(32),
    counts: z.array(count).min(1).max(32),
    count,
    sum: z.number().nonnegative().finite(),
  })
  .superRefine((h, ctx) => {
    if (h.counts.length !== h.buckets.length) {
      ctx.addIssue({ code: 'custom', message: 'counts must have one entry per bucket', path: ['counts'] })
    }
    if (h.buckets.some((b, i) => i > 0 && b <= (h.buckets[i - 1] ?? 0))) {
      ctx.addIssue({ code: 'custom', message: 'buckets must be ascending', path: ['buckets'] })
    }
    if (h.counts.some((c, i) => i > 0 && c < (h.counts[i - 1] ?? 0)) || (h.counts.at(-1) ?? 0) > h.count) {
      ctx.addIssue({
        code: 'custom',
        message: 'counts must be cumulative (non-decreasing, at most count)',
        path: ['counts'],
      })
    }
  })
export type LatencyHistogram = z.infer<typeof latencyHistogramSchema>

export const ocrAccuracyReportSchema = z
  .strictObject({
    reviewedChars: count,
    correctedChars: count,
    accuracy: z.number().min(0).max(1),
  })
  .refine((a) => a.correctedChars <= a.reviewedChars || a.accuracy === 0, {
    message: 'correctedChars beyond reviewedChars means accuracy 0',
  })
export type OcrAccuracyReport = z.infer<typeof ocrAccuracyReportSchema>

/** What a desk measures about itself and sends with each heartbeat (all cumulative since it started). */
export const deskMetricsSchema = z.strictObject({
  apiLatency: z
    .record(z.string().regex(CHANNEL_NAME_PATTERN, 'must be a contract method name'), latencyHistogramSchema)
    .refine((r) => Object.keys(r).length <= MAX_LATENCY_CHANNELS, {
      message: `at most ${MAX_LATENCY_CHANNELS} channels`,
    })
    .optional(),
  workerQueueDepth: count.optional(),
  ocrPages: z.strictObject({ count, sumSeconds: z.number().nonnegative().finite() }).optional(),
  /** The heartbeat's tenant's accuracy; null until a person has reviewed an OCR'd value. */
  ocrAccuracy: ocrAccuracyReportSchema.nullable().optional(),
})
export type DeskMetrics = z.infer<typeof deskMetricsSchema>

/** A histogram with no observations on the standard buckets. */
export function emptyLatencyHistogram(): LatencyHistogram {
  return { buckets: [...LATENCY_BUCKETS], counts: LATENCY_BUCKETS.map(() => 0), count: 0, sum: 0 }
}

/** Adds one observation in place; a value above the last bound only counts toward count (+Inf). */
export function observeLatency(h: LatencyHistogram, seconds: number): void {
  const value = Number.isFinite(seconds) && seconds > 0 ? seconds : 0
  h.count += 1
  h.sum += value
  h.buckets.forEach((bound, i) => {
    if (value <= bound) h.counts[i] = (h.counts[i] ?? 0) + 1
  })
}
