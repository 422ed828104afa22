import type { AuditEntry } from '../../../shared/audit'
import type { TenantId } from '../../../shared/contract'

export interface AuditStatus {
  entries: number
  intact: boolean
  /** 1-based position of the first entry whose chain link does not verify. */
  brokenAt: number | null
  reason: string | null
}

/** One tenant's local store, as the UI needs it; the Dexie details stay behind this. */
export interface TenantDbHandle {
  readonly tenantId: TenantId
  /** Reports the number of records waiting to sync now and after every change; returns unsubscribe. */
  watchOutboxDepth(onDepth: (depth: number) => void, onError: (error: unknown) => void): () => void
  verifyAudit(): Promise<AuditStatus>
  /** `limit` audit entries, newest first, skipping the `offset` newest; with the total count. */
  auditEntries(offset: number, limit: number): Promise<{ total: number; entries: AuditEntry[] }>
  close(): void
}

export interface TenantDbPort {
  open(tenantId: TenantId): Promise<TenantDbHandle>
}
