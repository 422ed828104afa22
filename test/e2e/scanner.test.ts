import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { PtyPair } from '../main/services/scanners/socat'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

const SHOTS = join(ROOT, 'test-results')

let desk: ServedDesk
let browser: Browser
let page: Page
let ptyDir: string
let pty: PtyPair
const pageErrors: string[] = []

beforeAll(async () => {
  ptyDir = mkdtempSync(join(tmpdir(), 'pebble-e2e-pty-'))
  pty = new PtyPair(ptyDir)
  await pty.start()
  desk = await serveDesk()
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(desk.url)
  await signIn(page)
  await openScannerPage()
})

async function openScannerPage(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Scanner' }).click()
  await page.getByRole('heading', { level: 1, name: 'Scanner' }).waitFor()
}

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
  await pty?.stop()
  rmSync(ptyDir, { recursive: true, force: true })
})

const feed = () => page.getByRole('list', { name: 'Scan feed' })

describe('the Scanner page in Chromium through pebble-desk serve', () => {
  it('reads a GS1 string typed into the test box', async () => {
    await page.getByLabel('Test barcode').fill('010950600013435210ABC123<GS>17261231')
    await page.getByRole('button', { name: 'Parse' }).click()
    const table = page.getByRole('table', { name: 'Test barcode elements' })
    await expect.poll(() => table.textContent()).toContain('ABC123')
    const text = (await table.textContent()) ?? ''
    expect(text).toContain('09506000134352')
    expect(text).toContain('2026-12-31')
  })

  it('connects a serial scanner on a socat pty and shows its scan in the live feed', async () => {
    await page.getByLabel('Port').fill(pty.device)
    await page.getByRole('button', { name: 'Connect' }).click()
    const devices = page.getByRole('table', { name: 'Connected scanners' })
    await expect.poll(() => devices.textContent(), { timeout: 15_000 }).toContain('Connected')
    expect(await devices.textContent()).toContain(pty.device)

    pty.send(']C1010950600013435210ABC123\x1D17261231\r')
    // A lot no record knows asks before a record is made, and the operator stays on the Scanner page.
    const ask = page.getByRole('alertdialog', { name: /Lot ABC123 is not known/ })
    await ask.waitFor({ timeout: 15_000 })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Scanner')
    await expect.poll(() => feed().textContent(), { timeout: 15_000 }).toContain('ABC123')
    const entry = (await feed().locator('li').first().textContent()) ?? ''
    expect(entry).toContain(pty.device)
    expect(entry).toContain('BATCH/LOT')
    expect(entry).toContain('2026-12-31')
    await page.screenshot({ path: join(SHOTS, 'e2e-scanner-serial.png') })
    await ask.getByRole('button', { name: 'Create record' }).click()
    await expect
      .poll(() =>
        page.locator('.scanner-page').locator('xpath=preceding-sibling::p[@role="status"]').textContent(),
      )
      .toBe('Created a record for lot ABC123; it awaits its COA on the QC page.')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Scanner')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'QC' }).click()
    const records = page.getByRole('table', { name: 'COA records' })
    await expect.poll(() => records.textContent(), { timeout: 15_000 }).toContain('ABC123')
    expect(await records.textContent()).toContain('Awaiting COA')
    await openScannerPage()
  })

  it('takes a keyboard-wedge burst with the scanner prefix into the feed, not into the focused text field', async () => {
    // In a focused text field only a burst that starts with the configured prefix is a scan.
    await page.getByLabel('Keyboard scanner prefix').fill('~')
    const port = page.getByLabel('Port')
    await port.fill('')
    await port.focus()
    // A unit label without a batch (AI 21 serial only) stays on this page: only batch labels navigate.
    await page.keyboard.type('~]C101095060001343521726123121WEDGE42', { delay: 5 })
    await page.keyboard.press('Enter')
    await expect.poll(() => feed().textContent(), { timeout: 10_000 }).toContain('WEDGE42')
    expect(await feed().locator('li').first().textContent()).toContain('Keyboard scanner')
    expect(await port.inputValue()).toBe('')
    // Enter was the scanner's terminator, so the form was not submitted with anything.
    expect(await page.getByRole('table', { name: 'Connected scanners' }).locator('tbody tr').count()).toBe(1)
    await page.getByLabel('Keyboard scanner prefix').fill('')
  })

  it('lets slow typing land in the field as usual', async () => {
    const port = page.getByLabel('Port')
    await port.focus()
    await page.keyboard.type('/dev/ttyS0', { delay: 120 })
    await expect.poll(() => port.inputValue()).toBe('/dev/ttyS0')
    expect(await feed().textContent()).not.toContain('ttyS0')
    await page.screenshot({ path: join(SHOTS, 'e2e-scanner-wedge.png') })
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
