import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { corpusFile } from '../support/corpus'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

const SHOTS = join(ROOT, 'test-results')
mkdirSync(SHOTS, { recursive: true })
const SCAN = 'tess_phototestrot.tif'

let desk: ServedDesk
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'acme', 'Acme Steel').status).toBe(0)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

// The Documents table: the screening table above it names the same document.
const documentsTable = () => page.getByRole('table', { name: 'Documents' })
const textCell = () =>
  documentsTable()
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: SCAN }) })
    // The "Text" column: the cell right after the document's name (a selection box comes before it).
    .locator('th[scope=row] + td')

describe('the document viewer over a real OCR run', () => {
  it('imports a rotated scan and reports its text as read', async () => {
    await page.goto(desk.url)
    await signIn(page)
    await expect.poll(() => page.getByRole('contentinfo').textContent()).toMatch(/Connected/)
    await page.getByLabel('Tenant').selectOption('acme')
    await page.getByLabel('Import documents').setInputFiles(corpusFile(SCAN))
    await expect
      .poll(() => page.getByRole('table', { name: 'Documents' }).textContent(), { timeout: 30_000 })
      .toContain(SCAN)
    // OCR of the page takes seconds; the column follows documents.changed.
    await expect
      .poll(() => textCell().textContent(), { timeout: 90_000, interval: 500 })
      .toMatch(/OCR · \d+%/)
    expect(await textCell().textContent()).toMatch(/^1 page · 1 OCR · \d+%$/)
  })

  it('opens the viewer with word boxes over the page picture and the text beside it', async () => {
    await documentsTable().getByRole('button', { name: SCAN }).click()
    const viewer = page.getByRole('region', { name: SCAN })
    const picture = viewer.getByRole('img', { name: 'page 1 of 1' })
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await expect.poll(() => viewer.locator('.word-overlay rect').count()).toBeGreaterThan(20)

    const text = viewer.getByLabel('Text of page 1 of 1')
    expect((await text.textContent())?.replace(/\s+/g, ' ')).toContain('quick brown dog')
    expect(await viewer.textContent()).toMatch(/OCR · rotated \d+° .*confidence \d+/)

    // The overlay is laid over the picture exactly, so boxes in picture pixels land on the words.
    const [imgBox, overlayBox] = await Promise.all([
      picture.boundingBox(),
      viewer.locator('.word-overlay svg').boundingBox(),
    ])
    expect(overlayBox).toEqual(imgBox)
    await page.screenshot({ path: join(SHOTS, 'e2e-viewer.png') })
  })

  it('hides the boxes with the toggle and goes back with Escape', async () => {
    const viewer = page.getByRole('region', { name: SCAN })
    await viewer.getByRole('group', { name: /^Word boxes: \d+ words/ }).focus()
    await page.keyboard.press('ArrowRight')
    // Arrow keys walk the words in reading order, so the first step lands on the page's first word.
    expect(await viewer.locator('.word-tip').textContent()).toMatch(/^“This” · confidence \d+$/)
    await page.screenshot({ path: join(SHOTS, 'e2e-viewer-word.png') })
    await viewer.getByRole('checkbox', { name: 'Show word boxes' }).uncheck()
    expect(await viewer.locator('.word-overlay rect').count()).toBe(0)
    await viewer.getByRole('checkbox', { name: 'Show word boxes' }).check()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('table', { name: 'Documents' }).isVisible()).toBe(true)
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
