import { DeskError, type SecretPersistence } from '../../../shared/contract'

/**
 * Where a host keeps secrets (hub tokens). The desk core never learns how: the Electron shell
 * passes one backed by safeStorage, serve and the CLI keep the default, memory.
 */
export interface SecretStore {
  /** Shown to the user, so they know whether a secret survives a restart. */
  readonly persistence: SecretPersistence
  get(key: string): Promise<string | null>
  /** Refuses (ENCRYPTION_UNAVAILABLE) rather than write a secret less protected than promised. */
  set(key: string, value: string): Promise<void>
  /** True when there was something to delete. */
  delete(key: string): Promise<boolean>
}

// Keys become file names in the encrypted store, so they are kept to a safe slug.
const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,120}$/

export function checkSecretKey(key: string): string {
  if (!KEY_PATTERN.test(key) || key.includes('..')) {
    throw new DeskError('INVALID_INPUT', `invalid secret key ${JSON.stringify(key)}`)
  }
  return key
}

/** Lives as long as the process: serve mode and the CLI never write a token to disk. */
export class MemorySecretStore implements SecretStore {
  readonly persistence = 'memory' as const
  private readonly values = new Map<string, string>()

  async get(key: string): Promise<string | null> {
    return this.values.get(checkSecretKey(key)) ?? null
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(checkSecretKey(key), value)
  }

  async delete(key: string): Promise<boolean> {
    return this.values.delete(checkSecretKey(key))
  }
}
