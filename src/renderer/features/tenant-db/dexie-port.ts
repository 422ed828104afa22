import { liveQuery } from 'dexie'
import type { ChainBreak } from '../../../shared/audit'
import { listAuditEntries, openTenantDb, outboxDepth, verifyAuditChain } from '../../db'
import type { TenantDbHandle, TenantDbPort } from './port'

const BREAK_TEXT: Record<ChainBreak, string> = {
  'hash-mismatch': 'its content was changed after it was written',
  'broken-link': 'entries were inserted before it',
  'sequence-gap': 'an entry before it is missing',
}

/** The real local store: one Dexie database per tenant, owned by src/renderer/db. */
export const dexieTenantDb: TenantDbPort = {
  async open(tenantId) {
    const db = await openTenantDb(tenantId)
    const handle: TenantDbHandle = {
      tenantId,
      watchOutboxDepth(onDepth, onError) {
        // liveQuery re-runs whenever the outbox table changes, in this window or another one.
        const subscription = liveQuery(() => outboxDepth(db)).subscribe({ next: onDepth, error: onError })
        return () => subscription.unsubscribe()
      },
      async verifyAudit() {
        const verdict = await verifyAuditChain(db)
        if (verdict.ok) return { entries: verdict.count, intact: true, brokenAt: null, reason: null }
        return {
          entries: await db.audit.count(),
          intact: false,
          brokenAt: verdict.index + 1,
          reason: `${BREAK_TEXT[verdict.reason]} (id ${verdict.entryId})`,
        }
      },
      auditEntries: (offset, limit) => listAuditEntries(db, offset, limit),
      close: () => db.close(),
    }
    return handle
  },
}
