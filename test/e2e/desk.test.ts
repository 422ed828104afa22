import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { corpusFile } from '../support/corpus'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

const SHOTS = join(ROOT, 'test-results')
mkdirSync(SHOTS, { recursive: true })

let desk: ServedDesk
let browser: Browser
let page: Page
const pageErrors: string[] = []

beforeAll(async () => {
  desk = await serveDesk()
  expect(desk.cli('tenants', 'add', 'acme', 'Acme Steel').status).toBe(0)
  expect(desk.cli('tenants', 'add', 'globex', 'Globex Refinery').status).toBe(0)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await browser?.close()
  await desk?.stop()
})

describe('the desk in Chromium through pebble-desk serve', () => {
  it('refuses to open without the per-run token', async () => {
    const response = await page.goto(new URL('/', desk.url).toString())
    expect(response?.status()).toBe(401)
    expect(await page.textContent('body')).toContain('Open the URL')
  })

  it('opens with the token and shows the desk frame', async () => {
    await page.goto(desk.url)
    await signIn(page)
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
    for (const name of ['Tenders', 'QC', 'Scanner', 'Review', 'Sync', 'Settings']) {
      expect(
        await page.getByRole('navigation', { name: 'Main' }).getByText(name, { exact: true }).count(),
      ).toBe(1)
    }
    expect(page.url()).not.toContain('token=') // the token was traded for a cookie
    await expect.poll(() => page.getByRole('contentinfo').textContent()).toMatch(/Connected/)
    await page.screenshot({ path: join(SHOTS, 'e2e-01-open.png') })
  })

  it('imports a corpus file for one tenant and lists it with its sha256', async () => {
    await page.getByLabel('Tenant').selectOption('acme')
    const file = corpusFile('tess_phototest.tif')
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex')
    await page.getByLabel('Import documents').setInputFiles(file)
    const documents = page.getByRole('table', { name: 'Documents' })
    await expect.poll(() => documents.textContent(), { timeout: 30_000 }).toContain('tess_phototest.tif')
    expect((await documents.textContent())?.replace(/\s+/g, '')).toContain(sha256)
    await page.screenshot({ path: join(SHOTS, 'e2e-02-imported.png') })
  })

  it("switching tenant shows none of the other tenant's documents, and switching back shows them again", async () => {
    await page.getByLabel('Tenant').selectOption('globex')
    await expect.poll(() => page.getByRole('main').textContent()).not.toContain('tess_phototest.tif')
    expect(await page.getByRole('table', { name: 'Documents' }).count()).toBe(0)
    await page.screenshot({ path: join(SHOTS, 'e2e-03-other-tenant.png') })
    await page.getByLabel('Tenant').selectOption('acme')
    await expect.poll(() => page.getByRole('main').textContent()).toContain('tess_phototest.tif')
  })

  it('the CLI sees what the UI imported, for the same tenant only', () => {
    expect(desk.cli('documents', '--tenant', 'acme').stdout).toContain('tess_phototest.tif')
    expect(desk.cli('documents', '--tenant', 'globex').stdout).not.toContain('tess_phototest.tif')
  })

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
