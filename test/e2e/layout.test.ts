import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { FIELD_NAMES } from '../../src/shared/tenders/fields/types'
import { corpusFile } from '../support/corpus'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { E2E_SECRET, signIn } from './support/sign-in'

/**
 * Every main page at the two laptop sizes the desks use: nothing scrolls the main pane sideways,
 * no raw field key reaches the user, and axe finds nothing serious. A screenshot of each is kept.
 */

const SHOTS = join(ROOT, 'test-results', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

const BID = 'tender_gem_GEM-2026-B-7439924_rockwool.pdf'
const COA = 'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf'
const BATCH = 'BN12000005720'
const PROFILE = JSON.stringify({
  name: 'Insulation',
  threshold: 5,
  terms: [{ term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 }],
})
const SPEC = JSON.stringify({
  product: 'Zinc Bisglycinate Chelate SF',
  version: 1,
  parameters: [
    { name: 'Zinc', unit: '%', min: 20 },
    { name: 'Lead', unit: 'ppm', limit: 'NMT 1.50' },
    { name: 'Loss on drying', aliases: ['LOD', 'Moisture'], unit: '%', limit: 'NMT 6.0' },
  ],
})
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]
const AXE_SIZE = SIZES[1]!
/** Field keys with a capital inside them: a user must never read one of these. */
const RAW_KEY = new RegExp(`\\b(${FIELD_NAMES.filter((n) => /[A-Z]/.test(n)).join('|')})\\b`)

let desk: ServedDesk
let browser: Browser
let page: Page
const pageErrors: string[] = []

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })
const qcSection = (name: string) =>
  page.getByRole('group', { name: 'QC sections' }).getByRole('button', { name })
const screening = () => page.getByRole('table', { name: 'Screening results' })

beforeAll(async () => {
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'acme', 'Acme Industrial').status).toBe(0)
  browser = await launchChromium()
  // axe needs a page from a context of its own.
  page = await (await browser.newContext({ viewport: SIZES[1]! })).newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

it('imports a bid and a COA, adds a profile and a specification, and checks the COA', async () => {
  await page.goto(desk.url)
  await signIn(page)
  await expect.poll(() => page.getByRole('contentinfo').textContent()).toMatch(/Connected/)
  await page.getByLabel('Tenant').selectOption('acme')
  // One import: the bid's text layer is read while the COA goes through OCR.
  await page.getByLabel('Import documents').setInputFiles([corpusFile(BID), corpusFile(COA)])

  const profile = page.getByRole('form', { name: 'Add profile' })
  await profile.getByLabel(/Profile \(JSON\)/).fill(PROFILE)
  await profile.getByRole('button', { name: 'Save profile' }).click()
  await expect.poll(() => page.getByRole('list', { name: 'Profiles' }).textContent()).toContain('Insulation')

  await nav('QC').click()
  await qcSection('Specifications').click()
  await page.getByLabel('Specification text').fill(SPEC)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect
    .poll(() => page.getByRole('table', { name: 'Specifications' }).textContent())
    .toContain('Zinc Bisglycinate')
  await qcSection('Certificates').click()
  const check = page.getByRole('form', { name: 'New COA check' })
  // QC's picker lists certificates only, and the COA is chosen without being picked.
  await expect
    .poll(() => check.getByLabel('Certificate', { exact: true }).textContent(), {
      timeout: 90_000,
      interval: 500,
    })
    .toBe(COA)
  expect(await check.getByLabel('Certificate', { exact: true }).inputValue()).not.toBe('')
  await check.getByLabel(/Show all documents/).check()
  expect(await check.getByLabel('Certificate', { exact: true }).textContent()).toContain(`${BID} (Tender)`)
  await check.getByLabel(/Show all documents/).uncheck()
  await check.getByLabel('Expected batch (optional)').fill(BATCH)
  await check.getByRole('button', { name: 'Run check' }).click()
  await page.getByRole('heading', { name: `Batch ${BATCH}` }).waitFor({ timeout: 90_000 })
  await page.getByRole('table', { name: 'COA results' }).waitFor()
  // OCR of the COA and its check share two cores with the bid's reading.
}, 240_000)

it('routes each document to its desk: typed in the Documents table, the COA left out of screening', async () => {
  await nav('Tenders').click()
  const documents = page.getByRole('table', { name: 'Documents' })
  await expect.poll(() => documents.getByLabel(`Type of ${COA}`).inputValue()).toBe('coa')
  expect(await documents.getByLabel(`Type of ${BID}`).inputValue()).toBe('tender')
  await expect
    .poll(() => page.getByLabel('Documents not screened').textContent())
    .toContain('Not screened: 1 certificate of analysis')
  expect(await screening().getByRole('rowheader').allTextContents()).not.toContain(COA)
})

/** The checks every page must pass; soft, so one run lists every page's problems. */
async function checkPage(
  name: string,
  size: { width: number; height: number },
  show?: Locator,
): Promise<void> {
  const where = `${name} at ${size.width}×${size.height}`
  const widths = await page.evaluate(() => {
    const doc = document.scrollingElement!
    const main = document.querySelector('main')!
    return { doc: [doc.scrollWidth, doc.clientWidth], main: [main.scrollWidth, main.clientWidth] }
  })
  expect.soft(widths.doc[0], `${where}: the document scrolls sideways`).toBeLessThanOrEqual(widths.doc[1]!)
  expect.soft(widths.main[0], `${where}: the main pane scrolls sideways`).toBeLessThanOrEqual(widths.main[1]!)
  const text = await page.locator('body').innerText()
  expect.soft(RAW_KEY.exec(text)?.[0], `${where}: a raw field key is shown`).toBeUndefined()
  // axe's rules do not depend on the window size, and a run takes seconds: once, at the larger one.
  if (size.width === AXE_SIZE.width) {
    const axe = await new AxeBuilder({ page }).analyze()
    expect.soft(axe.passes.length, `${where}: axe checked nothing`).toBeGreaterThan(0)
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
    expect.soft(serious, `${where}: axe violations`).toEqual([])
  }
  // The main pane scrolls itself, so a full-page shot shows no more: bring the part to see into view.
  await show?.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}.png`) })
}

describe.each(SIZES)('every main page at $width×$height', (size) => {
  it('fits, speaks in labels and passes axe', async () => {
    await page.setViewportSize(size)

    await nav('Tenders').click()
    await expect
      .poll(() => screening().getByRole('rowheader').allTextContents(), { timeout: 60_000 })
      .toContain(BID)
    await expect.poll(() => screening().textContent(), { timeout: 60_000 }).not.toContain('Not read yet')
    await checkPage('tenders', size, screening())

    await screening().getByRole('button', { name: BID }).click()
    await page.getByRole('table', { name: 'Fields' }).waitFor({ timeout: 30_000 })
    await checkPage('tenders-evidence', size, page.getByRole('table', { name: 'Fields' }))
    await page.getByRole('button', { name: 'Back to results' }).click()

    await nav('QC').click()
    await qcSection('Certificates').click()
    const title = page.getByRole('heading', { name: `Batch ${BATCH}` })
    if (await title.isVisible()) await page.getByRole('button', { name: '← All COA records' }).click()
    await page.getByRole('table', { name: 'COA records' }).waitFor()
    await checkPage('qc', size)
    await page
      .getByRole('table', { name: 'COA records' })
      .getByRole('button', { name: BATCH, exact: true })
      .click()
    await page.getByRole('table', { name: 'COA results' }).waitFor()
    await checkPage('qc-review', size, page.getByRole('table', { name: 'COA results' }))

    await page.getByRole('button', { name: 'Correct Lead' }).click()
    await page.getByRole('dialog').waitFor()
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    expect(await page.getByLabel('New value').evaluate((el) => el === document.activeElement)).toBe(true)
    await checkPage('qc-correct', size)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(await focused()).toBe('Correct Lead')

    for (const [label, id] of [
      ['Scanner', 'scanner'],
      ['Sync', 'sync'],
      ['Settings', 'settings'],
      ['Review', 'review'],
    ] as const) {
      await nav(label).click()
      await page.getByRole('heading', { level: 1, name: label }).waitFor()
      await checkPage(id, size)
    }
  })
})

/**
 * The three people the desk is for, each signed in as themselves, doing their own job at both sizes:
 * the analyst opens a bid's evidence and comes back to the row, the technician corrects a COA value
 * and comes back to the row's button, the operator reads a label. Each sees only their pages.
 */
const PEOPLE = [
  {
    name: 'Asha Analyst',
    role: 'tender-analyst',
    secret: '731904',
    sees: ['Tenders'],
    not: ['QC', 'Scanner'],
  },
  { name: 'Tariq Tech', role: 'qc-technician', secret: '640218', sees: ['QC', 'Scanner'], not: [] },
  { name: 'Oscar Operator', role: 'scanner-operator', secret: '528471', sees: ['Scanner'], not: ['Tenders'] },
] as const
type Person = (typeof PEOPLE)[number]

const activeLabel = () =>
  page.evaluate(() => {
    const el = document.activeElement
    return el?.getAttribute('aria-label') ?? el?.textContent ?? ''
  })

async function signOutAndIn(person: { name: string; secret: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, person.name, person.secret)
}

const walk: Record<Person['role'], (size: { width: number; height: number }) => Promise<void>> = {
  'tender-analyst': async (size) => {
    await nav('Tenders').click()
    await expect.poll(() => screening().getByRole('rowheader').allTextContents()).toContain(BID)
    await checkPage('analyst-tenders', size, screening())
    await screening().getByRole('button', { name: BID }).click()
    await page.getByRole('table', { name: 'Fields' }).waitFor({ timeout: 30_000 })
    await checkPage('analyst-evidence', size, page.getByRole('table', { name: 'Fields' }))
    await page.getByRole('button', { name: 'Back to results' }).click()
    await expect.poll(activeLabel).toContain(BID)
  },
  'qc-technician': async (size) => {
    await nav('QC').click()
    await qcSection('Certificates').click()
    const back = page.getByRole('button', { name: '← All COA records' })
    const records = page.getByRole('table', { name: 'COA records' })
    await back.or(records).first().waitFor({ timeout: 15_000 })
    if (await back.isVisible()) await back.click()
    await records.getByRole('button', { name: BATCH, exact: true }).click()
    await page.getByRole('table', { name: 'COA results' }).waitFor()
    await checkPage('technician-review', size, page.getByRole('table', { name: 'COA results' }))
    await page.getByRole('button', { name: 'Correct Lead' }).click()
    await page.getByRole('dialog').waitFor()
    await checkPage('technician-correct', size)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(await activeLabel()).toBe('Correct Lead')
  },
  'scanner-operator': async (size) => {
    await nav('Scanner').click()
    await page.getByRole('heading', { level: 1, name: 'Scanner' }).waitFor()
    await page.getByLabel('Test barcode').fill('010950600013435210ABC123<GS>17261231')
    await page.getByRole('button', { name: 'Parse' }).click()
    const table = page.getByRole('table', { name: 'Test barcode elements' })
    await expect.poll(() => table.textContent()).toContain('ABC123')
    expect(await table.textContent()).toContain('2026-12-31')
    await checkPage('operator-scanner', size, table)
  },
}

describe('a walkthrough per role', () => {
  it('the admin adds an analyst, a technician and an operator', async () => {
    await nav('Settings').click()
    const form = page.getByRole('form', { name: 'Add a user' })
    for (const person of PEOPLE) {
      await form.getByLabel('Name').fill(person.name)
      await form.getByLabel(person.role, { exact: true }).check()
      await form.getByLabel('Their PIN or passphrase').fill(person.secret)
      await form.getByLabel('Reason').fill(`works as ${person.role}`)
      await form.getByRole('button', { name: 'Add user' }).click()
      await expect
        .poll(() => page.getByRole('table', { name: 'Users' }).textContent(), { timeout: 20_000 })
        .toContain(person.name)
      await form.getByLabel(person.role, { exact: true }).uncheck()
    }
  })

  describe.each(SIZES)('at $width×$height', (size) => {
    it.each(PEOPLE.map((p) => [p.role, p] as const))('%s does their job', async (_role, person) => {
      await page.setViewportSize(size)
      await signOutAndIn(person)
      for (const name of person.sees) expect(await nav(name).count(), `${person.role} sees ${name}`).toBe(1)
      for (const name of person.not) expect(await nav(name).count(), `${person.role} sees ${name}`).toBe(0)
      await walk[person.role](size)
    })
  })

  it('ends signed in as the admin again', async () => {
    await signOutAndIn({ name: 'e2e.admin', secret: E2E_SECRET })
  })
})

describe('the session', () => {
  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
