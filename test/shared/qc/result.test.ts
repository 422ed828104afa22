import { describe, expect, it } from 'vitest'
import { cleanUnitText, conversion, parseNumber, parseResult, unitInfo } from '../../../src/shared/qc'

describe('numbers', () => {
  it.each([
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['0,05', 0.05],
    ['1,000', 1000],
    ['12,345,678', 12345678],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1 000', 1000],
    ['1.2E+03', 1200],
    ['1.2 x 10^3', 1200],
    ['0.O5', 0.05],
    ['-3', -3],
  ])('%s → %d', (text, value) => expect(parseNumber(text)).toBe(value))

  it('is not fooled by words', () => {
    expect(parseNumber('Pass')).toBeUndefined()
    expect(parseNumber('Q 54')).toBeUndefined()
  })
})

describe('results', () => {
  it.each([
    ['<0.05', { kind: 'below', value: 0.05, inclusive: false }],
    ['≤ 0.05', { kind: 'below', value: 0.05, inclusive: true }],
    ['< LOQ (0.05)', { kind: 'below', value: 0.05, inclusive: false }],
    ['>10', { kind: 'above', value: 10, inclusive: false }],
    ['ND', { kind: 'not-detected' }],
    ['N.D.', { kind: 'not-detected' }],
    ['BLQ', { kind: 'not-detected' }],
    ['Not detected', { kind: 'not-detected' }],
    ['<LOQ', { kind: 'not-detected' }],
    ['Pass', { kind: 'pass' }],
    ['Complies', { kind: 'pass' }],
    ['Conforms', { kind: 'pass' }],
    ['Does not comply', { kind: 'fail' }],
    ['Absent', { kind: 'absent' }],
    ['Absent in 25 g', { kind: 'absent' }],
    ['Positive', { kind: 'present' }],
    ['1,000', { kind: 'number', value: 1000 }],
    ['12,5', { kind: 'number', value: 12.5 }],
    ['0.21 ppm', { kind: 'number', value: 0.21, unit: 'ppm' }],
    ['22%', { kind: 'number', value: 22, unit: '%' }],
    ['White powder', { kind: 'text' }],
    ['', { kind: 'empty' }],
  ])('%s', (text, expected) => expect(parseResult(text)).toMatchObject(expected))
})

describe('units', () => {
  it('cleans LIMS suffixes', () => {
    expect(cleanUnitText('%_0')).toBe('%')
    expect(cleanUnitText('ppm_')).toBe('ppm')
    expect(cleanUnitText('pH_1')).toBe('pH')
    expect(cleanUnitText('%.')).toBe('%')
    expect(cleanUnitText('g/cc')).toBe('g/cc')
    expect(cleanUnitText('')).toBeUndefined()
  })

  it('normalises and converts only exactly', () => {
    expect(unitInfo('% w/w')?.symbol).toBe('%')
    expect(unitInfo('µg/g')?.symbol).toBe('µg/g')
    expect(conversion('mg/kg', 'ppm')).toMatchObject({ ok: true, factor: 1 })
    expect(conversion('ug/g', 'ppm')).toMatchObject({ ok: true, factor: 1 })
    expect(conversion('ppb', 'ppm')).toMatchObject({ ok: true, factor: 0.001 })
    expect(conversion('ppm', '%')).toMatchObject({ ok: true })
    expect(conversion('g/cc', 'g/mL')).toMatchObject({ ok: true, factor: 1 })
    expect(conversion('%_0', '%')).toMatchObject({ ok: true, factor: 1 })
    expect(conversion('% w/v', '%')).toMatchObject({ ok: false })
    expect(conversion('cfu/g', 'cfu/mL')).toMatchObject({ ok: false })
    expect(conversion('ppm', 'cfu/g')).toMatchObject({ ok: false })
    expect(conversion(undefined, 'ppm')).toMatchObject({ ok: true, factor: 1 })
  })
})
