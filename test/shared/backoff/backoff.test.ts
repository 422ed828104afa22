import { describe, expect, it } from 'vitest'
import { backoffCeiling, equalJitterDelay, fullJitterDelay } from '../../../src/shared/backoff'

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
