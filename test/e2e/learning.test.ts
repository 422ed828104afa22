import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { trainReportSchema } from '../../src/shared/sync/hub-api'
import { heldOutBids, trainingBids } from '../support/documents/relevance/bids'
import { textPdf } from '../support/documents/textPdf'
import { bidDecision } from '../server/support/learning'
import { postIngest } from '../server/support/records'
import { startRealHub, type RealHub } from './support/hub'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

// The learned model reaches the desk: a hub that trained a relevance model on the tenant's
// decisions serves it, the desk's sync worker fetches and verifies it, and the ranked list in
// Chromium shows the learned probability beside the rule score, with the words behind it.

const SHOTS = join(ROOT, 'test-results')
mkdirSync(SHOTS, { recursive: true })
const TENANT = 'acme'
const DESK_ID = 'acme-desk-1'

let hub: RealHub
let desk: ServedDesk
let browser: Browser
let page: Page
let files: string
let version = ''
const bids = heldOutBids(3)

beforeAll(async () => {
  hub = await startRealHub()
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', TENANT, 'Acme Steel').status).toBe(0)
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage()
  files = mkdtempSync(join(tmpdir(), 'pebble-learning-e2e-'))
  for (const bid of bids) writeFileSync(join(files, `${bid.id}.pdf`), await textPdf(bid.text))
})

afterAll(async () => {
  // What the page showed last: the first thing to look at when this test fails.
  await page?.screenshot({ path: join(SHOTS, 'e2e-learning-last.png'), fullPage: true })
  await browser?.close()
  await desk?.stop()
  await hub?.close()
  rmSync(files, { recursive: true, force: true })
})

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByText(name, { exact: true })

describe('the desk runs its tenant model from the hub', () => {
  it('the hub trains and promotes a relevance model from the tenant decisions', async () => {
    const token = hub.createDesk(TENANT, 'trainer-desk')
    const at = '2026-06-01T09:00:00.000Z'
    const records = trainingBids(80).map((b) =>
      bidDecision(TENANT, b, b.relevant ? 'relevant' : 'irrelevant', at),
    )
    expect((await postIngest(hub.url, token, { records })).json).toMatchObject({ rejected: 0 })
    const report = trainReportSchema.parse(
      JSON.parse(hub.cli('train', '--tenant', TENANT, '--kind', 'relevance')),
    )
    expect(report.promoted).toBe(true)
    version = report.version
  })

  it('a desk connected to the hub picks the model up and ranks bids with it, words included', async () => {
    await page.goto(desk.url)
    await signIn(page, 'e2e.analyst')
    await expect.poll(() => page.getByLabel('Tenant').isVisible(), { timeout: 30_000 }).toBe(true)
    await page.getByLabel('Tenant').selectOption(TENANT)
    await page.getByLabel('Import documents').setInputFiles(bids.map((b) => join(files, `${b.id}.pdf`)))

    const token = hub.createDesk(TENANT, DESK_ID)
    await nav('Settings').click()
    const form = page.getByRole('form', { name: 'Hub connection' })
    await expect.poll(() => form.isVisible(), { timeout: 30_000 }).toBe(true)
    await form.getByLabel('Hub URL').fill(hub.url)
    await form.getByLabel('Desk id').fill(DESK_ID)
    await form.getByLabel('Desk token').fill(token)
    await form.getByRole('button', { name: 'Save' }).click()
    const saved = page.getByRole('region', { name: 'Hub connection' }).getByRole('status')
    await expect
      .poll(() => saved.textContent(), { timeout: 30_000 })
      .toBe('Saved. The token is held in memory only.')
    await nav('Sync').click()
    // The CSP names the hub only after a reload.
    const reload = page.getByRole('status', { name: 'Reload needed' })
    await expect.poll(() => reload.isVisible(), { timeout: 30_000 }).toBe(true)
    await reload.getByRole('button', { name: 'Reload now' }).click()
    await expect.poll(() => page.getByLabel('Tenant').isVisible(), { timeout: 30_000 }).toBe(true)
    await page.getByLabel('Tenant').selectOption(TENANT)

    await nav('Tenders').click()
    // A rule profile, so the bids are ranked (the learned model runs beside it, never instead).
    await page
      .getByLabel('Profile (JSON)')
      .fill('{ "name": "Insulation", "threshold": 5, "terms": [ { "term": "insulation", "weight": 5 } ] }')
    await page.getByRole('button', { name: 'Save profile' }).click()
    const note = page.getByRole('group', { name: 'Learned model' })
    await expect
      .poll(() => note.textContent(), { timeout: 60_000 })
      .toContain(`Learned relevance model ${version} (from the hub, stable)`)
    const results = page.getByRole('table', { name: 'Screening results' })
    for (const bid of bids) {
      const row = results
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: `${bid.id}.pdf` }) })
      const cell = row.getByRole('cell').nth(1)
      await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toMatch(/^\d{1,3}% \p{L}+ [↑↓]/u)
      const title = (await cell.getAttribute('title')) ?? ''
      expect(title).toContain(`by model ${version}`)
      // Every word offered as the reason is in the bid itself.
      const words = [...title.matchAll(/(\p{L}+) [+-]?\d/gu)].map((m) => m[1] ?? '')
      expect(words.length).toBeGreaterThan(0)
      for (const word of words) expect(bid.text.toLowerCase()).toContain(word)
    }
    await expect
      .poll(() => page.getByRole('note', { name: 'Handover rate' }).textContent())
      .toMatch(/^Handed to people: \d+ of 3/)
    await page.screenshot({ path: join(SHOTS, 'e2e-learning-01-ranked.png'), fullPage: true })
  })
})
