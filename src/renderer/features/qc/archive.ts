import { DeskError } from '../../../shared/contract'
import { recordLocalChange, type ArchiveStep, type CoaRecord, type TenantDb } from '../../db'
import { verifySecret } from './pin-hash'

export interface ArchiveInput {
  /** The signer who archives or restores; their PIN or password is checked. */
  signer: string
  secret: string
  reason: string
}

/**
 * Archives a mistaken record (a tender checked as a COA, a lot scanned by error) or restores an
 * archived one. Only a signer of the lab may, with their PIN or password; the reason is required.
 * The record stays in the database and every step is an audit entry (who, when, why): nothing of
 * the audit trail is ever erased.
 */
export async function setArchived(
  db: TenantDb,
  record: CoaRecord,
  archive: boolean,
  input: ArchiveInput,
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
  const signer = await db.signers.where('name').equals(input.signer).first()
  if (!signer)
    throw new DeskError(
      'FORBIDDEN',
      `only a signer of this lab may ${archive ? 'archive' : 'restore'} a record; "${input.signer}" is not one`,
    )
  // Checked before the transaction opens: IndexedDB commits a transaction that waits on anything else.
  if (!(await verifySecret(input.secret, signer)))
    throw new DeskError('FORBIDDEN', `The PIN or password for ${signer.name} is not right.`)
  const step: ArchiveStep = {
    action: archive ? 'archived' : 'restored',
    by: signer.name,
    at: db.nowIso(),
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
