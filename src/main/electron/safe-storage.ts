import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import { DeskError } from '../../shared/contract'
import { checkSecretKey, type SecretStore } from '../services/secrets'

export interface SafeStorageStoreOptions {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>
  /** A folder under the desk's data folder; one file per secret. */
  dir: string
  platform?: NodeJS.Platform
}

/**
 * Secrets encrypted with the OS keychain (safeStorage) and written one file each. Refuses to write
 * when encryption is unavailable, and on Linux when the only backend is "basic_text", whose key is
 * built into Chromium and so protects nothing: the user was promised encryption, so we fail loudly.
 */
export function createSafeStorageSecretStore(options: SafeStorageStoreOptions): SecretStore {
  const { safeStorage, dir } = options
  const platform = options.platform ?? process.platform
  const fileOf = (key: string): string => join(dir, `${checkSecretKey(key)}.bin`)

  const whyNotEncrypted = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) return 'this system offers no OS keychain to encrypt it with'
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'no keyring (GNOME Keyring, KWallet) is running, so it could only be obfuscated'
    }
    return null
  }

  return {
    persistence: 'encrypted',
    async get(key) {
      let data: Buffer
      try {
        data = await readFile(fileOf(key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw new DeskError('IO_ERROR', `reading a stored secret: ${(error as Error).message}`)
      }
      try {
        return safeStorage.decryptString(data)
      } catch (error) {
        // A different OS user or a reset keychain: the secret is gone, not corrupt on our side.
        throw new DeskError(
          'CORRUPT_FILE',
          `a stored secret cannot be decrypted: ${(error as Error).message}`,
        )
      }
    },
    async set(key, value) {
      const reason = whyNotEncrypted()
      if (reason !== null) {
        throw new DeskError('ENCRYPTION_UNAVAILABLE', `The desk token was not saved: ${reason}.`)
      }
      const target = fileOf(key)
      const encrypted = safeStorage.encryptString(value)
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`
      await writeFile(temp, encrypted, { mode: 0o600 })
      await rename(temp, target)
    },
    async delete(key) {
      const target = fileOf(key)
      try {
        await rm(target)
        return true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
        throw new DeskError('IO_ERROR', `deleting a stored secret: ${(error as Error).message}`)
      }
    },
  }
}
