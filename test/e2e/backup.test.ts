import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, ROOT, serveDesk, type ServedDesk } from './support/serve'
import { signIn } from './support/sign-in'

const SPEC = {
  product: 'Sodium Hypochlorite Solution',
  version: 1,
  parameters: [{ name: 'Available chlorine', unit: '%', min: 10 }],
}

let browser: Browser
let first: ServedDesk | undefined
let second: ServedDesk | undefined
const scratch = mkdtempSync(join(tmpdir(), 'pebble-e2e-backup-'))
const pageErrors: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await first?.stop().catch(() => undefined)
  await second?.stop()
  rmSync(scratch, { recursive: true, force: true })
})

/** A new browser profile: its IndexedDB is empty, as on a replacement machine. */
async function freshWindow(desk: ServedDesk): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(desk.url)
  await signIn(page, 'Ann Lee')
  await page.getByLabel('Tenant').selectOption('lab')
  return page
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })
const specifications = async (page: Page) => {
  await nav(page, 'QC').click()
  await page
    .getByRole('group', { name: 'QC sections' })
    .getByRole('button', { name: 'Specifications' })
    .click()
  return page.getByRole('table', { name: 'Specifications' })
}

describe('a desk backup holds what the QC desk recorded in the browser', () => {
  const backup = join(scratch, 'desk.backup')

  it('copies the records and audit trail into the data folder and backs them up', async () => {
    first = await serveDesk()
    expect(first.cli('tenants', 'add', 'lab', 'QC Lab').status).toBe(0)
    const page = await freshWindow(first)
    await specifications(page)
    await page.getByLabel('Specification file (JSON or YAML)').setInputFiles({
      name: 'hypo.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SPEC)),
    })
    await expect
      .poll(() => page.getByRole('table', { name: 'Specifications' }).textContent())
      .toContain(SPEC.product)

    const copy = join(first.dataDir, 'tenants', 'lab', 'store', 'snapshot.json')
    await expect
      .poll(() => (existsSync(copy) ? readFileSync(copy, 'utf8') : ''), { timeout: 20_000 })
      .toContain(SPEC.product)
    const made = first.cli('backup', '--out', backup)
    expect(made.status, made.stderr).toBe(0)
    await page.context().close()
    // The machine is lost: its data folder and its browser profile with it.
    await first.stop()
    first = undefined
  })

  it('restores onto a new machine: the specification and an intact audit trail are back', async () => {
    const dataDir = join(scratch, 'restored')
    const restored = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'pebble-desk.js'), 'restore', backup, '--data-dir', dataDir],
      { encoding: 'utf8' },
    )
    expect(restored.status, restored.stderr).toBe(0)
    // The window may also have copied the tenant it showed first ("default") before switching to lab.
    expect(restored.stdout).toMatch(
      /local stores \(records, audit chain, outbox\) of (?:[\w-]+, )*lab(?:, [\w-]+)* verified/,
    )
    second = await serveDesk({ dataDir })
    const page = await freshWindow(second)
    const library = await specifications(page)
    await expect.poll(() => library.textContent(), { timeout: 20_000 }).toContain(SPEC.product)

    await nav(page, 'Review').click()
    const audit = page.getByRole('region', { name: 'Audit trail' })
    await expect.poll(() => audit.textContent()).toMatch(/Restored from a backup taken .*stored rows back/)
    await expect.poll(() => audit.textContent()).toContain('Intact: every entry links to the one before it.')
    expect(pageErrors).toEqual([])
  })
})
