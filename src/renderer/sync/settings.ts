import {
  syncCredentialsSchema,
  type SyncCredentials,
  type SyncCredentialsInput,
} from '../../shared/contract/sync'

/**
 * Where and as whom a desk syncs. The Settings page owns editing these; in the Electron shell the
 * token is kept with safeStorage, in serve mode only in memory. The processor only ever reads them
 * through a SyncSettingsSource, so it never learns where they are kept.
 */
export const syncSettingsSchema = syncCredentialsSchema
export type SyncSettings = SyncCredentials
export type SyncSettingsInput = SyncCredentialsInput

export interface SyncSettingsSource {
  /** Null while the desk has not been set up for sync: the processor waits rather than fails. */
  load(): Promise<SyncSettings | null>
}

/** Settings held in memory and replaceable at runtime (the worker's source; tests). */
export class MemorySettings implements SyncSettingsSource {
  private current: SyncSettings | null

  constructor(initial: SyncSettingsInput | null = null) {
    this.current = initial === null ? null : syncSettingsSchema.parse(initial)
  }

  set(next: SyncSettingsInput | null): void {
    this.current = next === null ? null : syncSettingsSchema.parse(next)
  }

  load(): Promise<SyncSettings | null> {
    return Promise.resolve(this.current)
  }
}
