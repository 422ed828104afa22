import { describe, expect, it } from 'vitest'
import {
  cleanResultText,
  cleanUnitText,
  documentDateOrder,
  evaluate,
  nameScore,
  parseCoaDate,
  parseSpecification,
  type ExtractedRow,
} from '../../../src/shared/qc'
import { readCoaPages } from '../../../src/shared/qc/readPages'
import { extractTables } from '../../../src/shared/qc/table/extract'
import { pageOf, type Line } from './page-text'

function spec(input: unknown) {
  const parsed = parseSpecification(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.compiled
}

const cells = (rows: ExtractedRow[]) =>
  rows.map((r) => [r.cells.name?.text, r.cells.result?.text, r.cells.spec?.text])

const HEADER: Line = [
  [100, 'Characteristics'],
  [800, 'Requirement'],
  [1300, 'Result'],
  [1700, 'Method'],
]

const row = (name: string, limit: string, result: string, method: string): Line => [
  [100, name],
  [800, limit],
  [1300, result],
  [1700, method],
]

describe('a results table that goes on over the page', () => {
  const first = pageOf([
    'Kutch Chemical Industries Ltd.',
    'Product : Ferric Chloride Anhydrous',
    'Batch No. : FC/26/885',
    'Expiry Date : 01-Apr-2027',
    HEADER,
    row('Appearance', 'Complies', 'Complies', 'Visual'),
    row('Ferric chloride', 'Min. 96.0 %', '97.12 %', 'IS 711'),
    row('Insoluble matter', 'Max. 1.0 %', '0.45 %', 'Gravimetric'),
  ])
  const second = (withHeader: boolean) => ({
    ...pageOf([
      'Kutch Chemical Industries Ltd.',
      [
        [100, 'Certificate of Analysis - Ferric Chloride Anhydrous'],
        [1700, 'Page 2 of 2'],
      ],
      '(continued)',
      ...(withHeader ? [HEADER] : []),
      row('Free acid', 'Max. 0.5 %', '0.61 %', 'Titration'),
      row('Lead', 'Max. 10 ppm', '< 1.0 ppm', 'AAS'),
      '',
      'Remarks: The sample does not conform to the specification.',
    ]),
    page: 2,
  })

  it.each([false, true])(
    'reads the rows of page 2 with the columns of page 1 (header repeated: %s)',
    (repeated) => {
      const extraction = readCoaPages([first, second(repeated)])
      const rows = extraction.tables.flatMap((t) => t.rows)
      expect(cells(rows)).toEqual([
        ['Appearance', 'Complies', 'Complies'],
        ['Ferric chloride', '97.12 %', 'Min. 96.0 %'],
        ['Insoluble matter', '0.45 %', 'Max. 1.0 %'],
        ['Free acid', '0.61 %', 'Max. 0.5 %'],
        ['Lead', '< 1.0 ppm', 'Max. 10 ppm'],
      ])
      const verdict = evaluate(
        spec({
          product: 'Ferric Chloride Anhydrous',
          version: 1,
          parameters: [
            { name: 'Ferric chloride', unit: '%', min: 96 },
            { name: 'Free acid', unit: '%', max: 0.5 },
            { name: 'Lead', unit: 'ppm', max: 10 },
          ],
        }),
        rows,
      )
      expect(verdict.parameters.map((p) => p.verdict)).toEqual(['pass', 'fail', 'pass'])
    },
  )

  it('does not take a second page of other text for rows', () => {
    const notes = { ...pageOf(['Terms and conditions', 'Goods once sold are not taken back.']), page: 2 }
    expect(extractTables(notes, { continues: extractTables(first)[0]! })).toEqual([])
  })
})

describe('day/month order decided per document', () => {
  it('finds the order from a date that can only be read one way', () => {
    expect(documentDateOrder(['Manufacture Date 07/18/2026', 'Retest Date 02/07/2027'])?.order).toBe('mdy')
    expect(documentDateOrder(['Mfg. Date 18/07/2026', 'Expiry 02/07/2027'])?.order).toBe('dmy')
    expect(documentDateOrder(['Mfg. Date 03/07/2026', 'Expiry 02/07/2027'])).toBeUndefined()
    expect(parseCoaDate('02/07/2027', 'mdy')).toBe('2027-02-07')
    expect(parseCoaDate('02/07/2027')).toBe('2027-07-02')
    expect(parseCoaDate('02.08.26')).toBe('2026-08-02')
  })

  it('reads an ambiguous expiry month first on a month-first COA, and says so', () => {
    const page = pageOf([
      'Acme Vitamins Inc.',
      'Product Ascorbic Acid',
      'Lot Number AA/26/867',
      'Manufacture Date 07/18/2026',
      'Retest Date 02/07/2027',
    ])
    const extraction = readCoaPages([page])
    expect(extraction.fields.expiry?.date).toBe('2027-02-07')
    expect(extraction.fields.manufactured?.date).toBe('2026-07-18')
    expect(extraction.notes.join(' ')).toMatch(/month first.*07\/18\/2026/)
  })

  it('keeps day first when nothing decides, and says the order was assumed', () => {
    const extraction = readCoaPages([pageOf(['Product : Zinc Oxide', 'Expiry Date : 02/07/2027'])])
    expect(extraction.fields.expiry?.date).toBe('2027-07-02')
    expect(extraction.notes.join(' ')).toMatch(/day first.*no date on the COA shows/)
  })
})

describe('OCR debris around scanned values', () => {
  it.each([
    ['[0.06', '0.06'],
    ['|<2.50', '<2.50'],
    ['<1.0°', '<1.0'],
    ['34.59"', '34.59'],
  ])('result %j is read as %j', (raw, text) => expect(cleanResultText(raw).text).toBe(text))

  it.each([
    ['cfulg', 'cfu/g'],
    ['|ppm', 'ppm'],
    ['mglkg', 'mg/kg'],
  ])('unit %j is read as %j', (raw, unit) => expect(cleanUnitText(raw)).toBe(unit))

  it('matches a name with a serial number read into it', () => {
    expect(nameScore('Free acid (as HCl)', '3 Freeacid(asHCl)')).toBeGreaterThanOrEqual(0.75)
  })

  it('sends a negative content to review instead of passing it against a maximum', () => {
    const rowOf = (result: string): ExtractedRow => ({
      page: 1,
      bbox: [0, 0, 1, 1],
      cells: {
        name: { text: 'Insoluble matter', page: 1, bbox: [0, 0, 1, 1], confidence: 90 },
        result: { text: result, page: 1, bbox: [0, 0, 1, 1], confidence: 90 },
      },
      others: [],
    })
    const s = spec({
      product: 'X',
      version: 1,
      parameters: [{ name: 'Insoluble matter', unit: '%', max: 1 }],
    })
    expect(evaluate(s, [rowOf('-10.49 %')]).parameters[0]!.verdict).toBe('review')
    expect(evaluate(s, [rowOf('0.49 %')]).parameters[0]!.verdict).toBe('pass')
  })
})

describe('numbered result lines', () => {
  it('takes words in brackets after a qualitative result as its requirement', () => {
    const tables = extractTables(
      pageOf([
        'Results :',
        '1. Appearance : Complies (Clear pale yellow liquid)',
        '2. Available chlorine (as Cl2) : 10.13 % (NLT 10.0',
        '3. Specific gravity : 1.195 (1.18 - 1.24)',
      ]),
    )
    expect(cells(tables.flatMap((t) => t.rows))).toEqual([
      ['Appearance', 'Complies', 'Clear pale yellow liquid'],
      ['Available chlorine (as Cl2)', '10.13', 'NLT 10.0'],
      ['Specific gravity', '1.195', '1.18 - 1.24'],
    ])
  })
})

describe('impossible values', () => {
  it('sends a mass fraction over 100 % (a lost decimal point) to review, never to pass', () => {
    const s = spec({
      product: 'X',
      version: 1,
      parameters: [{ name: 'Ferric chloride', unit: '%', min: 96 }],
    })
    const rowOf = (result: string): ExtractedRow => ({
      page: 1,
      bbox: [0, 0, 1, 1],
      cells: {
        name: { text: 'Ferric chloride', page: 1, bbox: [0, 0, 1, 1], confidence: 90 },
        result: { text: result, page: 1, bbox: [0, 0, 1, 1], confidence: 90 },
      },
      others: [],
    })
    expect(evaluate(s, [rowOf('9215')]).parameters[0]!.verdict).toBe('review')
    expect(evaluate(s, [rowOf('92.15 %')]).parameters[0]!.verdict).toBe('fail')
    expect(evaluate(s, [rowOf('97.15')]).parameters[0]!.verdict).toBe('pass')
  })
})

describe('scanned numbered result lines', () => {
  it('reads lines whose item numbers, brackets and decimal points OCR garbled', () => {
    const tables = extractTables(
      pageOf([
        'Test Results.',
        '. Appearance : Conforms (Complies)',
        '; Ferric chloride (as FeCl3) : 99.29 % (Min, 96. 0 %)',
        '. Ferrous chloride: (as FeCl2): 1. 35 % (Max. 2. 0 %)',
        'Arsenic (as As) : € 0.30 ppm (Max. 3.0 ppm) oo',
      ]),
    )
    expect(cells(tables.flatMap((t) => t.rows))).toEqual([
      ['Appearance', 'Conforms', 'Complies'],
      ['Ferric chloride (as FeCl3)', '99.29', 'Min, 96.0 %'],
      ['Ferrous chloride: (as FeCl2)', '1.35', 'Max. 2.0 %'],
      ['Arsenic (as As)', '< 0.30 ppm', 'Max. 3.0 ppm'],
    ])
  })

  it('knows a table header with one letter misread', () => {
    const tables = extractTables(
      pageOf([
        [
          [100, 'Test Parameter'],
          [800, 'Specification'],
          [1300, 'Resuit'],
        ],
        [
          [100, 'Moisture'],
          [800, 'Max. 1.5 %'],
          [1300, '0.97'],
        ],
      ]),
    )
    expect(cells(tables.flatMap((t) => t.rows))).toEqual([['Moisture', '0.97', 'Max. 1.5 %']])
  })
})

describe('scanned header blocks', () => {
  it('ends the product where a label OCR ran together begins ("ReportNo.")', () => {
    const extraction = readCoaPages([
      pageOf(['Product : Poly Aluminium Chloride ReportNo.: QC/26/9605', 'Batch No. : PAC/26/151']),
    ])
    expect(extraction.fields.product?.text).toBe('Poly Aluminium Chloride')
    expect(extraction.fields.batch?.text).toBe('PAC/26/151')
  })

  it('finds labels behind quote-like specks and rejoins a spaced-out batch', () => {
    const extraction = readCoaPages([
      pageOf([
        '‘Product : Ferric Chloride Anhydrous',
        '"Batch No. : FC- 2609- 31',
        '‘Exp. Date : 02-Aug-2027',
      ]),
    ])
    expect(extraction.fields.batch?.text).toBe('FC-2609-31')
    expect(extraction.fields.expiry?.date).toBe('2027-08-02')
  })
})

describe('item numbers OCR read apart', () => {
  it('reads "2 _ Alumina …" where the dot after the number became a speck', () => {
    const tables = extractTables(
      pageOf([
        'Test Results',
        '1 . Appearance : Complies (Pale yellow liquid)',
        '2 _ Alumina (as Al2O3) : 10.53 % (10.0 - 11.0 %)',
        '3 Basicity : 54.9 % (40.0 - 65.0 %)',
      ]),
    )
    expect(cells(tables.flatMap((t) => t.rows))).toEqual([
      ['Appearance', 'Complies', 'Pale yellow liquid'],
      ['Alumina (as Al2O3)', '10.53', '10.0 - 11.0 %'],
      ['Basicity', '54.9', '40.0 - 65.0 %'],
    ])
  })
})
