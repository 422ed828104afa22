import { verifyChain, type AuditEntry, type ChainVerdict } from '../../shared/audit'
import type { TenantDb } from './database'

/** Walks the whole audit log in seq order; a hole or an edit names the first bad entry. */
export async function verifyAuditChain(db: TenantDb): Promise<ChainVerdict> {
  const entries = await db.audit.orderBy('seq').toArray()
  return verifyChain(entries)
}

/** One page of the audit log, newest first, with the total for paging. */
export async function listAuditEntries(
  db: TenantDb,
  offset: number,
  limit: number,
): Promise<{ total: number; entries: AuditEntry[] }> {
  const [total, entries] = await Promise.all([
    db.audit.count(),
    db.audit.orderBy('seq').reverse().offset(offset).limit(limit).toArray(),
  ])
  return { total, entries }
}
