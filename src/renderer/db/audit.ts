import { verifyChain, type ChainVerdict } from '../../shared/audit'
import type { TenantDb } from './database'

/** Walks the whole audit log in seq order; a hole or an edit names the first bad entry. */
export async function verifyAuditChain(db: TenantDb): Promise<ChainVerdict> {
  const entries = await db.audit.orderBy('seq').toArray()
  return verifyChain(entries)
}
