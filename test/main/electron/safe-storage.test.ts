import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSafeStorageSecretStore } from '../../../src/main/electron/safe-storage'
import { SyncCredentialStore } from '../../../src/main/services/sync'
import { useTempDirs } from '../../support/tempDir'
import { FakeSafeStorage } from './fake-electron'

const tempDir = useTempDirs()
const TOKEN = 'pdt_SECRET-token-value'
const HUB = { hubUrl: 'https://hub.example.com', deskId: 'acme-desk-1', token: TOKEN }

function store(options: { platform?: NodeJS.Platform } = {}) {
  const safeStorage = new FakeSafeStorage()
  const dir = join(tempDir(), 'secrets')
  const make = () => createSafeStorageSecretStore({ safeStorage, dir, platform: options.platform ?? 'linux' })
  return { safeStorage, dir, secrets: make(), make }
}

describe('safeStorage secret store (Electron)', () => {
  it('writes only ciphertext to a private file under the data folder, and reads it back after a restart', async () => {
    const { dir, secrets, make } = store()
    expect(secrets.persistence).toBe('encrypted')
    await new SyncCredentialStore(secrets).set('acme', HUB)
    const files = readdirSync(dir)
    expect(files).toEqual(['sync.acme.bin'])
    const bytes = readFileSync(join(dir, files[0] ?? ''))
    expect(bytes.toString('latin1')).not.toContain(TOKEN)
    expect(bytes.toString('latin1')).not.toContain('hub.example.com')
    if (process.platform !== 'win32') expect(statSync(join(dir, files[0] ?? '')).mode & 0o077).toBe(0)
    // A new process: nothing cached, the file is decrypted.
    expect(await new SyncCredentialStore(make()).get('acme')).toEqual(HUB)
  })

  it('refuses to store when encryption is unavailable, with a clear error, and writes nothing', async () => {
    const { safeStorage, dir, secrets } = store()
    safeStorage.available = false
    await expect(secrets.set('sync.acme', 'x')).rejects.toMatchObject({
      code: 'ENCRYPTION_UNAVAILABLE',
      message: expect.stringMatching(/not saved: .*keychain/),
    })
    expect(() => readdirSync(dir)).toThrow()
  })

  it('on Linux refuses the basic_text backend (a hard-coded key is not encryption); elsewhere it is not consulted', async () => {
    const linux = store({ platform: 'linux' })
    linux.safeStorage.backend = 'basic_text'
    await expect(linux.secrets.set('sync.acme', 'x')).rejects.toMatchObject({
      code: 'ENCRYPTION_UNAVAILABLE',
      message: expect.stringMatching(/keyring/),
    })
    const mac = store({ platform: 'darwin' })
    mac.safeStorage.backend = 'basic_text'
    await mac.secrets.set('sync.acme', 'x')
    expect(await mac.secrets.get('sync.acme')).toBe('x')
  })

  it('get of an unknown key is null; delete says whether there was something', async () => {
    const { secrets } = store()
    expect(await secrets.get('sync.nobody')).toBeNull()
    expect(await secrets.delete('sync.nobody')).toBe(false)
    await secrets.set('sync.acme', 'x')
    expect(await secrets.delete('sync.acme')).toBe(true)
    expect(await secrets.get('sync.acme')).toBeNull()
  })

  it('a file it cannot decrypt (another user, a reset keychain) is reported, not returned', async () => {
    const { dir, secrets } = store()
    await secrets.set('sync.acme', 'x')
    writeFileSync(join(dir, 'sync.acme.bin'), 'garbage')
    await expect(secrets.get('sync.acme')).rejects.toMatchObject({ code: 'CORRUPT_FILE' })
  })

  it('refuses keys that could leave its folder', async () => {
    const { secrets } = store()
    for (const key of ['../escape', 'a/b', '..', 'x\\y'])
      await expect(secrets.set(key, 'v'), key).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
