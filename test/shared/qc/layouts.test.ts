import { describe, expect, it } from 'vitest'
import {
  checkExpiry,
  evaluate,
  parseSpecification,
  type CoaExtraction,
  type ExtractedRow,
} from '../../../src/shared/qc'
import { extractHeaderFields } from '../../../src/shared/qc/headerFields'
import { extractTables } from '../../../src/shared/qc/table/extract'
import { pageOf, type Line } from './page-text'

function spec(input: unknown) {
  const parsed = parseSpecification(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.compiled
}

/** What assessCoa does with a page: tables, then header fields outside them. */
function read(lines: Line[]) {
  const page = pageOf(lines)
  const tables = extractTables(page)
  const fields = extractHeaderFields(
    page,
    tables.map((t) => ({ y0: t.bbox[1], y1: t.bbox[3] })),
  )
  const rows = tables.flatMap((t) => t.rows)
  const extraction: CoaExtraction = { tables, fields, notes: [] }
  return { page, tables, rows, fields, extraction }
}

const cells = (rows: ExtractedRow[]) =>
  rows.map((r) => [r.cells.name?.text, r.cells.result?.text, r.cells.unit?.text, r.cells.spec?.text])

const FERRIC = spec({
  product: 'Ferric Chloride Anhydrous',
  version: 1,
  parameters: [
    { name: 'Appearance', limit: 'Complies' },
    { name: 'Ferric chloride', aliases: ['Ferric chloride (as FeCl3)', 'FeCl3'], unit: '%', min: 40.0 },
    { name: 'Insolubles', aliases: ['Insoluble matter'], unit: '%', max: 1.0 },
    { name: 'Free acid', aliases: ['Free acid (as HCl)'], unit: '%', max: 0.5 },
    { name: 'Lead', unit: 'ppm', max: 10 },
  ],
})

function ferricReport(values: { fecl3?: string; insolubles?: string; lead?: string } = {}): Line[] {
  return [
    'Shree Ganesh Chemicals Pvt. Ltd.',
    [[700, 'TEST REPORT']],
    [
      [100, 'Product : Ferric Chloride Anhydrous'],
      [1300, 'Report No. : QC/2026/118'],
    ],
    [
      [100, 'Batch No. : FC-2026-118'],
      [1300, 'Date : 02/08/2026'],
    ],
    'Results of analysis :',
    '1. Appearance : Complies',
    `2. Ferric chloride (as FeCl3) : ${values.fecl3 ?? '42.85'} % (Min. 40.0)`,
    `3. Insolubles : ${values.insolubles ?? '0.45'} % (Max. 1.0)`,
    '4. Free acid (as HCl) - 0.21 % Limit: Max. 0.5',
    `Lead (as Pb) : ${values.lead ?? '8'} ppm Spec: NMT 10 ppm`,
    'Remarks : The sample complies with IS 711.',
  ]
}

describe('results printed as numbered lines', () => {
  it('reads each line as a row with name, result, unit and limit cells', () => {
    const { tables, rows } = read(ferricReport())
    expect(tables).toHaveLength(1)
    expect(cells(rows)).toEqual([
      ['Appearance', 'Complies', undefined, undefined],
      ['Ferric chloride (as FeCl3)', '42.85', '%', 'Min. 40.0'],
      ['Insolubles', '0.45', '%', 'Max. 1.0'],
      ['Free acid (as HCl)', '0.21', '%', 'Max. 0.5'],
      ['Lead (as Pb)', '8', 'ppm', 'NMT 10 ppm'],
    ])
    // Cell boxes lie on the word boxes of their line, for highlighting.
    const fe = rows[1]!
    expect(fe.cells.result!.bbox[1]).toBe(fe.cells.name!.bbox[1])
    expect(fe.cells.result!.bbox[0]).toBeGreaterThan(fe.cells.name!.bbox[2])
    expect(fe.cells.unit!.bbox[0]).toBeGreaterThan(fe.cells.result!.bbox[2])
    expect(fe.cells.spec!.bbox[0]).toBeGreaterThan(fe.cells.unit!.bbox[2])
    expect(fe.cells.result!.confidence).toBe(100)
  })

  it('passes a compliant report and reads its header', () => {
    const { rows, fields } = read(ferricReport())
    const evaluation = evaluate(FERRIC, rows)
    expect(evaluation.parameters.map((p) => [p.specName, p.verdict])).toEqual([
      ['Appearance', 'pass'],
      ['Ferric chloride', 'pass'],
      ['Insolubles', 'pass'],
      ['Free acid', 'pass'],
      ['Lead', 'pass'],
    ])
    expect(evaluation.verdict).toBe('pass')
    expect(fields.product?.text).toBe('Ferric Chloride Anhydrous')
    expect(fields.batch?.text).toBe('FC-2026-118')
  })

  it.each([
    [{ fecl3: '38.20' }, 'Ferric chloride'],
    [{ insolubles: '1.45' }, 'Insolubles'],
    [{ lead: '12' }, 'Lead'],
  ])('fails a report with %j out of limits', (values, failing) => {
    const evaluation = evaluate(FERRIC, read(ferricReport(values)).rows)
    expect(evaluation.verdict).toBe('fail')
    expect(evaluation.parameters.filter((p) => p.verdict === 'fail').map((p) => p.specName)).toEqual([
      failing,
    ])
  })

  it('reads lines without numbers, with "-" or "Spec:" and without a limit', () => {
    const { rows } = read([
      'Appearance - Conforms',
      'Ferric chloride : 41.2% Spec: NLT 40.0 %',
      'Insolubles - 0.62 % [Max. 1.0]',
      'Free acid : 0.3 %',
      'Lead : <5 ppm (NMT 10)',
    ])
    expect(cells(rows)).toEqual([
      ['Appearance', 'Conforms', undefined, undefined],
      ['Ferric chloride', '41.2', '%', 'NLT 40.0 %'],
      ['Insolubles', '0.62', '%', 'Max. 1.0'],
      ['Free acid', '0.3', '%', undefined],
      ['Lead', '<5', 'ppm', 'NMT 10'],
    ])
    expect(evaluate(FERRIC, rows).verdict).toBe('pass')
  })

  it('reads a limit printed after the value without brackets', () => {
    const { rows } = read(['1. Insolubles : 0.45 % Max. 1.0', '2. Free acid : 0.21 % NMT 0.5'])
    expect(cells(rows)).toEqual([
      ['Insolubles', '0.45', '%', 'Max. 1.0'],
      ['Free acid', '0.21', '%', 'NMT 0.5'],
    ])
  })

  it('sends a line whose value cannot be read to review, never to a pass', () => {
    const { rows } = read([
      '1. Appearance : Complies',
      '2. Ferric chloride : 4Z.8S % (Min. 40.0)',
      '3. Insolubles : (Max. 1.0)',
      '4. Free acid : 0.21 %',
      '5. Lead : 8 ppm',
    ])
    const evaluation = evaluate(FERRIC, rows)
    expect(evaluation.parameters.map((p) => [p.specName, p.verdict])).toEqual([
      ['Appearance', 'pass'],
      ['Ferric chloride', 'review'],
      ['Insolubles', 'review'],
      ['Free acid', 'pass'],
      ['Lead', 'pass'],
    ])
    expect(evaluation.verdict).toBe('review')
  })

  it('keeps "Description" as a numbered result, not a header label', () => {
    const { rows } = read(['1. Description : White powder', '2. Insolubles : 0.45 % (Max. 1.0)'])
    expect(cells(rows)).toEqual([
      ['Description', 'White powder', undefined, undefined],
      ['Insolubles', '0.45', '%', 'Max. 1.0'],
    ])
  })

  it('takes no header key–value lines for results', () => {
    const { tables } = read([
      'Product : Ferric Chloride',
      'Batch No. : 118',
      'Mfg. Date : 02/08/2026',
      'Quantity : 25 kg',
      'Net Weight : 50',
    ])
    expect(tables).toEqual([])
  })
})

describe('two- and three-column header blocks', () => {
  const FIELDS = [
    ['Product :', 'Bleaching Powder (Chlorinated Lime)', 'Report No. :', 'QC/2026/118'],
    ['Batch No. :', 'BP/26/118', 'Expiry Date :', 'Aug 2027'],
    ['Mfg. Date :', '02.08.26', 'Supplier :', 'Gujarat Alkalies Ltd'],
  ]
  const expectFields = (fields: ReturnType<typeof read>['fields']) => {
    expect(fields.product?.text).toBe('Bleaching Powder (Chlorinated Lime)')
    expect(fields.batch?.text).toBe('BP/26/118')
    expect(fields.expiry?.date).toBe('2027-08-31')
    expect(fields.manufactured?.date).toBe('2026-08-02')
    expect(fields.supplier?.text).toBe('Gujarat Alkalies Ltd')
  }

  it('splits columns set apart by a wide gap', () => {
    const lines: Line[] = FIELDS.map(([a, b, c, d]) => [
      [100, `${a} ${b}`],
      [1200, `${c} ${d}`],
    ])
    expectFields(read(lines).fields)
  })

  it('splits columns printed close together at the next label', () => {
    expectFields(read(FIELDS.map((f) => f.join(' '))).fields)
  })

  it('splits labels without colons by the gap, and labels aligned in columns', () => {
    const lines: Line[] = FIELDS.map(([a, b, c, d]) => [
      [100, a!.replace(' :', '')],
      [400, b!],
      [1200, c!.replace(' :', '')],
      [1500, d!],
    ])
    expectFields(read(lines).fields)
  })

  it('keeps a colon inside a value', () => {
    const { fields } = read(['Product : Zinc Oxide: Feed Grade', 'Batch No. : ZO-7 Date : 02/08/2026'])
    expect(fields.product?.text).toBe('Zinc Oxide: Feed Grade')
    expect(fields.batch?.text).toBe('ZO-7')
  })

  it('reads a three-column block', () => {
    const { fields } = read([
      [
        [100, 'Product : Bleaching Powder'],
        [900, 'Batch No. : BP118'],
        [1600, 'Mfg. Date : 02/08/2026'],
      ],
      [
        [100, 'Grade : IS 1065 Type II'],
        [900, 'Report No. : R-77'],
        [1600, 'Use before : 02-Aug-2027'],
      ],
    ])
    expect(fields.product?.text).toBe('Bleaching Powder')
    expect(fields.batch?.text).toBe('BP118')
    expect(fields.manufactured?.date).toBe('2026-08-02')
    expect(fields.expiry?.date).toBe('2027-08-02')
  })
})

describe('expiry labels and dates', () => {
  it.each([
    ['Expiry : 02/08/2026', '2026-08-02'],
    ['Exp. Date : 02-Aug-2026', '2026-08-02'],
    ['Retest date : Aug 2026', '2026-08-31'],
    ['Best before : 2026-08-02', '2026-08-02'],
    ['Use before : 02.08.26', '2026-08-02'],
    ['Use by 02/08/2026', '2026-08-02'],
    ['Date of Expiry : 02-Aug-2026', '2026-08-02'],
  ])('%s', (line, iso) => {
    const { fields } = read(['Product : Bleaching Powder', line])
    expect(fields.expiry?.date).toBe(iso)
  })

  it('never takes a label as the value: a grid header gives each value under its label', () => {
    const { fields, extraction } = read([
      [
        [100, 'Batch No.'],
        [500, 'Mfg. Date'],
        [900, 'Expiry Date'],
      ],
      [
        [100, 'BP118'],
        [500, '01/2026'],
        [900, '12/2027'],
      ],
    ])
    expect(fields.batch?.text).toBe('BP118')
    expect(fields.manufactured?.date).toBe('2026-01-31')
    expect(fields.expiry?.date).toBe('2027-12-31')
    expect(checkExpiry(extraction, '2026-06-01').status).toBe('pass')
    expect(checkExpiry(extraction, '2028-01-05').status).toBe('fail')
  })

  it('a label beside a label is not a value', () => {
    const { fields } = read(['Retest date Expiry', 'Product : Bleaching Powder'])
    expect(fields.expiry).toBeUndefined()
  })
})

describe('OCR debris in result cells', () => {
  const SULPHATE = spec({
    product: 'Aluminium Sulphate',
    version: 1,
    parameters: [
      { name: 'Insoluble matter', unit: '%', max: 0.2 },
      { name: 'Iron', unit: '%', max: 0.5 },
      { name: 'Alumina', unit: '%', min: 16 },
      { name: 'pH', limit: '2.5 - 4.0' },
    ],
  })
  const table = (results: string[]): Line[] => [
    [
      [100, 'Test'],
      [700, 'Specification'],
      [1200, 'Result'],
    ],
    ...['Insoluble matter', 'Iron', 'Alumina', 'pH'].map((name, i): Line => [
      [100, name],
      [700, ['Max 0.2 %', 'Max 0.5 %', 'Min 16 %', '2.5 - 4.0'][i]!],
      [1200, results[i]!],
    ]),
  ]

  it('reads ": 0.10", "0.19 IS 15573 Annex" and "21 %-" as values, the method apart', () => {
    const { rows } = read(table([': 0.10', '0.19 IS 15573 Annex', '21 %-', '3.2']))
    expect(rows.map((r) => r.cells.result?.text)).toEqual(['0.10', '0.19', '21 %', '3.2'])
    expect(rows[1]!.cells.method?.text).toBe('IS 15573 Annex')
    const evaluation = evaluate(SULPHATE, rows)
    expect(evaluation.parameters.map((p) => p.verdict)).toEqual(['pass', 'pass', 'pass', 'pass'])
  })

  it('never passes debris that does not read as a value, and fails what is out of limits', () => {
    const unreadable = evaluate(
      SULPHATE,
      read(table([': 0.1O.2', '0.19 IS 15573 Annex', '21 %-', '3.2'])).rows,
    )
    expect(unreadable.parameters[0]!.verdict).toBe('review')
    expect(unreadable.verdict).toBe('review')
    const failing = evaluate(SULPHATE, read(table([': 0.30', '0.59 IS 15573 Annex', '15 %-', '3.2'])).rows)
    expect(failing.parameters.map((p) => p.verdict)).toEqual(['fail', 'fail', 'fail', 'pass'])
    expect(failing.verdict).toBe('fail')
  })

  it('cleans list results the same way', () => {
    const { rows } = read([
      '1. Insoluble matter : : 0.10 % (Max 0.2)',
      '2. Iron : 0.19 % IS 15573 Annex B (Max 0.5)',
      '3. Alumina : 21 %- (Min 16)',
    ])
    expect(cells(rows)).toEqual([
      ['Insoluble matter', '0.10', '%', 'Max 0.2'],
      ['Iron', '0.19', '%', 'Max 0.5'],
      ['Alumina', '21', '%', 'Min 16'],
    ])
    expect(rows[1]!.cells.method?.text).toBe('IS 15573 Annex B')
  })
})
