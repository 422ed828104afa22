import { describe, expect, it } from 'vitest'
import { isValidation, splitRecords, VALIDATION_SHARE } from '../../../src/shared/learning'

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `decision-${from + i}`)

describe('the validation split', () => {
  it('puts a record on the same side every time, on every desk and the hub', () => {
    const first = ids(0, 500).map((id) => isValidation(id))
    const again = ids(0, 500).map((id) => isValidation(id))
    expect(again).toEqual(first)
  })

  it('never moves a record between train and validation as more data arrives', () => {
    const small = splitRecords(ids(0, 200), (id) => id)
    const grown = splitRecords(ids(0, 2000), (id) => id)
    for (const id of small.validation) expect(grown.validation).toContain(id)
    for (const id of small.train) expect(grown.train).toContain(id)
  })

  it('keeps about a fifth of the records for validation', () => {
    const { validation } = splitRecords(ids(0, 5000), (id) => id)
    expect(validation.length / 5000).toBeGreaterThan(VALIDATION_SHARE - 0.03)
    expect(validation.length / 5000).toBeLessThan(VALIDATION_SHARE + 0.03)
  })
})
