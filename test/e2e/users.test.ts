import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

let desk: ServedDesk
let browser: Browser
let page: Page
const pageErrors: string[] = []
const ADMIN = 'Priya Admin'
const ADMIN_SECRET = 'priya admin passphrase'

beforeAll(async () => {
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'lab', 'Lab').status).toBe(0)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

type Reply = { ok: boolean; result?: unknown; error?: { code: string; message: string } }

/**
 * Calls the desk the way any script in the page could: its own WebSocket to the bridge, signing in
 * as `name` first. What the UI hides must still be refused here.
 */
function callAs(name: string, secret: string, method: string, params: unknown): Promise<Reply> {
  return page.evaluate(
    async ({ name, secret, method, params }) => {
      const socket = new WebSocket(`ws://${location.host}/ws`)
      await new Promise((resolve, reject) => {
        socket.onopen = resolve
        socket.onerror = reject
      })
      let id = 0
      const call = (m: string, p: unknown) =>
        new Promise<Reply>((resolve) => {
          const mine = ++id
          const listener = (event: MessageEvent) => {
            const frame = JSON.parse(String(event.data)) as Reply & { t: string; id: number }
            if (frame.t !== 'res' || frame.id !== mine) return
            socket.removeEventListener('message', listener)
            resolve(frame)
          }
          socket.addEventListener('message', listener)
          socket.send(JSON.stringify({ t: 'req', id: mine, method: m, params: p }))
        })
      await call('users.signIn', { name, secret })
      const reply = await call(method, params)
      socket.close()
      return reply
    },
    { name, secret, method, params },
  )
}

const settings = () =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('form', { name: 'Sign in' }).waitFor()
}

async function addUser(name: string, role: string, secret: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a user' })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel(role, { exact: true }).check()
  await form.getByLabel('Their PIN or passphrase').fill(secret)
  await form.getByLabel('Reason').fill(`hired as ${role}`)
  await form.getByRole('button', { name: 'Add user' }).click()
  await expect
    .poll(() => page.getByRole('table', { name: 'Users' }).textContent(), { timeout: 20_000 })
    .toContain(name)
}

describe('people and roles on the real desk', () => {
  it('asks for the first admin on first start and refuses a weak PIN', async () => {
    await page.goto(desk.url)
    const form = page.getByRole('form', { name: 'Create the first admin' })
    await form.getByLabel('Your name').fill(ADMIN)
    await form.getByLabel('PIN or passphrase').fill('1234')
    await form.getByLabel('Repeat it').fill('1234')
    await form.getByRole('button').click()
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/at least 6 digits/)
    await signIn(page, ADMIN, ADMIN_SECRET)
  })

  it('lets the admin add people with roles, each change with a reason', async () => {
    await settings()
    await addUser('Sam', 'scanner-operator', '402917')
    await addUser('Ann Lee', 'qc-technician', '583920')
    await addUser('Ravi Rao', 'qc-reviewer', '902741')
  })

  it('shows a scanner operator no tender page, and the desk refuses them a COA check', async () => {
    await signOut()
    await signIn(page, 'Sam', '402917')
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('button', { name: 'Scanner' }).count()).toBe(1)
    expect(await nav.getByRole('button', { name: 'Tenders' }).count()).toBe(0)
    const refused = await callAs('Sam', '402917', 'qc.check', { documentId: 'any' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(refused.error?.message).toMatch(/qc.check needs the role/)
    // Nor can a script reach user management around the hidden Settings panel.
    const add = await callAs('Sam', '402917', 'users.add', {
      name: 'Eve',
      roles: ['admin'],
      secret: '918273',
      reason: 'let me in',
    })
    expect(add).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('locks a user after five wrong PINs, even against the right one, until an admin unlocks', async () => {
    await signOut()
    const form = page.getByRole('form', { name: 'Sign in' })
    for (let attempt = 1; attempt <= 5; attempt++) {
      await form.getByLabel('Your name').fill('Ann Lee')
      await form.getByLabel('PIN or passphrase').fill(`00000${attempt}`)
      await form.getByRole('button').click()
      const expected = attempt < 5 ? `${5 - attempt} attempt` : 'is now locked'
      await expect.poll(() => form.getByRole('alert').textContent()).toContain(expected)
    }
    await form.getByLabel('PIN or passphrase').fill('583920')
    await form.getByRole('button').click()
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/locked after too many/)

    await signIn(page, ADMIN, ADMIN_SECRET)
    await settings()
    const row = page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: 'Ann Lee' })
    await expect.poll(() => row.textContent()).toContain('locked')
    await row.getByLabel('Reason for changing Ann Lee').fill('identity confirmed in person')
    await row.getByRole('button', { name: 'Unlock Ann Lee' }).click()
    await expect.poll(() => row.textContent()).toContain('active')
    await signOut()
    await signIn(page, 'Ann Lee', '583920')
  })

  it('enforces second-person verification: only a different qc-reviewer approves Ann’s work', async () => {
    const sign = (name: string, secret: string) =>
      callAs(name, secret, 'users.signature', { name, secret, meaning: 'approved', author: 'Ann Lee' })
    expect((await sign('Ann Lee', '583920')).error?.message).toMatch(/needs the role qc-reviewer/)
    const self = await callAs('Ravi Rao', '902741', 'users.signature', {
      name: 'Ravi Rao',
      secret: '902741',
      meaning: 'approved',
      author: 'Ravi Rao',
    })
    expect(self.error?.message).toMatch(/a different person/)
    expect(await sign('Ravi Rao', '902741')).toMatchObject({
      ok: true,
      result: { user: { name: 'Ravi Rao' } },
    })
  })

  it('keeps every change in a chain the command line verifies and exports', () => {
    const verify = desk.cli('audit', 'verify', '--data', desk.dataDir)
    expect(verify.status).toBe(0)
    expect(verify.stdout).toMatch(/chain intact/)
    const csv = desk.cli('audit', 'export', '--data', desk.dataDir, '--format', 'csv')
    expect(csv.status).toBe(0)
    for (const action of ['user.create', 'user.lock', 'user.unlock', 'signature'])
      expect(csv.stdout).toContain(action)
    expect(csv.stdout).toContain('identity confirmed in person')
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
