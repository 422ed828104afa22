import { describe, expect, it } from 'vitest'
import {
  BurstTracker,
  burstOf,
  DEFAULT_WEDGE_TIMING,
  type WedgeTiming,
} from '../../../src/renderer/features/scanners/wedge/timing'

const timing: WedgeTiming = DEFAULT_WEDGE_TIMING
const keys = (text: string, gapMs: number, start = 0) =>
  [...text].map((char, i) => ({ char, at: start + i * gapMs, tag: i }))

describe('keyboard-wedge timing', () => {
  it('a fast burst of enough characters ended promptly is a scan', () => {
    const typed = keys('10ABC123', 8)
    expect(burstOf(typed, 8 * 8, timing)).toEqual({ data: '10ABC123', keys: 8, meanGapMs: 8 })
  })

  it('too short, too slow on average, one long pause, or a late terminator is typing', () => {
    expect(burstOf(keys('10ABC', 5), 30, timing)).toBeNull()
    expect(burstOf(keys('10ABC123', 60), 480, timing)).toBeNull()
    const paused = keys('10ABC123', 5).map((k, i) => (i >= 4 ? { ...k, at: k.at + 100 } : k))
    expect(burstOf(paused, 150, timing)).toBeNull()
    expect(burstOf(keys('10ABC123', 5), 35 + 200, timing)).toBeNull()
  })

  it('honours a configured threshold and minimum length', () => {
    const strict = { ...timing, minLength: 10, maxMeanGapMs: 4 }
    expect(burstOf(keys('10ABC123', 5), 40, strict)).toBeNull()
    expect(burstOf(keys('10ABC12345', 3), 30, strict)?.data).toBe('10ABC12345')
  })

  it('the tracker releases held keys when a pause shows they were typed, oldest first', () => {
    const tracker = new BurstTracker<number>(timing)
    expect(tracker.push('a', 0, 1)).toEqual([])
    expect(tracker.push('b', 50, 2)).toEqual([])
    expect(tracker.push('c', 300, 3).map((k) => k.char)).toEqual(['a', 'b'])
    expect(tracker.held.map((k) => k.char)).toEqual(['c'])
    const end = tracker.end(320)
    expect(end.burst).toBeNull()
    expect(end.released.map((k) => k.tag)).toEqual([3])
    expect(tracker.held).toEqual([])
  })

  it('the tracker hands over a burst and holds nothing after it', () => {
    const tracker = new BurstTracker<null>(timing)
    for (const k of keys(']C10109506000134352', 4)) tracker.push(k.char, k.at, null)
    const end = tracker.end(19 * 4 + 3)
    expect(end.burst?.data).toBe(']C10109506000134352')
    expect(tracker.held).toEqual([])
    expect(tracker.isTerminator('Enter') && tracker.isTerminator('Tab') && !tracker.isTerminator('a')).toBe(
      true,
    )
  })
})
