import { DeskError } from '../../../shared/contract'
import { recordLocalChange, type ArchiveStep, type CoaRecord, type TenantDb } from '../../db'
import type { VerifySignature } from './desk-signers'

export interface ArchiveInput {
  /** The desk user who archives or restores; the desk checks their PIN or passphrase. */
  signer: string
  secret: string
  reason: string
}

/**
 * Archives a mistaken record (a tender checked as a COA, a lot scanned by error) or restores an
 * archived one. Only a desk user who can sign QC work may, with their PIN or passphrase; the reason is
 * required.
 * The record stays in the database and every step is an audit entry (who, when, why): nothing of
 * the audit trail is ever erased.
 */
export async function setArchived(
  db: TenantDb,
  record: CoaRecord,
  archive: boolean,
  input: ArchiveInput,
  verify: VerifySignature,
): Promise<CoaRecord> {
  const reason = input.reason.trim()
  if (reason === '')
    throw new DeskError(
      'INVALID_INPUT',
      `a reason is required to ${archive ? 'archive' : 'restore'} a record`,
    )
  if (archive === Boolean(record.archived))
    throw new DeskError(
      'CONFLICT',
      `batch ${record.batch} is ${archive ? 'already archived' : 'not archived'}`,
    )
  // 'reviewed': setting a mistake aside verifies nobody's work, so any QC signer may, as before.
  // Checked before the transaction opens: IndexedDB commits a transaction that waits on anything else.
  const { user: signer, at } = await verify({ name: input.signer, secret: input.secret, meaning: 'reviewed' })
  const step: ArchiveStep = {
    action: archive ? 'archived' : 'restored',
    by: signer.name,
    at,
    reason,
  }
  const { entity } = await recordLocalChange(db, {
    table: 'coaRecords',
    action: 'update',
    actor: signer.name,
    entity: {
      id: record.id,
      archived: archive ? step : null,
      archiveLog: [...(record.archiveLog ?? []), step],
    },
  })
  return entity!
}
