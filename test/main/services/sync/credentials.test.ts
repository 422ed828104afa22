import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDesk, createDirectDeskApi } from '../../../../src/main/services/desk'
import { MemorySecretStore, type SecretStore } from '../../../../src/main/services/secrets'
import { SyncCredentialStore } from '../../../../src/main/services/sync'
import { DeskError } from '../../../../src/shared/contract'
import { useTempDirs } from '../../../support/tempDir'
import { signInAdmin } from '../../../support/signIn'

const tempDir = useTempDirs()
const REPO = resolve(__dirname, '../../../..')
const HUB = { hubUrl: 'http://127.0.0.1:8787/', deskId: 'acme-desk-1', token: 'pdt_abc123' }

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: DeskError) => e.code,
  )

async function open(secrets?: SecretStore) {
  const desk = await createDesk({
    dataDir: tempDir(),
    host: 'browser',
    version: '1',
    modelsDir: join(REPO, 'models'),
    ...(secrets ? { secrets } : {}),
  })
  const { api } = createDirectDeskApi(desk)
  await signInAdmin(api)
  await api.tenants.create({ id: 'acme', name: 'Acme' })
  await api.tenants.create({ id: 'globex', name: 'Globex' })
  return { desk, api }
}

describe('sync.credentials.* (memory store, as serve and the CLI use it)', () => {
  it('needs a tenant, then round-trips per tenant and forgets on clear', async () => {
    const { api, desk } = await open()
    const { user } = await api.users.status()
    const noTenant = { id: 's', tenantId: null, user, lastActive: Date.now(), emit: () => undefined }
    for (const method of ['sync.credentials.get', 'sync.credentials.clear'])
      expect(await desk.registry.dispatch(method, {}, noTenant)).toMatchObject({
        ok: false,
        error: { code: 'TENANT_REQUIRED' },
      })
    await api.tenants.select({ tenantId: 'acme' })
    expect(await api.sync['credentials.get']()).toBeNull()

    expect(await api.sync['credentials.set'](HUB)).toEqual({
      hubUrl: 'http://127.0.0.1:8787',
      deskId: 'acme-desk-1',
      storage: 'memory',
    })
    expect(await api.sync['credentials.get']()).toEqual({ ...HUB, hubUrl: 'http://127.0.0.1:8787' })

    await api.tenants.select({ tenantId: 'globex' })
    expect(await api.sync['credentials.get']()).toBeNull()
    expect(await api.sync['credentials.clear']()).toEqual({ cleared: false })

    await api.tenants.select({ tenantId: 'acme' })
    expect(await api.sync['credentials.clear']()).toEqual({ cleared: true })
    expect(await api.sync['credentials.get']()).toBeNull()
  })

  it.each([
    ['an ftp hub', { ...HUB, hubUrl: 'ftp://hub.example.com' }],
    ['not a URL', { ...HUB, hubUrl: 'hub.example.com' }],
    ['a user:password@ hub', { ...HUB, hubUrl: 'https://u:p@hub.example.com' }],
    ['a host that would break the CSP', { ...HUB, hubUrl: "http://a;script-src 'unsafe-eval'.com" }],
    ['a host with a semicolon', { ...HUB, hubUrl: 'http://evil;x.com' }],
    ['an IPv6 literal the CSP cannot name', { ...HUB, hubUrl: 'http://[::1]:8787' }],
    ['a desk id with a slash', { ...HUB, deskId: 'a/b' }],
    ['an empty token', { ...HUB, token: '' }],
    ['a token with a newline', { ...HUB, token: 'pdt_a\nInjected: 1' }],
    ['an unknown field', { ...HUB, extra: 1 }],
  ])('refuses %s with INVALID_INPUT and stores nothing', async (_name, input) => {
    const { api } = await open()
    await api.tenants.select({ tenantId: 'acme' })
    expect(await codeOf(api.sync['credentials.set'](input as typeof HUB))).toBe('INVALID_INPUT')
    expect(await api.sync['credentials.get']()).toBeNull()
  })

  it("connectOrigins lists each tenant's hub origin once, for the CSP", async () => {
    const { api, desk } = await open()
    expect(await desk.connectOrigins()).toEqual([])
    await api.tenants.select({ tenantId: 'acme' })
    await api.sync['credentials.set']({ ...HUB, hubUrl: 'https://hub.example.com/pebble/' })
    await api.tenants.select({ tenantId: 'globex' })
    await api.sync['credentials.set']({ ...HUB, hubUrl: 'https://hub.example.com:443/other' })
    expect(await desk.connectOrigins()).toEqual(['https://hub.example.com'])
    await api.sync['credentials.set']({ ...HUB, hubUrl: 'http://10.0.0.5:8787' })
    expect(await desk.connectOrigins()).toEqual(['http://10.0.0.5:8787', 'https://hub.example.com'])
  })

  it('a store that refuses (no encryption) fails the call with its code and keeps nothing', async () => {
    const refusing: SecretStore = {
      persistence: 'encrypted',
      get: async () => null,
      set: async () => {
        throw new DeskError('ENCRYPTION_UNAVAILABLE', 'The desk token was not saved: no keychain.')
      },
      delete: async () => false,
    }
    const { api, desk } = await open(refusing)
    await api.tenants.select({ tenantId: 'acme' })
    expect(await codeOf(api.sync['credentials.set'](HUB))).toBe('ENCRYPTION_UNAVAILABLE')
    expect(await api.sync['credentials.get']()).toBeNull()
    expect(await desk.connectOrigins()).toEqual([])
  })
})

describe('SyncCredentialStore', () => {
  it('an unreadable stored entry fails get with CORRUPT_FILE but leaves other tenants and the CSP working', async () => {
    const secrets = new MemorySecretStore()
    await secrets.set('sync.acme', '{"hubUrl": 42}')
    const store = new SyncCredentialStore(secrets)
    await store.set('globex', HUB)
    await expect(store.get('acme')).rejects.toMatchObject({ code: 'CORRUPT_FILE' })
    expect(await store.origins(['acme', 'globex'])).toEqual(['http://127.0.0.1:8787'])
  })

  it('memory secrets refuse keys that could name a path', async () => {
    const secrets = new MemorySecretStore()
    for (const key of ['../x', 'a/b', '', 'A', 'a..b'])
      await expect(secrets.set(key, 'v'), key).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
