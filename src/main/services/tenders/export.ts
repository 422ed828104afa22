import { strToU8, zipSync } from 'fflate'
import type { NormalisedValue } from '../../../shared/tenders/fields'
import type { ScreenResult } from './result'

export interface Decision {
  decision: 'relevant' | 'not-relevant' | 'needs-review'
  reason?: string
}

const FIELD_COLUMNS = [
  'bidNumber',
  'tenderReference',
  'tenderId',
  'bidEndDate',
  'bidOpeningDate',
  'ministry',
  'department',
  'organisation',
  'office',
  'totalQuantity',
  'itemCategory',
  'title',
  'emdAmount',
] as const

const HEADER = [
  'file',
  'sha256',
  'profile',
  'score',
  'relevant',
  'decision',
  'reason',
  'matches',
  ...FIELD_COLUMNS,
  'error',
]

/** The machine form of a value: ISO dates, plain numbers; free text as read. */
export function plainValue(n: NormalisedValue): string {
  switch (n.kind) {
    case 'date':
    case 'date-time':
      return n.iso
    case 'money':
      return String(n.amount)
    case 'number':
    case 'percent':
      return String(n.value)
    case 'boolean':
      return n.value ? 'yes' : 'no'
    default:
      return n.value
  }
}

/** One row per document, fields flattened; decisions keyed by sha256 (or file when unhashed). */
export function exportRows(
  results: readonly ScreenResult[],
  decisions: ReadonlyMap<string, Decision> = new Map(),
): (string | number)[][] {
  return [
    HEADER,
    ...results.map((r) => {
      const d = decisions.get(r.sha256 ?? r.file)
      return [
        r.file,
        r.sha256 ?? '',
        r.profile ?? '',
        r.score,
        r.relevant ? 'yes' : 'no',
        d?.decision ?? '',
        d?.reason ?? '',
        r.matches.map((m) => `${m.term} ×${m.count}`).join('; '),
        ...FIELD_COLUMNS.map((name) => {
          const field = r.fields[name]
          return field ? plainValue(field.normalised) : ''
        }),
        r.error?.message ?? '',
      ]
    }),
  ]
}

const csvCell = (v: string | number) => {
  const s = String(v)
  // A leading = + - @ would run as a formula in a spreadsheet; a quote mark keeps it text.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(results: readonly ScreenResult[], decisions?: ReadonlyMap<string, Decision>): string {
  return (
    exportRows(results, decisions)
      .map((row) => row.map(csvCell).join(','))
      .join('\r\n') + '\r\n'
  )
}

/** XML 1.0 has no place for most control characters, so they are dropped rather than escaped. */
const isXmlChar = (c: number) => c === 0x9 || c === 0xa || c === 0xd || c >= 0x20

const xml = (s: string) =>
  Array.from(s)
    .filter((ch) => isXmlChar(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

/** A minimal valid XLSX (one sheet, inline strings, numbers as numbers), written with fflate. */
export function toXlsx(
  results: readonly ScreenResult[],
  decisions?: ReadonlyMap<string, Decision>,
): Uint8Array {
  const rows = exportRows(results, decisions)
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${columnName(c)}${r + 1}`
          if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`
          return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(v)}</t></is></c>`
        })
        .join('')
      return `<row r="${r + 1}">${cells}</row>`
    })
    .join('')
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Screening" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  }
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])))
}
