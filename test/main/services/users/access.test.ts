import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDesk, createDirectDeskApi } from '../../../../src/main/services/desk'
import { accessGuard, UserService, type SignedInSession } from '../../../../src/main/services/users'
import { DeskError } from '../../../../src/shared/contract'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const REPO = resolve(__dirname, '../../../..')

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: DeskError) => `${e.code}: ${e.message}`,
  )

async function browserDesk() {
  const desk = await createDesk({
    dataDir: tempDir(),
    host: 'browser',
    version: '1',
    modelsDir: join(REPO, 'models'),
  })
  const tab = () => createDirectDeskApi(desk).api
  return { desk, tab }
}

describe('roles at the desk’s single dispatch (what the bridge and IPC both call)', () => {
  it('answers only the sign-in screen until someone signs in, and asks for the first admin', async () => {
    const { desk, tab } = await browserDesk()
    const api = tab()
    expect(await api.users.status()).toMatchObject({ setupNeeded: true, user: null })
    expect(await codeOf(api.tenants.list())).toBe('FORBIDDEN: tenants.list: sign in first')
    expect(await codeOf(api.app.info())).toBe('ok')
    await api.users.setup({ name: 'Priya Admin', secret: 'first admin passphrase' })
    expect(await codeOf(api.tenants.create({ id: 'acme', name: 'Acme' }))).toBe('ok')
    // Another tab of the same desk has not signed in.
    expect(await codeOf(tab().tenants.list())).toMatch(/^FORBIDDEN/)
    await desk.close()
  })

  it('refuses a scanner operator a COA check and a tender analyst user management, naming the role', async () => {
    const { desk, tab } = await browserDesk()
    const admin = tab()
    await admin.users.setup({ name: 'Priya Admin', secret: 'first admin passphrase' })
    await admin.users.add({ name: 'Sam', roles: ['scanner-operator'], secret: '402917', reason: 'warehouse' })
    await admin.users.add({ name: 'Bo', roles: ['tender-analyst'], secret: '730164', reason: 'bids' })
    await admin.tenants.create({ id: 'acme', name: 'Acme' })

    const sam = tab()
    await sam.users.signIn({ name: 'Sam', secret: '402917' })
    await sam.tenants.select({ tenantId: 'acme' })
    expect(await codeOf(sam.qc.check({ documentId: 'x' }))).toMatch(/^FORBIDDEN: qc.check needs the role/)
    expect(await codeOf(sam.scanners.list())).toBe('ok')

    const bo = tab()
    await bo.users.signIn({ name: 'Bo', secret: '730164' })
    expect(
      await codeOf(bo.users.add({ name: 'Eve', roles: ['admin'], secret: '918273', reason: 'me' })),
    ).toMatch(/^FORBIDDEN: users.add needs the role admin/)
    expect(await codeOf(bo.users.signature({ name: 'Bo', secret: '730164', meaning: 'approved' }))).toMatch(
      /cannot sign as approved/,
    )
    await desk.close()
  })

  it('signs out a session an admin disables, on its next call', async () => {
    const { desk, tab } = await browserDesk()
    const admin = tab()
    await admin.users.setup({ name: 'Priya Admin', secret: 'first admin passphrase' })
    const bo = await admin.users.add({
      name: 'Bo',
      roles: ['tender-analyst'],
      secret: '730164',
      reason: 'bids',
    })
    const boTab = tab()
    await boTab.users.signIn({ name: 'Bo', secret: '730164' })
    expect(await codeOf(boTab.tenants.list())).toBe('ok')
    await admin.users.update({ userId: bo.id, disabled: true, reason: 'left the company' })
    expect(await codeOf(boTab.tenants.list())).toMatch(/sign in first/)
    expect((await boTab.users.status()).user).toBeNull()
    await desk.close()
  })
})

describe('a reloaded tab', () => {
  it('takes its sign-in back with the resume token once, and not after signing out', async () => {
    const { desk, tab } = await browserDesk()
    const before = tab()
    const { resumeToken } = await before.users.setup({
      name: 'Priya Admin',
      secret: 'first admin passphrase',
    })
    const after = tab()
    expect((await after.users.resume({ token: resumeToken! })).user?.name).toBe('Priya Admin')
    // The old connection no longer counts as signed in, and the token was used up.
    expect(await codeOf(before.tenants.list())).toMatch(/sign in first/)
    expect(await codeOf(tab().users.resume({ token: resumeToken! }))).toMatch(/^FORBIDDEN/)
    const { resumeToken: next } = await after.users.signIn({
      name: 'Priya Admin',
      secret: 'first admin passphrase',
    })
    await after.users.signOut()
    expect(await codeOf(tab().users.resume({ token: next! }))).toMatch(/^FORBIDDEN/)
    await desk.close()
  })
})

describe('idle lock', () => {
  it('signs a session out after the configured idle minutes; activity keeps it signed in', async () => {
    const users = new UserService(tempDir(), { cost: { N: 1024, r: 8, p: 1 } })
    const admin = await users.setup('Priya Admin', 'first admin passphrase')
    let clock = 0
    const guard = accessGuard({ users, idleLockMinutes: 10, now: () => clock })
    const session: SignedInSession = { user: admin, lastActive: 0 }
    clock = 9 * 60_000
    await guard('tenants.list', session)
    clock = 18 * 60_000
    await guard('tenants.list', session)
    expect(session.user?.name).toBe('Priya Admin')
    clock = 29 * 60_000
    await expect(guard('tenants.list', session)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'signed-out' },
    })
    expect(session.user).toBeNull()
  })
})
