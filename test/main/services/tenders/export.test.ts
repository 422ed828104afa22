import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exportRows, toCsv, toXlsx, type Decision } from '../../../../src/main/services/tenders/export'
import type { FieldOut, ScreenResult } from '../../../../src/main/services/tenders/result'

const field = (value: string, normalised: FieldOut['normalised']): FieldOut => ({
  value,
  normalised,
  page: 1,
  bbox: [0, 0, 10, 10],
  confidence: 0.9,
  label: 'label',
  method: 'label-right',
})

const rockwool: ScreenResult = {
  file: 'a-rockwool-gem.pdf',
  sha256: 'a'.repeat(64),
  score: 12,
  relevant: true,
  profile: 'Insulation',
  matches: [
    { term: 'rock wool', count: 3, pages: [1], weight: 5, points: 10, veto: false },
    { term: 'mattress', count: 1, pages: [2], weight: 2, points: 2, veto: false },
  ],
  reasons: [],
  fields: {
    bidNumber: field('GEM/2026/B/1000001', { kind: 'text', value: 'GEM/2026/B/1000001' }),
    bidEndDate: field('10-03-2026 15:00:00', { kind: 'date-time', iso: '2026-03-10T15:00:00+05:30' }),
    totalQuantity: field('250', { kind: 'number', value: 250 }),
    emdAmount: field('₹ 50,000', { kind: 'money', amount: 50000, currency: 'INR' }),
    // Text that a spreadsheet would run as a formula if it were not stored as text.
    title: field('=HYPERLINK("x")', { kind: 'text', value: '=HYPERLINK("x")' }),
  },
  profiles: [],
}

const broken: ScreenResult = {
  file: 'e-broken.pdf',
  score: 0,
  relevant: false,
  profile: null,
  matches: [],
  reasons: [],
  fields: {},
  profiles: [],
  error: { code: 'CORRUPT_FILE', message: 'e-broken.pdf: broken xref' },
}

const decisions = new Map<string, Decision>([['a'.repeat(64), { decision: 'relevant', reason: 'our range' }]])

async function readBack(data: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer)
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Screening'])
  const sheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = []
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).value)
    rows.push(cells)
  })
  return { sheet, rows }
}

describe('toXlsx', () => {
  it('writes a workbook exceljs reads back cell for cell, with the CSV header and typed values', async () => {
    const data = await toXlsx([rockwool, broken], decisions)
    expect(data).toBeInstanceOf(Uint8Array)
    const { sheet, rows } = await readBack(data)
    const expected = exportRows([rockwool, broken], decisions)
    expect(sheet.rowCount).toBe(3)
    expect(sheet.columnCount).toBe(expected[0]!.length)

    // Header: the same names, in the same order, as the CSV's first line.
    expect(rows[0]).toEqual(expected[0])
    expect(toCsv([rockwool, broken], decisions).split('\r\n')[0]).toBe((rows[0] as string[]).join(','))

    const header = rows[0] as string[]
    const cell = (r: number, name: string) => rows[r]![header.indexOf(name)]
    const type = (r: number, name: string) => sheet.getRow(r + 1).getCell(header.indexOf(name) + 1).type

    expect(cell(1, 'file')).toBe('a-rockwool-gem.pdf')
    expect(cell(1, 'score')).toBe(12)
    expect(type(1, 'score')).toBe(ExcelJS.ValueType.Number)
    expect(cell(1, 'relevant')).toBe('yes')
    expect(cell(1, 'decision')).toBe('relevant')
    expect(cell(1, 'reason')).toBe('our range')
    expect(cell(1, 'matches')).toBe('rock wool ×3; mattress ×1')
    expect(cell(1, 'bidNumber')).toBe('GEM/2026/B/1000001')
    // Dates stay ISO text (not spreadsheet dates), amounts stay the plain form the CSV has.
    expect(cell(1, 'bidEndDate')).toBe('2026-03-10T15:00:00+05:30')
    expect(type(1, 'bidEndDate')).toBe(ExcelJS.ValueType.String)
    expect(cell(1, 'emdAmount')).toBe('50000')
    expect(cell(1, 'totalQuantity')).toBe('250')
    expect(cell(1, 'title')).toBe('=HYPERLINK("x")')
    expect(type(1, 'title')).toBe(ExcelJS.ValueType.String)

    expect(cell(2, 'file')).toBe('e-broken.pdf')
    expect(cell(2, 'score')).toBe(0)
    expect(type(2, 'score')).toBe(ExcelJS.ValueType.Number)
    expect(cell(2, 'error')).toBe('e-broken.pdf: broken xref')

    // Every data cell is what exportRows gave; empty strings come back as empty (null) cells.
    rows.slice(1).forEach((row, r) => row.forEach((v, c) => expect(v ?? '').toEqual(expected[r + 1]![c])))
  })

  it('drops characters XML cannot carry instead of writing a file Excel refuses', async () => {
    const odd: ScreenResult = { ...broken, file: 'bad\u0001name\u0008.pdf', error: undefined }
    const { rows } = await readBack(await toXlsx([odd]))
    expect(rows[1]![0]).toBe('badname.pdf')
  })

  it('writes only the header for no results', async () => {
    const { rows } = await readBack(await toXlsx([]))
    expect(rows).toEqual([exportRows([])[0]])
  })
})

describe('toCsv', () => {
  const decided = new Map<string, Decision>([
    ['a'.repeat(64), { decision: 'not-relevant', reason: 'सिविल कार्य, not ours', decidedBy: 'Ásha' }],
  ])

  it('a file for Excel starts with a UTF-8 BOM and keeps non-ASCII text intact', () => {
    const csv = toCsv([rockwool], decided, { bom: true })
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const bytes = Buffer.from(csv, 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toMatch(/^file,sha256,/)
    expect(lines[1]).toContain('"सिविल कार्य, not ours"')
  })

  it('has a decidedBy column after reason when decisions are given', () => {
    const [header, row] = toCsv([rockwool, broken], decided).split('\r\n')
    expect(header).toMatch(/^file,sha256,profile,score,relevant,decision,reason,decidedBy,matches,/)
    expect(row).toMatch(/,not-relevant,"सिविल कार्य, not ours",Ásha,rock wool ×3/)
    // Empty decisions still give the column (the desk export), blank for undecided rows.
    expect(toCsv([broken], new Map()).split('\r\n')[0]).toContain(',reason,decidedBy,matches,')
  })

  it('for stdout (the command line): no BOM and no decidedBy column', () => {
    const csv = toCsv([rockwool])
    expect(csv.startsWith('file,sha256,profile,score,relevant,decision,reason,matches,')).toBe(true)
    expect(csv).not.toContain('decidedBy')
  })
})
