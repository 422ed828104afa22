import { liveQuery } from 'dexie'
import type { ChainBreak } from '../../../shared/audit'
import { describeError } from '../../bridge/errors'
import { listAuditEntries, openTenantDb, outboxDepth, verifyAuditChain } from '../../db'
import { mirrorStore, takeBackRestore, type StoreMirrorApi } from './mirror'
import type { StoreCopyStatus, TenantDbHandle, TenantDbPort } from './port'

const BREAK_TEXT: Record<ChainBreak, string> = {
  'hash-mismatch': 'its content was changed after it was written',
  'broken-link': 'entries were inserted before it',
  'sequence-gap': 'an entry before it is missing',
}

/**
 * The real local store: one Dexie database per tenant, owned by src/renderer/db. With the desk's
 * store.* methods it is also copied into the data folder for backups, and takes a restored
 * backup's copy back when it opens.
 */
export function createDexieTenantDb(store?: StoreMirrorApi): TenantDbPort {
  return {
    async open(tenantId) {
      const db = await openTenantDb(tenantId)
      let copy: StoreCopyStatus = {
        mirrored: store !== undefined,
        savedAt: null,
        error: null,
        restored: null,
        restoreError: null,
      }
      const listeners = new Set<(status: StoreCopyStatus) => void>()
      const report = (change: Partial<StoreCopyStatus>) => {
        copy = { ...copy, ...change }
        for (const listener of listeners) listener(copy)
      }
      if (store) {
        try {
          report({ restored: await takeBackRestore(db, store) })
        } catch (error) {
          // The store stays as it was; the page says why the backup's copy was not taken back.
          report({ restoreError: describeError(error).message })
        }
      }
      const mirror = store
        ? mirrorStore(db, store, {
            onSaved: (at) => report({ savedAt: at.toISOString(), error: null }),
            onError: (error) => report({ error: describeError(error).message }),
          })
        : null
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
        watchStoreCopy(onStatus) {
          listeners.add(onStatus)
          onStatus(copy)
          return () => listeners.delete(onStatus)
        },
        close: () => {
          listeners.clear()
          if (mirror) void mirror.stop().finally(() => db.close())
          else db.close()
        },
      }
      return handle
    },
  }
}

/** The local store without a copy in the data folder (tests, and hosts without a desk). */
export const dexieTenantDb: TenantDbPort = createDexieTenantDb()
