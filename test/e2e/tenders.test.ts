import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { corpusFile } from '../support/corpus'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

const SHOTS = join(ROOT, 'test-results')
mkdirSync(SHOTS, { recursive: true })

const BIDS = [
  'tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf',
  'tender_gem_GEM-2026-B-7439924_rockwool.pdf',
  'tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf',
]
const ROCKWOOL = BIDS[1]!
const INSULATION = JSON.stringify({
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 },
    { term: 'mattress', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
})

let desk: ServedDesk
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'acme', 'Acme Insulation').status).toBe(0)
  expect(desk.cli('tenants', 'add', 'globex', 'Globex Boilers').status).toBe(0)
  browser = await launchChromium()
  // axe needs a page from a context of its own.
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

const results = () => page.getByRole('table', { name: 'Screening results' })
const rowNames = async () =>
  (await results().getByRole('rowheader').getByRole('button').allTextContents()).map((s) => s.trim())

describe('screening tenders in Chromium through pebble-desk serve', () => {
  it('imports several corpus bids and lists them for screening', async () => {
    await page.goto(desk.url)
    await signIn(page, 'e2e.analyst')
    await expect.poll(() => page.getByLabel('Tenant').isVisible()).toBe(true)
    await page.getByLabel('Tenant').selectOption('acme')
    await page.getByLabel('Import documents').setInputFiles(BIDS.map(corpusFile))
    await expect.poll(async () => (await rowNames()).sort(), { timeout: 60_000 }).toEqual([...BIDS].sort())
  })

  it('adds the Insulation profile, with path errors for a bad one first', async () => {
    const form = page.getByRole('form', { name: 'Add profile' })
    await form
      .getByLabel(/Profile \(JSON\)/)
      .fill('{ "name": "Bad", "terms": [ { "term": "x", "weight": "high" } ] }')
    await form.getByRole('button', { name: 'Save profile' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('terms[0].weight')
    await form.getByLabel(/Profile \(JSON\)/).fill(INSULATION)
    await form.getByRole('button', { name: 'Save profile' }).click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Profiles' }).textContent())
      .toContain('Insulation')
  })

  it('ranks the rock wool bid first once every bid is read', async () => {
    await expect
      .poll(
        async () => {
          const text = (await results().textContent()) ?? ''
          return !text.includes('Not read yet') && (await rowNames())[0] === ROCKWOOL
        },
        { timeout: 240_000, interval: 1000 },
      )
      .toBe(true)
    const first = results().getByRole('row').nth(1)
    expect(await first.textContent()).toContain('Insulation')
    expect(await first.textContent()).toContain('GEM/2026/B/7439924')
    // The 2025 BHEL bid closed long ago.
    const bhel = results().getByRole('row').filter({ hasText: 'GEM/2025/B/6572913' })
    expect(await bhel.textContent()).toContain('Closed')
    await page.screenshot({ path: join(SHOTS, 'e2e-tenders-01-ranked.png'), fullPage: true })
  })

  it('opens the evidence view with the hits highlighted, steps through them and locates a field', async () => {
    await results().getByRole('button', { name: ROCKWOOL }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: `Evidence: ${ROCKWOOL}` }).isVisible())
      .toBe(true)
    await page.getByRole('button', { name: 'Next hit' }).click()
    const hits = page.getByRole('group', { name: 'Hits' })
    await expect.poll(() => hits.textContent()).toMatch(/Hit 1 of \d+: .*rock wool/)
    await expect
      .poll(() => page.locator('.word-overlay rect.mark').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    expect(await page.locator('.word-overlay rect.mark.current').count()).toBeGreaterThan(0)
    // The highlight must sit on the picture, not drift below it with a stretched overlay.
    const img = await page.locator('.page-canvas img').boundingBox()
    const mark = await page.locator('.word-overlay rect.mark.current').first().boundingBox()
    expect(img && mark).toBeTruthy()
    expect(mark!.y).toBeGreaterThanOrEqual(img!.y)
    expect(mark!.y + mark!.height).toBeLessThanOrEqual(img!.y + img!.height)
    expect(await page.getByRole('table', { name: 'Score breakdown' }).textContent()).toContain('rock wool')
    await page.screenshot({ path: join(SHOTS, 'e2e-tenders-02-evidence.png'), fullPage: true })
    await page.keyboard.press('n')
    await expect.poll(() => hits.textContent()).toMatch(/Hit 2 of/)
    await page.getByRole('button', { name: 'Locate Bid number' }).click()
    await expect.poll(() => page.locator('.word-overlay rect.mark.field').count()).toBeGreaterThan(0)
  })

  it('records a decision with a reason and sees it in the list and its filter', async () => {
    const form = page.getByRole('form', { name: 'Decision' })
    await form.getByLabel('Relevant', { exact: true }).check()
    await form.getByLabel('Reason').fill('rock wool mattresses, our range')
    // The decision is credited to whoever signed in, never to a typed name.
    expect(await form.getByLabel('Decided by').count()).toBe(0)
    const who = page.getByRole('button', { name: /^Who is at this desk: / })
    await expect.poll(() => who.textContent()).toBe('Who is at this desk: e2e.analyst')
    expect(await form.textContent()).toContain('Recorded as e2e.analyst, who is at this desk.')
    await form.getByRole('button', { name: 'Record decision' }).click()
    await expect
      .poll(() => page.getByRole('status', { name: 'Current decision' }).textContent())
      .toContain('rock wool mattresses, our range')
    expect(await page.getByRole('status', { name: 'Current decision' }).textContent()).toContain(
      '(e2e.analyst)',
    )
    await page.screenshot({ path: join(SHOTS, 'e2e-tenders-03-decided.png'), fullPage: true })
    await page.getByRole('button', { name: 'Back to results' }).click()
    const first = results().getByRole('row').nth(1)
    await expect.poll(() => first.textContent()).toContain('Relevant')
    await page.getByRole('form', { name: 'Filter results' }).getByLabel('Decision').selectOption('relevant')
    await expect.poll(() => rowNames()).toEqual([ROCKWOOL])
    await page.screenshot({ path: join(SHOTS, 'e2e-tenders-04-filtered.png'), fullPage: true })
  })

  it('adds a field the extractor missed by picking its words on the page, shown at once with its box', async () => {
    await results().getByRole('button', { name: ROCKWOOL }).click()
    await page.getByRole('table', { name: 'Fields' }).waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Add a field from the page' }).click()
    const form = page.getByRole('form', { name: 'Add a field from the page' })
    // While picking, every word of the page is a box; a click picks one, Shift+click extends.
    const words = page.locator('.word-overlay rect')
    await expect.poll(() => words.count(), { timeout: 30_000 }).toBeGreaterThan(20)
    await words.nth(0).click()
    await words.nth(1).click({ modifiers: ['Shift'] })
    const word = async (i: number) =>
      /“(.*)”/.exec((await words.nth(i).locator('title').textContent()) ?? '')?.[1] ?? ''
    const expected = `${await word(0)} ${await word(1)}`
    expect(await page.locator('.word-overlay rect.mark.picked').count()).toBe(2)
    await expect.poll(() => form.getByLabel('Value').inputValue()).toBe(expected)

    // A field nobody read: an option without "(read: …)".
    const options = await form.getByLabel('Field').locator('option').allTextContents()
    const missing = options.find((o, i) => i > 0 && !o.includes('(read:'))
    expect(missing).toBeDefined()
    await form.getByLabel('Field').selectOption({ label: missing! })
    const axe = await new AxeBuilder({ page }).include('.evidence').analyze()
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([])
    const widths = await page.evaluate(() => {
      const main = document.querySelector('main')!
      return [main.scrollWidth, main.clientWidth]
    })
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!)
    await page.screenshot({ path: join(SHOTS, 'e2e-tenders-05-add-field.png'), fullPage: true })
    await form.getByRole('button', { name: 'Set field' }).click()

    const row = page.getByRole('table', { name: 'Fields' }).getByRole('row', { name: new RegExp(missing!) })
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain(expected)
    expect(await row.textContent()).toContain('(added from the page by e2e.analyst)')
    expect(await row.getAttribute('aria-current')).toBe('true')
    await expect
      .poll(() => page.locator('.word-overlay rect.mark.field.current').count())
      .toBeGreaterThanOrEqual(2)
    await page.getByRole('button', { name: 'Back to results' }).click()
  })

  it('exports the filtered list as CSV with the decision', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    const csv = readFileSync(path, 'utf8').split('\r\n')
    expect(csv[1]).toContain(ROCKWOOL)
    expect(csv[1]).toContain('relevant,"rock wool mattresses, our range"')
    expect(csv[1]).toContain('e2e.analyst')
    expect(csv).toHaveLength(3)
  })

  it('imports a whole folder through the folder picker: documents only, for the other tenant', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pebble-bids-'))
    try {
      for (const name of BIDS.slice(0, 2)) copyFileSync(corpusFile(name), join(folder, name))
      writeFileSync(join(folder, 'notes.txt'), 'not a bid')
      await page.getByLabel('Tenant').selectOption('globex')
      await expect.poll(() => page.getByRole('table', { name: 'Screening results' }).count()).toBe(0)
      await page.getByLabel('Import a folder').setInputFiles(folder)
      await expect
        .poll(async () => (await rowNames()).sort(), { timeout: 60_000 })
        .toEqual(BIDS.slice(0, 2).sort())
      expect(await page.getByRole('main').textContent()).not.toContain('notes.txt')
    } finally {
      await page.screenshot({ path: join(SHOTS, 'e2e-tenders-05-folder.png'), fullPage: true })
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('keeps a reloaded tab signed in (its resume token) and credits the same person', async () => {
    await page.reload()
    const who = page.getByRole('button', { name: /^Who is at this desk: / })
    await expect.poll(() => who.textContent(), { timeout: 20_000 }).toBe('Who is at this desk: e2e.analyst')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    await expect
      .poll(() => page.getByRole('region', { name: 'Who is at this desk' }).textContent())
      .toContain('Work here is credited to e2e.analyst.')
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
