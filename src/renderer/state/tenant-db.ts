import { create } from 'zustand'
import type { AuditStatus, TenantDbHandle } from '../features/tenant-db/port'

interface TenantDbState {
  handle: TenantDbHandle | null
  /** Pending outbox rows; null until counted. */
  outboxDepth: number | null
  audit: AuditStatus | null
  auditChecking: boolean
  error: string | null
}

export const useTenantDbStore = create<TenantDbState>()(() => ({
  handle: null,
  outboxDepth: null,
  audit: null,
  auditChecking: false,
  error: null,
}))
