import { z } from 'zod'

/**
 * Where and as whom a desk syncs. The Settings page owns editing these; in the Electron shell the
 * token is kept with safeStorage, in serve mode only in memory. The processor only ever reads them
 * through a SyncSettingsSource, so it never learns where they are kept.
 */
export const syncSettingsSchema = z.object({
  hubUrl: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  deskId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/),
  token: z.string().min(1).max(500),
})
export type SyncSettings = z.output<typeof syncSettingsSchema>
export type SyncSettingsInput = z.input<typeof syncSettingsSchema>

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
