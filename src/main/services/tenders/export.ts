import { onFirstUse } from '../modules/onFirstUse'
import { FIELD_NAMES, type NormalisedValue } from '../../../shared/tenders/fields'
import type { ScreenResult } from './result'

export interface Decision {
  decision: 'relevant' | 'not-relevant' | 'needs-review'
  reason?: string
  /** Who recorded the decision (the analyst's name or initials). */
  decidedBy?: string
}

/** A column per field of the one bid schema, whatever portal the bid came from. */
const FIELD_COLUMNS = FIELD_NAMES

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

/**
 * One row per document, fields flattened; decisions keyed by sha256 (or file when unhashed).
 * Given decisions (the desk's export, even an empty map) add a "decidedBy" column after "reason";
 * without them (the command line) the columns stay as they were.
 */
export function exportRows(
  results: readonly ScreenResult[],
  decisions?: ReadonlyMap<string, Decision>,
): (string | number)[][] {
  const withActor = decisions !== undefined
  const at = HEADER.indexOf('reason') + 1
  const header = withActor ? [...HEADER.slice(0, at), 'decidedBy', ...HEADER.slice(at)] : HEADER
  return [
    header,
    ...results.map((r) => {
      const d = decisions?.get(r.sha256 ?? r.file)
      return [
        r.file,
        r.sha256 ?? '',
        r.profile ?? '',
        r.score,
        r.relevant ? 'yes' : 'no',
        d?.decision ?? '',
        d?.reason ?? '',
        ...(withActor ? [d?.decidedBy ?? ''] : []),
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

/**
 * `bom`: start with a UTF-8 byte order mark, so Excel reads non-ASCII text (₹, names in Hindi) as
 * UTF-8 rather than the local code page. For files people open; not for stdout, where a BOM
 * would end up inside the first header name of whatever reads the pipe.
 */
export function toCsv(
  results: readonly ScreenResult[],
  decisions?: ReadonlyMap<string, Decision>,
  options: { bom?: boolean } = {},
): string {
  const body =
    exportRows(results, decisions)
      .map((row) => row.map(csvCell).join(','))
      .join('\r\n') + '\r\n'
  return options.bom ? `\uFEFF${body}` : body
}

/** Loaded on first export: exceljs costs half a second of start-up that no other command needs. */
const excel = onFirstUse<typeof import('exceljs')>('exceljs')

/**
 * The same rows as the CSV in a one-sheet workbook ("Screening"): numbers stay numbers, every
 * other value (ISO dates included) is text, so nothing is reinterpreted as a formula or a date.
 */
export async function toXlsx(
  results: readonly ScreenResult[],
  decisions?: ReadonlyMap<string, Decision>,
): Promise<Uint8Array> {
  const workbook = new (excel().Workbook)()
  workbook.creator = 'Pebble Desk'
  const sheet = workbook.addWorksheet('Screening')
  for (const row of exportRows(results, decisions)) sheet.addRow(row)
  const data = await workbook.xlsx.writeBuffer()
  // Node hands back a Buffer; the typings only promise an ArrayBuffer.
  return data instanceof Uint8Array ? data : new Uint8Array(data)
}
