import { formatZodIssues } from '../src/shared/contract/errors'
import { GROUND_TRUTH_KINDS, isGroundTruthKind, type GroundTruth } from '../src/shared/sync/kinds'
import { ingestRecordSchema, type RecordAck } from '../src/shared/sync/wire'
import type { AcceptedRecord } from './store/ingest'

export type BatchVerdict =
  | { ok: true; accepted: Array<AcceptedRecord & { index: number }>; acks: Array<RecordAck | undefined> }
  /** A record claimed another tenant: the whole batch is refused, nothing is stored. */
  | { ok: false; index: number; claimed: string }

/**
 * Per-record checks that need no database. Schema problems reject just that record, because one
 * desk bug must not hold back the rest of its outbox; a record for another tenant refuses the batch,
 * because that is a misconfigured or hostile desk rather than a bad row.
 */
export function validateBatch(records: readonly unknown[], tenant: string): BatchVerdict {
  const acks: Array<RecordAck | undefined> = []
  const accepted: Array<AcceptedRecord & { index: number }> = []
  const seen = new Set<string>()
  for (let index = 0; index < records.length; index++) {
    const raw = records[index]
    const parsed = ingestRecordSchema.safeParse(raw)
    if (!parsed.success) {
      acks[index] = { index, id: rawId(raw), status: 'rejected', reason: formatZodIssues(parsed.error) }
      continue
    }
    const record = parsed.data
    if (record.tenant !== tenant) return { ok: false, index, claimed: record.tenant }
    if (!isGroundTruthKind(record.kind)) {
      const known = Object.keys(GROUND_TRUTH_KINDS).join(', ')
      acks[index] = {
        index,
        id: record.id,
        status: 'rejected',
        reason: `unknown kind "${record.kind}" (known: ${known})`,
      }
      continue
    }
    const payload = GROUND_TRUTH_KINDS[record.kind].safeParse(record.payload)
    if (!payload.success) {
      acks[index] = {
        index,
        id: record.id,
        status: 'rejected',
        reason: `payload of ${record.kind}: ${formatZodIssues(payload.error)}`,
      }
      continue
    }
    if (seen.has(record.id)) {
      acks[index] = { index, id: record.id, status: 'duplicate' }
      continue
    }
    seen.add(record.id)
    accepted.push({ index, record, groundTruth: { kind: record.kind, payload: payload.data } as GroundTruth })
  }
  return { ok: true, accepted, acks }
}

function rawId(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') {
    return raw.id.slice(0, 100)
  }
  return null
}
