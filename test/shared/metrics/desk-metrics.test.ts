import { describe, expect, it } from 'vitest'
import {
  emptyLatencyHistogram,
  LATENCY_BUCKETS,
  MAX_LATENCY_CHANNELS,
  observeLatency,
} from '../../../src/shared/metrics'
import { heartbeatSchema } from '../../../src/shared/sync/wire'
import { formatZodIssues } from '../../../src/shared/contract/errors'

describe('latency histogram', () => {
  it('counts each call in every bucket at or above it, like Prometheus le, with +Inf as count', () => {
    const h = emptyLatencyHistogram()
    for (const s of [0.001, 0.025, 0.19, 0.2, 0.21, 3.2, 10]) observeLatency(h, s)
    expect(h.buckets).toEqual([...LATENCY_BUCKETS])
    // 0.025 0.05 0.1 0.2 0.4 0.8 1.6 3.2
    expect(h.counts).toEqual([2, 2, 2, 4, 5, 5, 5, 6])
    expect(h.count).toBe(7)
    expect(h.sum).toBeCloseTo(13.826, 6)
  })

  it('treats a negative or non-finite duration as zero instead of corrupting the sum', () => {
    const h = emptyLatencyHistogram()
    observeLatency(h, -1)
    observeLatency(h, Number.NaN)
    expect(h.counts[0]).toBe(2)
    expect(h.sum).toBe(0)
  })
})

describe('heartbeat schema with metrics', () => {
  const good = {
    queueDepth: 2,
    metrics: {
      apiLatency: {
        'documents.list': emptyLatencyHistogram(),
        'sync.credentials.get': emptyLatencyHistogram(),
      },
      workerQueueDepth: 600,
      ocrPages: { count: 3, sumSeconds: 4.5 },
      ocrAccuracy: { reviewedChars: 100, correctedChars: 2, accuracy: 0.98 },
    },
  }
  const problem = (body: unknown) => {
    const r = heartbeatSchema.safeParse(body)
    return r.success ? null : formatZodIssues(r.error)
  }

  it('accepts the full set, an old desk without metrics, and null accuracy', () => {
    expect(problem(good)).toBeNull()
    expect(problem({ queueDepth: 1 })).toBeNull()
    expect(problem({ metrics: { ocrAccuracy: null } })).toBeNull()
  })

  it('refuses unknown fields, label-breaking channel names, and histograms that are not cumulative', () => {
    expect(problem({ ...good, metrics: { ...good.metrics, cpu: 1 } })).toMatch(/cpu|unrecognized/i)
    expect(problem({ metrics: { apiLatency: { 'Documents List': emptyLatencyHistogram() } } })).toMatch(
      /metrics\.apiLatency/,
    )
    const decreasing = { buckets: [0.1, 0.2], counts: [3, 1], count: 3, sum: 1 }
    expect(problem({ metrics: { apiLatency: { 'app.info': decreasing } } })).toMatch(/cumulative/)
    const short = { buckets: [0.1, 0.2], counts: [1], count: 1, sum: 1 }
    expect(problem({ metrics: { apiLatency: { 'app.info': short } } })).toMatch(/one entry per bucket/)
    expect(problem({ metrics: { workerQueueDepth: -1 } })).toMatch(/workerQueueDepth/)
    expect(
      problem({ metrics: { ocrAccuracy: { reviewedChars: 1, correctedChars: 0, accuracy: 1.5 } } }),
    ).toMatch(/accuracy/)
  })

  it(`caps a desk at ${MAX_LATENCY_CHANNELS} channels`, () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_LATENCY_CHANNELS + 1 }, (_, i) => [`app.m${i}`, emptyLatencyHistogram()]),
    )
    expect(problem({ metrics: { apiLatency: many } })).toMatch(/at most/)
  })
})
