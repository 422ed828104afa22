import { describe, expect, it } from 'vitest'
import type { ExtractedCell, ExtractedRow } from '../../../src/shared/qc'
import { evaluate, nextSpecVersion, parseSpecification, specFingerprint } from '../../../src/shared/qc'

const MINIMAL = {
  product: 'Zinc Bisglycinate Chelate SF',
  version: 1,
  parameters: [
    { name: 'Zinc', unit: '%', min: 20 },
    { name: 'Lead', unit: 'ppm', max: 3.0 },
    { name: 'Loss on drying', aliases: ['LOD', 'Moisture'], unit: '%', limit: 'NMT 6.0' },
    { name: 'pH', limit: '6.5 - 8.0' },
    { name: 'Salmonella', limit: 'Absent in 10 g' },
  ],
}

const cell = (text: string, confidence = 95): ExtractedCell => ({
  text,
  page: 1,
  bbox: [0, 0, 10, 10],
  confidence,
})
const row = (name: string, result: string, unit?: string, confidence?: number): ExtractedRow => ({
  page: 1,
  bbox: [0, 0, 10, 10],
  cells: { name: cell(name), result: cell(result, confidence), ...(unit ? { unit: cell(unit) } : {}) },
  others: [],
})

function spec(input: unknown = MINIMAL) {
  const parsed = parseSpecification(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.compiled
}

describe('specification', () => {
  it('accepts the minimal specification from the issue', () => {
    const s = spec()
    expect(s.parameters.map((p) => p.limitText)).toEqual([
      'min 20 %',
      'max 3 ppm',
      'max 6.0 %',
      '6.5 – 8.0',
      'absent in 10 g',
    ])
  })

  it('names the path of every error', () => {
    const bad = parseSpecification({
      product: '',
      version: 0,
      parameters: [
        { name: 'Lead', min: 5, max: 1 },
        { name: 'pH' },
        { name: 'Lead', limit: 'NMT 1', max: 2 },
      ],
    })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    const paths = bad.errors.map((e) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'product',
        'version',
        'parameters[0].min',
        'parameters[1].limit',
        'parameters[2].limit',
        'parameters[2].name',
      ]),
    )
  })

  it('versions by content', () => {
    const a = parseSpecification(MINIMAL)
    const b = parseSpecification({ ...MINIMAL, parameters: [...MINIMAL.parameters.slice(0, 4)] })
    if (!a.ok || !b.ok) throw new Error('invalid')
    expect(nextSpecVersion(a.spec, a.spec)).toBe(1)
    expect(nextSpecVersion(a.spec, b.spec)).toBe(2)
    expect(specFingerprint(a.spec)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('evaluation', () => {
  it('judges each parameter with a sentence, and the worst wins', () => {
    const e = evaluate(spec(), [
      row('Zinc', '22', '%'),
      row('Lead', '3.86', 'ppm'),
      row('Moisture (LOD)', '2,7', '%'),
      row('pH', '7.2'),
      row('Salmonella', 'Absent'),
    ])
    expect(e.parameters.map((p) => [p.verdict, p.reason])).toEqual([
      ['pass', 'Zinc 22 % meets min 20 %'],
      ['fail', 'Lead 3.86 ppm exceeds max 3 ppm'],
      ['pass', 'Loss on drying 2,7 % meets max 6.0 %'],
      ['pass', 'pH 7.2 is within 6.5 – 8.0'],
      ['pass', 'Salmonella "Absent" meets absent in 10 g'],
    ])
    expect(e.verdict).toBe('fail')
  })

  it('follows LIMS practice for detection limits', () => {
    const s = spec({
      product: 'X',
      version: 1,
      parameters: [
        { name: 'Lead', unit: 'ppm', max: 1.5 },
        { name: 'Zinc', unit: '%', min: 20 },
        { name: 'Copper', unit: 'ppm', min: 0.01 },
        { name: 'Iron', unit: 'ppm', max: 10 },
        { name: 'Arsenic', unit: 'ppm', max: 1 },
      ],
    })
    const e = evaluate(s, [
      row('Lead', '<0.05', 'ppm'),
      row('Zinc', '<0.05', '%'),
      row('Copper', '<0.05', 'ppm'),
      row('Iron', '>10', 'ppm'),
      row('Arsenic', 'ND'),
    ])
    expect(e.parameters.map((p) => p.verdict)).toEqual(['pass', 'fail', 'review', 'fail', 'pass'])
    expect(e.parameters[2]!.reason).toMatch(/cannot prove min 0.01/)
  })

  it('converts exact units and sends the rest to review', () => {
    const s = spec({
      product: 'X',
      version: 1,
      parameters: [
        { name: 'Lead', unit: 'ppm', max: 1.5 },
        { name: 'Density', unit: 'g/mL', min: 0.9 },
        { name: 'Zinc', unit: '%', min: 20 },
      ],
    })
    const e = evaluate(s, [
      row('Lead', '1200', 'ppb'),
      row('Density', '0.99', 'g/cc'),
      row('Zinc', '22', '% w/v'),
    ])
    expect(e.parameters.map((p) => p.verdict)).toEqual(['pass', 'pass', 'review'])
    expect(e.parameters[0]!.reason).toBe('Lead 1200 ppb (= 1.2 ppm) meets max 1.5 ppm')
  })

  it('sends missing, unreadable and low-confidence results to review', () => {
    const e = evaluate(spec(), [
      row('Zinc', 'see attached', '%'),
      row('Lead', '1.2', 'ppm', 31),
      row('pH', '7.0'),
    ])
    const byName = Object.fromEntries(e.parameters.map((p) => [p.specName, p]))
    expect(byName.Zinc!.verdict).toBe('review')
    expect(byName.Lead!.reason).toMatch(/confidence 31 \(under 60\)/)
    expect(byName['Loss on drying']!.reason).toBe('Loss on drying is missing from the COA')
    expect(e.verdict).toBe('review')
  })

  it('gives warn inside the warning band', () => {
    const s = spec({
      product: 'X',
      version: 1,
      parameters: [{ name: 'Lead', unit: 'ppm', max: 3, warning: { max: 2.5 } }],
    })
    const e = evaluate(s, [row('Lead', '2.7', 'ppm')])
    expect(e.parameters[0]).toMatchObject({
      verdict: 'warn',
      reason: 'Lead 2.7 ppm is within max 3 ppm but above the warning level 2.5 ppm',
    })
    expect(e.verdict).toBe('pass')
  })

  it('matches names through OCR noise and case', () => {
    const s = spec({
      product: 'X',
      version: 1,
      parameters: [
        { name: 'Total Aerobic Microbial Count', limit: 'NMT 1000 cfu/g' },
        { name: 'Arsenic', max: 1 },
      ],
    })
    const e = evaluate(s, [row('TOTAL AEROBIC MICR0BIAL COUNT', '<10', 'cfu/g'), row('Arsen1c (As)', '0.1')])
    expect(e.parameters.map((p) => p.verdict)).toEqual(['pass', 'pass'])
  })
})
