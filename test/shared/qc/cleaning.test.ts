import { describe, expect, it } from 'vitest'
import { cleanResultText, findCoaDate, parseCoaDate, parseResult } from '../../../src/shared/qc'

describe('result cells cleaned of OCR debris', () => {
  it.each([
    [': 0.10', '0.10', undefined],
    [':0.10', '0.10', undefined],
    ['- 0.10', '0.10', undefined],
    ['-0.5', '-0.5', undefined],
    ['21 %-', '21 %', undefined],
    ['0.10 .', '0.10', undefined],
    ['Absent’', 'Absent', undefined],
    ['Neg.', 'Neg.', undefined],
    ['0.19 IS 15573 Annex', '0.19', 'IS 15573 Annex'],
    ['0.19 IS:15573 Annex B', '0.19', 'IS:15573 Annex B'],
    ['Complies with IS 1065', 'Complies', 'with IS 1065'],
    ['120 cfu/g (USP <61>)', '120 cfu/g', 'USP <61>'],
    ['IS 15573', 'IS 15573', undefined],
  ])('%s → %s', (raw, text, method) => {
    const cleaned = cleanResultText(raw)
    expect(cleaned.text).toBe(text)
    expect(cleaned.method).toBe(method)
  })

  it.each([
    [': 0.10', { kind: 'number', value: 0.1 }],
    ['0.19 IS 15573 Annex', { kind: 'number', value: 0.19 }],
    ['21 %-', { kind: 'number', value: 21, unit: '%' }],
    ['NMT 0.5', { kind: 'below', value: 0.5, inclusive: true }],
    ['NLT 99 %', { kind: 'above', value: 99, inclusive: true, unit: '%' }],
    [': Complies', { kind: 'pass' }],
    ['- Absent', { kind: 'absent' }],
    ['-', { kind: 'empty' }],
    ['0.1O.2', { kind: 'text' }],
    // The slash of the unit read as "l" or "|" (a 300-dpi development scan read "45 cfulg").
    ['45 cfulg', { kind: 'number', value: 45, unit: 'cfu/g' }],
    ['< 10 mg|kg', { kind: 'below', value: 10, unit: 'mg/kg' }],
  ])('%s reads as %j', (raw, expected) => expect(parseResult(raw)).toMatchObject(expected))
})

describe('COA dates', () => {
  it.each([
    ['02/08/2026', '2026-08-02'],
    ['02-Aug-2026', '2026-08-02'],
    ['Aug 2026', '2026-08-31'],
    ['2026-08-02', '2026-08-02'],
    ['02.08.26', '2026-08-02'],
  ])('%s → %s', (text, iso) => {
    expect(parseCoaDate(text)).toBe(iso)
    expect(findCoaDate(`Expiry Date : ${text}`)?.iso).toBe(iso)
  })
})
