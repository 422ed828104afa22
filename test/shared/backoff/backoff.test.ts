import { describe, expect, it } from 'vitest'
import { backoffCeiling, equalJitterDelay, fullJitterDelay } from '../../../src/shared/backoff'
import { splitBucket, splitOf } from '../../../src/shared/sync/split'
import { GROUND_TRUTH_KINDS } from '../../../src/shared/sync/kinds'

describe('full-jitter backoff', () => {
  it('doubles the ceiling per attempt up to the five-minute cap', () => {
    expect([0, 1, 2, 3].map((a) => backoffCeiling(a))).toEqual([1000, 2000, 4000, 8000])
    expect(backoffCeiling(8)).toBe(256_000)
    expect(backoffCeiling(9)).toBe(300_000)
    expect(backoffCeiling(10_000)).toBe(300_000)
  })

  it('draws uniformly below the ceiling', () => {
    expect(fullJitterDelay(3, undefined, () => 0)).toBe(0)
    expect(fullJitterDelay(3, undefined, () => 0.5)).toBe(4000)
    expect(fullJitterDelay(3, undefined, () => 0.999999)).toBe(7999)
    const samples = Array.from({ length: 2000 }, () => fullJitterDelay(20))
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...samples)).toBeLessThan(300_000)
    // Full jitter spreads retries over the whole range, unlike "equal jitter" (always >= half).
    expect(samples.some((s) => s < 150_000)).toBe(true)
  })
})

describe('ground-truth split', () => {
  it('is a pure function of the document id', () => {
    expect(splitBucket('doc-1')).toBe(splitBucket('doc-1'))
    expect(splitOf('doc-1')).toBe(splitOf('doc-1'))
  })
  it('sends about 80% to training', () => {
    const n = 5000
    const train = Array.from({ length: n }, (_, i) => splitOf(`document-${i}`)).filter((s) => s === 'train')
    expect(train.length / n).toBeGreaterThan(0.77)
    expect(train.length / n).toBeLessThan(0.83)
  })
})

describe('ground-truth kinds', () => {
  it('keeps original and corrected values, who and when on a correction', () => {
    const parsed = GROUND_TRUTH_KINDS['field.correction'].safeParse({
      documentId: 'd',
      documentHash: 'a'.repeat(64),
      field: 'expiry',
      originalValue: '2026-13-01',
      correctedValue: '2026-12-01',
      modelVersion: 'm@1',
      confidence: 0.4,
      correctedBy: 'qa',
      correctedAt: '2026-03-02T09:00:00Z',
      extra: true,
    })
    expect(parsed.success).toBe(false) // strict: a renamed field is an error, not silently dropped
  })
})

describe('floors and equal jitter', () => {
  it('never retries sooner than the floor', () => {
    const options = { baseMs: 100, capMs: 1000, floorMs: 10 }
    expect(fullJitterDelay(5, options, () => 0)).toBe(10)
    expect(fullJitterDelay(3, options, () => 0.5)).toBe(400)
  })

  it('keeps half of the window fixed with equal jitter', () => {
    const options = { baseMs: 250, capMs: 10_000 }
    expect(equalJitterDelay(0, options, () => 0)).toBe(125)
    expect(equalJitterDelay(2, options, () => 0.999)).toBeLessThanOrEqual(1000)
    expect(equalJitterDelay(20, options, () => 0)).toBe(5000)
  })
})
