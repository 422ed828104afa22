import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { corpusFile } from '../support/corpus'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'

const SHOTS = join(ROOT, 'test-results')
const COA = 'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf'
const BATCH = 'BN12000005720'
const PIN = '4321'

// Lead tightened to 1.50 ppm: the COA's 1.86 must be flagged.
const SPEC = {
  product: 'Zinc Bisglycinate Chelate SF',
  version: 1,
  parameters: [
    { name: 'Zinc', unit: '%', min: 20 },
    { name: 'Lead', unit: 'ppm', limit: 'NMT 1.50' },
    { name: 'Cadmium', unit: 'ppm', max: 1.0 },
    { name: 'Loss on drying', aliases: ['LOD', 'Moisture'], unit: '%', limit: 'NMT 6.0' },
    { name: 'pH', limit: '6.5 - 8.0' },
    { name: 'Salmonella', limit: 'Absent in 10 g' },
  ],
}

let desk: ServedDesk
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'lab', 'QC Lab').status).toBe(0)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1600, height: 1100 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })
const section = (name: string) =>
  page.getByRole('group', { name: 'QC sections' }).getByRole('button', { name })
const results = () => page.getByRole('table', { name: 'COA results' })
const row = (name: string) =>
  results()
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) })

/** A keyboard-wedge scanner: a fast burst ended by Enter, with no text field focused. */
async function wedgeScan(data: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.type(data, { delay: 5 })
  await page.keyboard.press('Enter')
}

describe('QC desk: a real Balchem COA checked, corrected and signed', () => {
  it('imports the COA and reads it with OCR', async () => {
    await page.goto(desk.url)
    await expect.poll(() => page.getByRole('contentinfo').textContent()).toMatch(/Connected/)
    await page.getByLabel('Tenant').selectOption('lab')
    await page.getByLabel('Import documents').setInputFiles(corpusFile(COA))
    // The Documents table: the screening table above it names the same document.
    const cell = page
      .getByRole('table', { name: 'Documents' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: COA }) })
      // The "Text" column: the cell right after the document's name (a selection box comes before it).
      .locator('th[scope=row] + td')
    await expect.poll(() => cell.textContent(), { timeout: 120_000, interval: 500 }).toMatch(/OCR · \d+%/)
  })

  it('adds a signer with a PIN', async () => {
    await nav('QC').click()
    await section('Signers & settings').click()
    const form = page.getByRole('form', { name: 'Add a signer' })
    await form.getByLabel('Name').fill('Ann Lee')
    await form.getByLabel('PIN or password').fill(PIN)
    await form.getByLabel('Repeat it').fill(PIN)
    await form.getByRole('button', { name: 'Add signer' }).click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Signers' }).textContent(), { timeout: 20_000 })
      .toContain('Ann Lee')
    expect(await page.getByLabel('Technician').inputValue()).toBe('Ann Lee')
  })

  it('imports a specification through the UI, showing path errors for a bad one', async () => {
    await section('Specifications').click()
    await page
      .getByLabel('Specification text')
      .fill(JSON.stringify({ product: 'X', version: 1, parameters: [{ name: 'Lead' }] }))
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await expect
      .poll(() => page.getByRole('list', { name: 'Specification errors' }).textContent())
      .toContain('parameters[0].limit')
    await page.getByLabel('Specification file (JSON or YAML)').setInputFiles({
      name: 'zinc-sf.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SPEC)),
    })
    const library = page.getByRole('table', { name: 'Specifications' })
    await expect.poll(() => library.textContent()).toContain('Zinc Bisglycinate Chelate SF')
    expect(await library.textContent()).toContain('v1')
  })

  it('runs the check and flags Lead out of specification with its sentence', async () => {
    await section('Certificates').click()
    const form = page.getByRole('form', { name: 'New COA check' })
    await form.getByLabel('Expected batch (optional)').fill(BATCH)
    await form.getByRole('button', { name: 'Run check' }).click()
    await page.getByRole('heading', { name: `Batch ${BATCH}` }).waitFor({ timeout: 60_000 })
    const lead = row('Lead')
    await expect.poll(() => lead.textContent()).toContain('Out of spec')
    expect(await lead.textContent()).toContain('Lead 1.86 ppm exceeds max 1.50 ppm')
    expect(await page.locator('.qc-verdict').textContent()).toContain('FAIL')

    // Every extracted cell is boxed on the page; choosing the row marks its own cells.
    const picture = page.getByRole('img', { name: 'COA page 1' })
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    expect(await page.locator('.qc-page .word-overlay rect').count()).toBeGreaterThan(20)
    await lead.getByRole('button', { name: 'Lead', exact: true }).click()
    await expect.poll(() => page.locator('.qc-page .word-overlay rect.selected').count()).toBeGreaterThan(1)
    await page.screenshot({ path: join(SHOTS, 'e2e-qc-review.png') })
  })

  it('corrects a value with a reason and re-judges the row', async () => {
    await row('Lead').getByRole('button', { name: 'Correct Lead' }).click()
    const form = page.getByRole('form', { name: 'Correct Lead' })
    await form.getByLabel('New value').fill('1.90')
    await form.getByRole('button', { name: 'Save correction' }).click()
    expect(await form.getByRole('alert').textContent()).toContain('reason')
    await form.getByLabel('Reason').fill('Re-read from the lab raw data')
    await form.getByRole('button', { name: 'Save correction' }).click()
    await expect.poll(() => row('Lead').textContent()).toContain('Lead 1.90 ppm exceeds max 1.50 ppm')
    expect(await row('Lead').textContent()).toContain(
      'corrected from “1.86” by Ann Lee: Re-read from the lab raw data',
    )
  })

  it('refuses a wrong PIN, then signs the rejection with the name, meaning and time shown', async () => {
    const form = page.getByRole('form', { name: 'Sign this record' })
    await form.getByLabel('rejected').check()
    await form.getByLabel('PIN or password').fill('0000')
    await form.getByRole('button', { name: 'Sign' }).click()
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('not right')
    await form.getByLabel('PIN or password').fill(PIN)
    await form.getByRole('button', { name: 'Sign' }).click()
    const signatures = page.getByRole('list', { name: 'Signatures' })
    await expect.poll(() => signatures.textContent(), { timeout: 20_000 }).toMatch(/Ann Lee — rejected — \d/)
    expect(await page.locator('.qc-facts').textContent()).toContain('Rejected')
  })

  it('finds the audit chain intact on the Review page', async () => {
    await nav('Review').click()
    const audit = page.getByRole('region', { name: 'Audit trail' })
    await expect.poll(() => audit.textContent()).toContain('Intact')
    expect(Number(/Entries(\d+)/.exec((await audit.textContent()) ?? '')?.[1])).toBeGreaterThanOrEqual(6)
  })
})

describe('scan-driven work through the bridge', () => {
  it('lands on the batch COA record from a keyboard-wedge scan, warning that the label expiry differs', async () => {
    await nav('Scanner').click()
    await page.getByRole('heading', { level: 1, name: 'Scanner' }).waitFor()
    await wedgeScan(`(01)09506000134352(10)${BATCH}(17)280614`)
    await page.getByRole('heading', { name: `Batch ${BATCH}` }).waitFor({ timeout: 15_000 })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('QC')
    await expect
      .poll(() => page.locator('.qc-warning').textContent())
      .toContain("The label's expiry 2028-06-14 (AI 17) does not match the COA's expiry 2028-01-14")
  })

  it('starts a record awaiting its COA for a batch the desk has not seen', async () => {
    await wedgeScan('(01)09506000134352(10)NEWLOT42')
    await page.getByRole('heading', { name: 'Batch NEWLOT42' }).waitFor({ timeout: 15_000 })
    expect(await page.locator('.qc-facts').textContent()).toContain('Awaiting COA')
  })

  it('says clearly when a label cannot be read', async () => {
    await wedgeScan('(17)281399(10)X')
    await expect
      .poll(() => page.locator('.qc-notice-error').textContent(), { timeout: 15_000 })
      .toMatch(/Unreadable label at position \d+/)
  })

  it('ticks a unit on the open pick list when its label is scanned', async () => {
    const form = page.getByRole('form', { name: 'Draw a sample' })
    await form.getByLabel('Lot size').fill('40')
    await form.getByLabel('Seed').fill('e2e-seed')
    await form.getByRole('button', { name: 'Draw sample' }).click()
    const units = page.getByRole('table', { name: 'Units to sample' })
    await units.waitFor()
    const first = (await units.getByRole('rowheader').first().textContent()) ?? ''
    await wedgeScan(`(01)09506000134352(10)NEWLOT42(21)${first}`)
    await expect
      .poll(() => page.locator('.qc-notice').textContent(), { timeout: 15_000 })
      .toContain(`Unit ${first} marked picked`)
    expect(
      await units
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: first, exact: true }) })
        .textContent(),
    ).toContain('Picked')
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
