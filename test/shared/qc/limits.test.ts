import { describe, expect, it } from 'vitest'
import { describeLimit, limitFromMinMax, parseLimitText } from '../../../src/shared/qc'

const range = (text: string) => {
  const limit = parseLimitText(text)
  if (limit?.kind !== 'range') throw new Error(`${text}: not a range (${JSON.stringify(limit)})`)
  return {
    min: limit.min && [limit.min.value, limit.min.inclusive],
    max: limit.max && [limit.max.value, limit.max.inclusive],
    unit: limit.unit,
  }
}

describe('limit text', () => {
  it.each([
    ['NMT 0.5%', { min: undefined, max: [0.5, true], unit: '%' }],
    ['NLT 99.0%', { min: [99, true], max: undefined, unit: '%' }],
    ['98.0 - 102.0', { min: [98, true], max: [102, true], unit: undefined }],
    ['98.0–102.0 %', { min: [98, true], max: [102, true], unit: '%' }],
    ['≤ 10 ppm', { min: undefined, max: [10, true], unit: 'ppm' }],
    ['Max 1,000 cfu/g', { min: undefined, max: [1000, true], unit: 'cfu/g' }],
    ['Not more than 0,5 %', { min: undefined, max: [0.5, true], unit: '%' }],
    ['< 10 cfu/g', { min: undefined, max: [10, false], unit: 'cfu/g' }],
    ['> 5', { min: [5, false], max: undefined, unit: undefined }],
    ['0.5% max', { min: undefined, max: [0.5, true], unit: '%' }],
    ['NLT 99.0% and NMT 101.0%', { min: [99, true], max: [101, true], unit: '%' }],
    ['6.5 to 8.0', { min: [6.5, true], max: [8, true], unit: undefined }],
    ['5.0 ± 0.5 %', { min: [4.5, true], max: [5.5, true], unit: '%' }],
  ])('%s', (text, expected) => {
    expect(range(text)).toEqual(expected)
  })

  it('reads qualitative limits', () => {
    expect(parseLimitText('Absent in 10 g')).toEqual({
      kind: 'absent',
      portion: '10 g',
      text: 'Absent in 10 g',
    })
    expect(parseLimitText('Negative')).toEqual({ kind: 'absent', text: 'Negative' })
    expect(parseLimitText('Complies')).toEqual({ kind: 'conforms', text: 'Complies' })
    expect(parseLimitText('Pass')).toEqual({ kind: 'conforms', text: 'Pass' })
    expect(parseLimitText('White to off-white powder')).toEqual({
      kind: 'description',
      text: 'White to off-white powder',
    })
    expect(parseLimitText('  ')).toBeUndefined()
    expect(parseLimitText('—')).toBeUndefined()
  })

  it('keeps the printed precision for sentences', () => {
    expect(describeLimit(parseLimitText('NMT 1.50 ppm')!)).toBe('max 1.50 ppm')
    expect(describeLimit(parseLimitText('10.00 - 12.50 %')!)).toBe('10.00 – 12.50 %')
    expect(describeLimit(limitFromMinMax('0.90', undefined, 'g/cc')!)).toBe('min 0.90 g/cc')
    expect(limitFromMinMax('', '')).toBeUndefined()
  })
})
