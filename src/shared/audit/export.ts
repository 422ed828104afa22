import type { AuditEntry } from './chain'

/** A day range for an auditor's export: yyyy-mm-dd, both ends inclusive, in UTC; null is open. */
export interface AuditDayRange {
  from: string | null
  to: string | null
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Null when the range is usable, otherwise what is wrong with it, naming the end (`from`/`to`). */
export function auditRangeProblem(range: AuditDayRange): string | null {
  for (const end of ['from', 'to'] as const) {
    const value = range[end]
    if (value !== null && (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))))
      return `${end} must be a date yyyy-mm-dd (got "${value}")`
  }
  if (range.from && range.to && range.from > range.to) return `from ${range.from} is after to ${range.to}`
  return null
}

export function entriesInRange(entries: readonly AuditEntry[], range: AuditDayRange): AuditEntry[] {
  return entries.filter((e) => {
    const date = e.at.slice(0, 10)
    return (range.from === null || date >= range.from) && (range.to === null || date <= range.to)
  })
}

const COLUMNS = [
  'seq',
  'at',
  'tenant',
  'actor',
  'action',
  'entityTable',
  'entityId',
  'before',
  'after',
  'prevHash',
  'hash',
] as const

function cell(value: unknown): string {
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One row per entry, before/after as JSON text, with both hashes so the chain can be re-checked. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))]
  return rows.join('\r\n') + '\r\n'
}
