import type { EventName, EventPayload, HandlerRegistry, HostKind, TenantId } from '../../../shared/contract'
import type { SecretStore } from '../secrets'
import type { SignedInSession } from '../users'

/**
 * One connected UI (an Electron window, a bridge WebSocket, a CLI run). Holds its tenant choice and
 * who is signed in on it (each window or browser tab signs in for itself).
 */
export interface DeskSession extends SignedInSession {
  readonly id: string
  tenantId: TenantId | null
  /** Events for this session (already filtered to its tenant). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

export interface DeskOptions {
  /** Where tenants, documents and caches live. */
  dataDir: string
  host: HostKind
  /** The app's version (package.json), shown by app.info and --version. */
  version: string
  /** Folder holding models/manifest.json. */
  modelsDir: string
  /** Tenant every new session starts with (CLI `--tenant`, or the last one chosen). */
  defaultTenantId?: TenantId
  /** The built document worker (out/main/document-worker.js); without it documents are not read. */
  workerScript?: string
  /** Document worker threads (default: the core count). */
  workers?: number
  /** Largest file accepted by import, in bytes. */
  maxFileBytes?: number
  /** Where hub tokens are kept (Electron: safeStorage); default: memory only. */
  secrets?: SecretStore
}

export interface Desk {
  readonly registry: HandlerRegistry<DeskSession>
  openSession(emit: (event: EventName, payload: unknown) => void): DeskSession
  closeSession(session: DeskSession): void
  /** Resolves when every running job has settled (CLI batch commands wait on this). */
  idle(): Promise<void>
  /** Every tenant's configured hub origin: what the UI's CSP must let it connect to. */
  connectOrigins(): Promise<string[]>
  close(): Promise<void>
}
