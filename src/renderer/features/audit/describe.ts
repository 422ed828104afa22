import type { AuditEntry, JsonValue } from '../../../shared/audit'

/** One audit entry as the Review page lists it. */
export interface AuditEntryView {
  seq: number
  /** ISO time of the change. */
  at: string
  actor: string
  action: string
  /** What kind of change, in words: "Tender decision", "Certificate record", … */
  what: string
  /** The record it concerns, in words, and its full id. */
  record: string
  entityId: string
  summary: string
}

const KIND_LABELS: Record<string, string> = {
  'tender.relevance': 'Tender decision',
  'field.correction': 'Field correction',
  'coa.approval': 'Certificate approval',
  'scan.link': 'Scan link',
}

const TABLE_LABELS: Record<string, string> = {
  decisions: 'Decision',
  coaRecords: 'Certificate record',
  documentNotes: 'Document note',
  signers: 'Signer',
  specifications: 'Specification',
  samplings: 'Sampling plan',
}

const ACTION_LABELS: Record<string, string> = { create: 'Created', update: 'Updated', delete: 'Deleted' }

/** Bookkeeping the summary leaves out: ids, hashes, timestamps, the tenant. */
const QUIET = /^(id|tenant|createdAt|updatedAt|createdBy|kind|subjectId|documentId)$|Id$|At$|hash|sha256/i
const MAX_SUMMARY = 140

const words = (key: string): string =>
  key
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase())

type Obj = { [key: string]: JsonValue }
const isObject = (v: JsonValue | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const scalar = (v: JsonValue | undefined): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null

/** "key: value" for the first few plain fields of an object, bookkeeping left out. */
function fields(obj: Obj, limit = 3): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(obj)) {
    if (out.length >= limit) break
    const text = scalar(value)
    if (QUIET.test(key) || text === null || text === '') continue
    out.push(`${words(key).toLowerCase()}: ${text}`)
  }
  return out
}

function summarise(entry: AuditEntry, snapshot: Obj | undefined): string {
  const parts: string[] = []
  if (entry.action === 'update' && isObject(entry.before) && isObject(entry.after)) {
    const before = entry.before
    const changed = Object.keys(entry.after).filter(
      (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify((entry.after as Obj)[k]),
    )
    if (changed.length > 0) parts.push(`changed ${changed.map(words).join(', ').toLowerCase()}`)
  }
  if (snapshot) {
    if (isObject(snapshot.value)) parts.push(...fields(snapshot.value))
    else if (scalar(snapshot.value)) parts.push(`value: ${scalar(snapshot.value)}`)
    parts.push(...fields(snapshot, parts.length > 0 ? 2 : 3))
  }
  const text = parts.join('; ') || '–'
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text
}

/** Who did what to which record, and a short summary of it, from the entry's own snapshots. */
export function describeAuditEntry(entry: AuditEntry): AuditEntryView {
  const snapshot = isObject(entry.after) ? entry.after : isObject(entry.before) ? entry.before : undefined
  const kind = scalar(snapshot?.kind)
  const table = TABLE_LABELS[entry.entityTable] ?? words(entry.entityTable)
  const what = (kind && (KIND_LABELS[kind] ?? words(kind))) || table
  const subject = scalar(snapshot?.subjectId) ?? scalar(snapshot?.documentId)
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: ACTION_LABELS[entry.action] ?? words(entry.action),
    what,
    record: subject ? `${table} for ${subject}` : `${table} ${entry.entityId.slice(-8)}`,
    entityId: entry.entityId,
    summary: summarise(entry, snapshot),
  }
}
