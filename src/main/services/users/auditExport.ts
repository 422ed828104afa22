import { join } from 'node:path'
import type { AuditEntry, ChainVerdict } from '../../../shared/audit'
import { DeskError } from '../../../shared/contract'
import { AuditLog } from './auditLog'

export interface AuditRange {
  /** yyyy-mm-dd, inclusive, in UTC. */
  from?: string
  /** yyyy-mm-dd, inclusive (the whole day), in UTC. */
  to?: string
}

export interface AuditExport {
  file: string
  from: string | null
  to: string | null
  /** The whole chain is verified, not only the exported range: a break anywhere is reported. */
  chain: ChainVerdict
  /** The hash of the newest entry: what an auditor writes down to notice a truncated chain later. */
  head: string | null
  entries: AuditEntry[]
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function day(name: string, value: string | undefined): string | null {
  if (value === undefined) return null
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new DeskError('INVALID_INPUT', `--${name} must be a date yyyy-mm-dd (got "${value}")`)
  return value
}

/** The desk's audit chain (users, lockouts, signatures) for a date range, with the chain's verdict. */
export async function exportAudit(dataDir: string, range: AuditRange = {}): Promise<AuditExport> {
  const from = day('from', range.from)
  const to = day('to', range.to)
  if (from && to && from > to) throw new DeskError('INVALID_INPUT', `--from ${from} is after --to ${to}`)
  const log = new AuditLog(join(dataDir, 'audit', 'desk.jsonl'))
  const all = await log.entries()
  const entries = all.filter((e) => {
    const date = e.at.slice(0, 10)
    return (from === null || date >= from) && (to === null || date <= to)
  })
  return { file: log.file, from, to, chain: await log.verify(), head: all.at(-1)?.hash ?? null, entries }
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
