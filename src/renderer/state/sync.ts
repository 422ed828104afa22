import { create } from 'zustand'
import type { TenantId } from '../../shared/contract'
import type { SyncStatus, ToWorker } from '../sync'

interface SyncState {
  /** The tenant `status` describes; statuses for any other tenant are dropped. */
  tenant: TenantId | null
  /** The sync worker's last report; null until it has said anything for this tenant. */
  status: SyncStatus | null
  /** Whether this tenant has a hub connection; null until asked. */
  configured: boolean | null
  /** Reading the hub connection failed, or the worker reported a fault. */
  error: string | null
  /** Commands to the running worker; null where no worker runs (a host without Worker). */
  send: ((message: ToWorker) => void) | null
  /** Bumped when the hub connection is saved or forgotten, so the worker is reconfigured. */
  credentialsVersion: number
  /** A hub origin was saved that this page's CSP (fixed at load) does not allow yet. */
  reloadNeeded: boolean
}

export const useSyncStore = create<SyncState>()(() => ({
  tenant: null,
  status: null,
  configured: null,
  error: null,
  send: null,
  credentialsVersion: 0,
  reloadNeeded: false,
}))

export function credentialsChanged(reloadNeeded: boolean): void {
  useSyncStore.setState((s) => ({
    credentialsVersion: s.credentialsVersion + 1,
    reloadNeeded: s.reloadNeeded || reloadNeeded,
  }))
}
