import { describe, expect, it } from 'vitest'
import { binaryMetrics } from '../../../src/shared/learning'

describe('validation metrics', () => {
  it('count a confusion matrix and derive precision, recall and F1 from it', () => {
    const m = binaryMetrics([
      { actual: true, probability: 0.9 },
      { actual: true, probability: 0.4 },
      { actual: false, probability: 0.7 },
      { actual: false, probability: 0.1 },
    ])
    expect(m.confusion).toEqual({ truePositive: 1, falsePositive: 1, trueNegative: 1, falseNegative: 1 })
    expect(m).toMatchObject({ n: 4, accuracy: 0.5, precision: 0.5, recall: 0.5, f1: 0.5 })
  })

  it('measure calibration: a model 90% sure and always right is off by 0.1', () => {
    const cases = Array.from({ length: 10 }, () => ({ actual: true, probability: 0.9 }))
    expect(binaryMetrics(cases).calibrationError).toBeCloseTo(0.1, 6)
  })
})
