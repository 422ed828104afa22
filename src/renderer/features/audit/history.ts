import type { AuditEntry, JsonValue } from '../../../shared/audit'
import type { AuditStatus, TenantDbHandle } from '../tenant-db/port'
import { describeAuditEntry } from './describe'
import { allAuditEntries } from './export'

/** One entry of a record's history: who, when, what, what changed, why, and what a signature meant. */
export interface HistoryRow {
  seq: number
  at: string
  actor: string
  action: string
  /** "field: before → after" for every top-level field that changed. */
  changes: string[]
  reason: string | null
  /** The meaning of a signature this entry added (reviewed, approved, rejected), if any. */
  signature: string | null
  hash: string
}

type Obj = Record<string, JsonValue>
const asObject = (v: JsonValue | undefined): Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {}
const show = (v: JsonValue | undefined): string => {
  if (v === undefined) return '—'
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  return text.length > 120 ? `${text.slice(0, 117)}…` : text
}
const QUIET = /^(updatedAt|hash|prevHash)$/

/** The last item of an array field when this entry added to it (a correction, a signature). */
function added(before: Obj, after: Obj, key: string): Obj | null {
  const was = Array.isArray(before[key]) ? before[key].length : 0
  const now = after[key]
  return Array.isArray(now) && now.length > was ? asObject(now[now.length - 1]) : null
}

/** The reason given with a correction this entry added (COA edits carry their own reason). */
function editReason(before: Obj, after: Obj): string | null {
  const reason = added(before, after, 'edits')?.reason
  return typeof reason === 'string' ? reason : null
}

function signatureAdded(before: Obj, after: Obj): string | null {
  const last = added(before, after, 'signatures')
  return typeof last?.meaning === 'string'
    ? `${last.meaning}${typeof last.signer === 'string' ? ` by ${last.signer}` : ''}`
    : null
}

export function historyRow(entry: AuditEntry): HistoryRow {
  const before = asObject(entry.before)
  const after = asObject(entry.after)
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !QUIET.test(k))
  const changes = keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`)
  const reasonKey = Object.keys(after).find((k) => /reason/i.test(k) && typeof after[k] === 'string')
  const view = describeAuditEntry(entry)
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    // Words, not the store's keys: "Updated · Certificate record", never "update coaRecords".
    action: `${view.action} · ${view.what}`,
    changes,
    reason: reasonKey ? String(after[reasonKey]) : editReason(before, after),
    signature: signatureAdded(before, after),
    hash: entry.hash,
  }
}

/** Every entry about one record, oldest first. */
export async function recordHistory(handle: TenantDbHandle, entityId: string): Promise<AuditEntry[]> {
  return (await allAuditEntries(handle)).filter((e) => e.entityId === entityId)
}

/** The chain verdict as it bears on this record: intact, or the first bad entry and whether it is this record's. */
export function chainSentence(status: AuditStatus | null, entries: readonly AuditEntry[]): string {
  if (!status) return 'Chain: not checked yet.'
  if (status.intact) return `Chain: intact (${status.entries} entries verified).`
  const mine = entries.some((e) => e.seq >= (status.brokenAt ?? Infinity))
  return `Chain: broken at entry ${status.brokenAt ?? '?'}${status.reason ? ` (${status.reason})` : ''}; ${mine ? 'entries of this record from there on cannot be trusted' : 'this record’s entries come before the break'}.`
}
