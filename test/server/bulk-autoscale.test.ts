import { describe, expect, it } from 'vitest'
import {
  decideWorkers,
  DEFAULT_SCALE_POLICY,
  parseScaleRange,
  type ScalePolicy,
} from '../../server/bulk/autoscale'

const policy: ScalePolicy = { ...DEFAULT_SCALE_POLICY, min: 1, max: 4 }
const queue = (depth: number, active = 0, oldestWaitingSeconds = 0) => ({
  depth,
  active,
  oldestWaitingSeconds,
})

describe('bulk autoscaling rule', () => {
  it('runs one worker per 500 queued jobs (worker_queue_depth), within min..max', () => {
    expect(decideWorkers(policy, queue(0), 1, 999).workers).toBe(1)
    expect(decideWorkers(policy, queue(499, 1), 1, 999).workers).toBe(1)
    expect(decideWorkers(policy, queue(501, 0), 1, 0).workers).toBe(2)
    expect(decideWorkers(policy, queue(1400, 100), 1, 0).workers).toBe(3)
    const flood = decideWorkers(policy, queue(10_000), 2, 0)
    expect(flood.workers).toBe(4)
    expect(flood.reason).toContain('1..4')
  })

  it('adds a worker when the oldest job has waited too long, even at low depth', () => {
    const stale = decideWorkers(policy, queue(40, 2, 600), 1, 0)
    expect(stale.workers).toBe(2)
    expect(stale.reason).toMatch(/oldest job has waited 600s/)
    expect(decideWorkers(policy, queue(40, 2, 600), 4, 0).workers).toBe(4)
  })

  it('scales up at once but down only after the cool-down', () => {
    expect(decideWorkers(policy, queue(2000), 1, 1).workers).toBe(4)
    const cooling = decideWorkers(policy, queue(0), 4, 30)
    expect(cooling.workers).toBe(4)
    expect(cooling.reason).toMatch(/cooling down \(30s of 60s\)/)
    expect(decideWorkers(policy, queue(0), 4, 61).workers).toBe(1)
  })

  it('never drops below min, and min 0 lets an idle pool stop', () => {
    expect(decideWorkers({ ...policy, min: 2 }, queue(0), 2, 999).workers).toBe(2)
    expect(decideWorkers({ ...policy, min: 0 }, queue(0), 1, 999).workers).toBe(0)
    expect(decideWorkers({ ...policy, min: 0 }, queue(1), 0, 0).workers).toBe(1)
  })

  it('reads --autoscale min..max and names the flag when it cannot', () => {
    expect(parseScaleRange('1..4')).toEqual({ min: 1, max: 4 })
    expect(() => parseScaleRange('4')).toThrow(/--autoscale: expected min\.\.max/)
    expect(() => parseScaleRange('5..2')).toThrow(/--autoscale/)
    expect(() => parseScaleRange('0..0')).toThrow(/--autoscale/)
  })
})
