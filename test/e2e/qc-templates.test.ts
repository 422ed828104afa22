import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { typicalValueCoa, type TypicalCoa } from '../shared/qc/templates/typical-layout'
import { launchChromium, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

// Seeds 3 and 1 print the same product (ascorbic acid) with every one of its parameters, so one
// specification serves both; the reader takes their "Typical Value" column for the results.
let first: TypicalCoa
let next: TypicalCoa
let desk: ServedDesk
let browser: Browser
let page: Page

beforeAll(async () => {
  first = await typicalValueCoa(3, undefined, 0, true)
  next = await typicalValueCoa(1, undefined, 8, true)
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'lab', 'QC Lab').status).toBe(0)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1600, height: 1100 } })
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

const section = (name: string) =>
  page.getByRole('group', { name: 'QC sections' }).getByRole('button', { name })
const resultOf = (name: string) =>
  page
    .getByRole('table', { name: 'COA results' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }) })
    .locator('td')
    .nth(3)

async function importCoa(coa: TypicalCoa, file: string): Promise<void> {
  await section('Certificates').click()
  const back = page.getByRole('button', { name: '← All COA records' })
  if (await back.isVisible()) await back.click()
  await page
    .getByRole('form', { name: 'New COA check' })
    .getByLabel('Import certificates and check')
    .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: Buffer.from(coa.pdf) })
  await page.getByRole('heading', { name: `Batch ${coa.batch}` }).waitFor({ timeout: 90_000 })
}

/** Every parameter on screen shows the batch's own result, as printed in "Batch Result". */
async function expectBatchResults(coa: TypicalCoa): Promise<void> {
  for (const [name, truth] of coa.truth)
    await expect.poll(() => resultOf(name).textContent()).toBe(truth.result)
}

describe('a supplier layout learned from one correction in the UI', () => {
  it('imports a specification and a COA the reader gets wrong', async () => {
    await page.goto(desk.url)
    const gate = page.getByRole('form', { name: /^(Create the first admin|Sign in)$/ })
    await gate.or(page.getByLabel('Tenant')).first().waitFor({ timeout: 30_000 })
    if (await gate.isVisible()) await signIn(page, 'Ann Lee')
    await page.getByLabel('Tenant').selectOption('lab')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'QC' }).click()
    await section('Specifications').click()
    await page.getByLabel('Specification file (JSON or YAML)').setInputFiles({
      name: 'spec.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(first.specInput)),
    })
    await expect
      .poll(() => page.getByRole('table', { name: 'Specifications' }).textContent())
      .toContain(first.specInput.product)

    await importCoa(first, 'vardhman-first.pdf')
    // Read from "Typical Value" (4.00 for copper), not the batch's own result.
    await expect.poll(() => resultOf('Copper').textContent()).not.toBe(first.truth.get('Copper')!.result)
    // The notice may paint after the result cell: waited for like the cell, not read at once.
    await expect.poll(() => page.getByText('No layout learned for').count()).toBe(1)
  })

  it('is corrected once: the result is the "Batch Result" column', async () => {
    const form = page.getByRole('form', { name: 'Fix how the table was read' })
    await form.getByLabel('Column “Batch Result”').selectOption('result')
    await form.getByRole('button', { name: 'Keep this layout and read again' }).click()
    await page
      .getByText(`Read with the template learned from batch ${first.batch}`)
      .waitFor({ timeout: 60_000 })
    await expectBatchResults(first)
  })

  it("reads the supplier's next COA right, saying which template it used", async () => {
    await importCoa(next, 'vardhman-next.pdf')
    await page
      .getByText(`Read with the template learned from batch ${first.batch}`)
      .waitFor({ timeout: 30_000 })
    await expectBatchResults(next)
  })

  it('reads it without the template on request, and forgets the template', async () => {
    await page.getByRole('button', { name: 'Read without the template' }).click()
    await page
      .getByText(`Read without the template learned from batch ${first.batch}`)
      .waitFor({ timeout: 30_000 })
    await expect.poll(() => resultOf('Copper').textContent()).not.toBe(next.truth.get('Copper')!.result)
    await page.getByRole('button', { name: 'Forget the template' }).click()
    await page.getByText('No layout learned for').waitFor({ timeout: 30_000 })
  })
})
