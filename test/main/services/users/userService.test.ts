import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { UserService } from '../../../../src/main/services/users'
import { DeskError } from '../../../../src/shared/contract'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
// Low scrypt cost keeps the test quick; the desk's own cost is SCRYPT_COST.
const CHEAP = { N: 1024, r: 8, p: 1 }
const ADMIN_SECRET = 'first admin passphrase'

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: DeskError) => ({ code: e.code, message: e.message, reason: e.details?.reason }),
  )

async function deskWithAdmin(maxFailedAttempts = 5) {
  const dataDir = tempDir()
  const users = new UserService(dataDir, { maxFailedAttempts, cost: CHEAP })
  const admin = await users.setup('Priya Admin', ADMIN_SECRET)
  return { dataDir, users, admin }
}

describe('desk users', () => {
  it('creates the first admin once, with a strong secret, and never stores the secret', async () => {
    const dataDir = tempDir()
    const users = new UserService(dataDir, { cost: CHEAP })
    expect(await users.setupNeeded()).toBe(true)
    expect(await failure(users.setup('Priya', '1234'))).toMatchObject({ code: 'INVALID_INPUT' })
    const admin = await users.setup('Priya', ADMIN_SECRET)
    expect(admin.roles).toEqual(['admin'])
    expect(await failure(users.setup('Mallory', 'another passphrase'))).toMatchObject({ code: 'CONFLICT' })
    const file = await readFile(`${dataDir}/users.json`, 'utf8')
    expect(file).not.toContain(ADMIN_SECRET)
    expect(file).toContain('"kdf": "scrypt"')
  })

  it('locks a user after the configured failures, refuses even the right PIN, and only an admin unlock frees them', async () => {
    const { users, admin } = await deskWithAdmin(3)
    const ann = await users.add(admin.name, 'Ann Lee', ['qc-technician'], '583920', 'new technician')
    expect((await failure(users.authenticate('Ann Lee', '000000')))?.message).toMatch(/2 attempts left/)
    await failure(users.authenticate('Ann Lee', '000001'))
    expect(await failure(users.authenticate('Ann Lee', '000002'))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'locked',
    })
    expect(await failure(users.authenticate('Ann Lee', '583920'))).toMatchObject({ reason: 'locked' })
    await users.unlock(admin.name, ann.id, 'confirmed identity by phone')
    expect((await users.authenticate('Ann Lee', '583920')).name).toBe('Ann Lee')

    const actions = (await users.audit.entries()).map((e) => `${e.action} by ${e.actor}`)
    expect(actions).toEqual([
      'user.create by Priya Admin',
      'user.create by Priya Admin',
      'user.lock by Ann Lee',
      'user.unlock by Priya Admin',
    ])
    const unlock = (await users.audit.entries()).at(-1)
    expect(unlock?.after).toMatchObject({ locked: false, reason: 'confirmed identity by phone' })
    expect(await users.audit.verify()).toEqual({ ok: true, count: 4 })
  })

  it('a success resets the count, so only failures in a row lock', async () => {
    const { users, admin } = await deskWithAdmin(2)
    await users.add(admin.name, 'Bo', ['tender-analyst'], '730164', 'analyst')
    await failure(users.authenticate('Bo', '000000'))
    await users.authenticate('Bo', '730164')
    expect(await failure(users.authenticate('Bo', '000000'))).toMatchObject({ reason: 'credentials' })
    expect((await users.authenticate('Bo', '730164')).locked).toBe(false)
  })

  it('keeps one enabled admin and refuses a disabled user', async () => {
    const { users, admin } = await deskWithAdmin()
    expect(await failure(users.update(admin.name, admin.id, { disabled: true }, 'leaving'))).toMatchObject({
      code: 'CONFLICT',
    })
    const sam = await users.add(admin.name, 'Sam', ['scanner-operator'], '402917', 'warehouse')
    await users.update(admin.name, sam.id, { disabled: true }, 'left the company')
    expect(await failure(users.authenticate('Sam', '402917'))).toMatchObject({ reason: 'disabled' })
  })

  it('enforces second-person verification at signing and chains every signature', async () => {
    const { users, admin } = await deskWithAdmin()
    await users.add(admin.name, 'Ann Lee', ['qc-technician', 'qc-reviewer'], '583920', 'lab lead')
    await users.add(admin.name, 'Ravi Rao', ['qc-reviewer'], '902741', 'reviewer')
    expect(await failure(users.sign('Ann Lee', '583920', 'approved', 'Ann Lee'))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'signature-rule',
    })
    expect((await users.sign('Ravi Rao', '902741', 'approved', 'Ann Lee')).name).toBe('Ravi Rao')
    expect((await users.audit.entries()).at(-1)).toMatchObject({
      action: 'signature',
      actor: 'Ravi Rao',
      after: { meaning: 'approved', author: 'Ann Lee' },
    })
  })

  it('names the first tampered entry of the desk audit chain', async () => {
    const { users, admin } = await deskWithAdmin()
    await users.add(admin.name, 'Ann Lee', ['qc-technician'], '583920', 'new technician')
    await users.add(admin.name, 'Bo', ['tender-analyst'], '730164', 'analyst')
    const lines = (await readFile(users.audit.file, 'utf8')).trim().split('\n')
    lines[1] = lines[1]!.replace('new technician', 'nobody asked')
    await writeFile(users.audit.file, lines.join('\n') + '\n')
    expect(await users.audit.verify()).toMatchObject({ ok: false, index: 1, reason: 'hash-mismatch' })
  })
})
