import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { corpusFile } from '../support/corpus'
import { startRealHub, type RealHub } from './support/hub'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

const SHOTS = join(ROOT, 'test-results')
mkdirSync(SHOTS, { recursive: true })

const TENANT = 'acme'
const DESK_ID = 'acme-desk-1'

let hub: RealHub
let desk: ServedDesk
let browser: Browser
let context: BrowserContext
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  hub = await startRealHub()
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', TENANT, 'Acme Steel').status).toBe(0)
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
  await hub?.close()
})

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByText(name, { exact: true })
const outbox = () => page.getByRole('region', { name: 'Outbox' })
const fact = (term: string) => outbox().locator(`dt:text-is("${term}") + dd`)

async function chooseTenant(): Promise<void> {
  await expect.poll(() => page.getByLabel('Tenant').isVisible()).toBe(true)
  await page.getByLabel('Tenant').selectOption(TENANT)
}

describe('a desk in Chromium syncs to a real hub, offline and back', () => {
  it('imports a document to decide about', async () => {
    await page.goto(desk.url)
    await signIn(page, 'e2e.analyst')
    await chooseTenant()
    await page.getByLabel('Import documents').setInputFiles(corpusFile('tess_phototest.tif'))
    await expect
      .poll(() => page.getByRole('table', { name: 'Documents' }).textContent(), { timeout: 30_000 })
      .toContain('tess_phototest.tif')
  })

  it('enters the hub connection in Settings; after a reload the CSP allows exactly that hub', async () => {
    const token = hub.createDesk(TENANT, DESK_ID)
    await nav('Settings').click()
    const form = page.getByRole('form', { name: 'Hub connection' })
    await expect.poll(() => form.isVisible()).toBe(true)
    expect(await page.getByRole('region', { name: 'Hub connection' }).textContent()).toMatch(
      /kept only in the memory of the running pebble-desk serve process/,
    )
    await form.getByLabel('Hub URL').fill(hub.url)
    await form.getByLabel('Desk id').fill(DESK_ID)
    await form.getByLabel('Desk token').fill(token)
    await form.getByRole('button', { name: 'Save' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: 'Hub connection' }).getByRole('status').textContent())
      .toBe('Saved. The token is held in memory only.')

    await nav('Sync').click()
    const reload = page.getByRole('status', { name: 'Reload needed' })
    await expect.poll(() => reload.isVisible()).toBe(true)
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/' || r.url().endsWith('/index.html')),
      reload.getByRole('button', { name: 'Reload now' }).click(),
    ])
    const csp = (await response.allHeaders())['content-security-policy'] ?? ''
    expect(csp).toContain(`connect-src 'self' ${hub.url};`)

    await chooseTenant()
    await nav('Sync').click()
    await expect
      .poll(() => fact('Sync').textContent(), { timeout: 20_000 })
      .toBe('Up to date, watching for new records')
    expect(await fact('Pending records').textContent()).toBe('0')
    await page.screenshot({ path: join(SHOTS, 'e2e-sync-01-connected.png') })
  })

  it('offline: decisions are recorded and wait in the outbox', async () => {
    // The evidence view opens while online; deciding itself is local and must work offline.
    await nav('Tenders').click()
    const results = page.getByRole('table', { name: 'Screening results' })
    await expect.poll(() => results.isVisible(), { timeout: 30_000 }).toBe(true)
    await results.getByRole('button', { name: 'tess_phototest.tif' }).click()
    const form = page.getByRole('form', { name: 'Decision' })
    await expect.poll(() => form.isVisible()).toBe(true)
    // Decisions are credited to whoever signed in at this desk.
    const who = page.getByRole('button', { name: /^Who is at this desk: / })
    await expect.poll(() => who.textContent()).toBe('Who is at this desk: e2e.analyst')
    await context.setOffline(true)
    const decisions = [
      { decision: 'Relevant', note: 'steel tubes, our range' },
      { decision: 'Not relevant', note: 'civil works only' },
      { decision: 'Relevant', note: 'second lot fits too' },
    ]
    for (const { decision, note } of decisions) {
      await form.getByLabel(decision, { exact: true }).check()
      await form.getByLabel('Reason').fill(note)
      await form.getByRole('button', { name: 'Record decision' }).click()
      await expect
        .poll(() => page.getByRole('status', { name: 'Current decision' }).textContent())
        .toContain(note)
    }

    await nav('Sync').click()
    await expect.poll(() => fact('Pending records').textContent()).toBe('3')
    const banner = page.getByRole('status', { name: 'Offline' })
    await expect.poll(() => banner.isVisible()).toBe(true)
    expect(await banner.textContent()).toContain('(3 waiting)')
    expect(await page.getByRole('contentinfo').textContent()).toContain('Outbox: 3 pending')
    await page.screenshot({ path: join(SHOTS, 'e2e-sync-02-offline.png') })
    expect(await hub.query('SELECT 1 FROM ingest_records')).toHaveLength(0)
  })

  it('back online: the outbox drains to 0 and the hub holds each decision once', async () => {
    await context.setOffline(false)
    await expect.poll(() => fact('Pending records').textContent(), { timeout: 30_000 }).toBe('0')
    await expect.poll(() => page.getByRole('status', { name: 'Offline' }).count()).toBe(0)
    expect(await fact('Last successful sync').textContent()).not.toBe('Never')
    expect(await page.getByRole('contentinfo').textContent()).toContain('Outbox: 0 pending')
    await page.screenshot({ path: join(SHOTS, 'e2e-sync-03-drained.png') })

    const rows = await hub.query<{ decision: string; reason: string; decided_by: string }>(
      `SELECT decision, reason, decided_by FROM tender_decisions WHERE tenant_id = $1 ORDER BY reason`,
      [TENANT],
    )
    expect(rows).toEqual([
      { decision: 'irrelevant', reason: 'civil works only', decided_by: 'e2e.analyst' },
      { decision: 'relevant', reason: 'second lot fits too', decided_by: 'e2e.analyst' },
      { decision: 'relevant', reason: 'steel tubes, our range', decided_by: 'e2e.analyst' },
    ])
    const ingest = await hub.query<{ n: string }>('SELECT count(*) AS n FROM ingest_records')
    expect(Number(ingest[0]?.n)).toBe(3)
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
