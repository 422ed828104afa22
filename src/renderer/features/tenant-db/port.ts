import type { AuditEntry } from '../../../shared/audit'
import type { TenantId } from '../../../shared/contract'
import type { RestoredStore } from '../../db'

export interface AuditStatus {
  entries: number
  intact: boolean
  /** 1-based position of the first entry whose chain link does not verify. */
  brokenAt: number | null
  reason: string | null
}

/** The store's copy in the desk's data folder, which the desk's backups hold. */
export interface StoreCopyStatus {
  /** False where the host keeps no copy (then none of the rest applies). */
  mirrored: boolean
  /** When the copy was last saved in this window; null before the first save. */
  savedAt: string | null
  /** Why the last save failed (it is tried again with the next change). */
  error: string | null
  /** What was taken back from a restored backup when the store opened. */
  restored: RestoredStore | null
  restoreError: string | null
}

/** One tenant's local store, as the UI needs it; the Dexie details stay behind this. */
export interface TenantDbHandle {
  readonly tenantId: TenantId
  /** Reports the number of records waiting to sync now and after every change; returns unsubscribe. */
  watchOutboxDepth(onDepth: (depth: number) => void, onError: (error: unknown) => void): () => void
  verifyAudit(): Promise<AuditStatus>
  /** `limit` audit entries, newest first, skipping the `offset` newest; with the total count. */
  auditEntries(offset: number, limit: number): Promise<{ total: number; entries: AuditEntry[] }>
  /** Reports the copy's status now and on every change; returns unsubscribe. */
  watchStoreCopy(onStatus: (status: StoreCopyStatus) => void): () => void
  close(): void
}

export interface TenantDbPort {
  open(tenantId: TenantId): Promise<TenantDbHandle>
}
