// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { verifyChain, type AuditEntry } from '../../../src/shared/audit'
import { tenantDbName } from '../../../src/renderer/db'
import { recordTenderDecision } from '../../../src/renderer/features/tenders/decisions/record'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, fakeSha } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

const TENANT = 'audit-export-test'
const saved: { name: string; blob: Blob }[] = []

beforeEach(() => {
  saved.length = 0
  let clicked = ''
  // jsdom has no downloads: keep what the desk hands to the browser, by the link's file name.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    queueMicrotask(() => saved.push({ name: clicked, blob }))
    return 'blob:audit'
  })
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked = this.download
    if (saved.length > 0 && saved.at(-1)!.name === '') saved.at(-1)!.name = clicked
  })
})

afterEach(async () => {
  cleanup()
  vi.restoreAllMocks()
  resetAllState()
  await Dexie.delete(tenantDbName(TENANT))
})

const decide = (i: number) =>
  recordTenderDecision(TENANT, {
    documentId: `doc-${i}`,
    sha256: fakeSha(`doc-${i}`),
    tenderId: `GEM/2026/B/${1000 + i}`,
    decision: 'relevant',
    reason: `reason ${i}`,
    actor: 'asha@acme',
  })

async function openExport() {
  const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Export Co' }], current: TENANT })
  renderApp(test)
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
  )
  const form = await screen.findByRole('form', { name: 'Export the audit trail' })
  // The tenant's store opens after the page: the button waits for it.
  const button = within(form).getByRole('button', { name: 'Export trail' }) as HTMLButtonElement
  await waitFor(() => expect(button.disabled).toBe(false))
  return form
}

async function exportAs(form: HTMLElement, format: 'CSV' | 'JSON', from = '', to = '') {
  fireEvent.change(within(form).getByLabelText('From (day, UTC)'), { target: { value: from } })
  fireEvent.change(within(form).getByLabelText('To (day, UTC)'), { target: { value: to } })
  fireEvent.click(within(form).getByLabelText(format))
  fireEvent.click(within(form).getByRole('button', { name: 'Export trail' }))
}

const today = () => new Date().toISOString().slice(0, 10)

describe('the audit trail exported for an auditor', () => {
  it('saves the day range as JSON with every entry, its hashes, the chain verdict and head', async () => {
    await decide(1)
    await decide(2)
    const form = await openExport()
    await exportAs(form, 'JSON', today(), today())
    const status = await within(form).findByRole('status')
    expect(status.textContent).toMatch(
      /^Exported 2 of 2 entries to audit-audit-export-test-.*\.json; chain intact/,
    )
    await waitFor(() => expect(saved).toHaveLength(1))
    expect(saved[0]!.name).toBe(`audit-${TENANT}-${today()}_${today()}.json`)
    const json = JSON.parse(await saved[0]!.blob.text()) as {
      chain: { ok: boolean }
      head: string
      entries: AuditEntry[]
    }
    expect(json.chain.ok).toBe(true)
    expect(json.entries.map((e) => e.seq)).toEqual([1, 2])
    // The auditor can re-check the chain from the file alone.
    expect(verifyChain(json.entries)).toEqual({ ok: true, count: 2 })
    expect(json.head).toBe(json.entries[1]!.hash)
  })

  it('saves CSV rows with both hashes, and nothing from outside the range', async () => {
    await decide(1)
    const form = await openExport()
    await exportAs(form, 'CSV')
    await waitFor(() => expect(saved).toHaveLength(1))
    const lines = (await saved[0]!.blob.text()).trim().split('\r\n')
    expect(lines[0]).toBe('seq,at,tenant,actor,action,entityTable,entityId,before,after,prevHash,hash')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('asha@acme')
    expect(lines[1]).toMatch(/,0{64},[0-9a-f]{64}$/)

    await exportAs(form, 'CSV', '2099-01-01')
    await waitFor(() => expect(within(form).getByRole('status').textContent).toMatch(/^Exported 0 of 1/))
  })

  it('refuses a range that ends before it starts, saying so, and saves nothing', async () => {
    await decide(1)
    const form = await openExport()
    await exportAs(form, 'CSV', '2026-12-05', '2026-12-01')
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'From 2026-12-05 is after to 2026-12-01',
    )
    expect(saved).toHaveLength(0)
  })

  it('says the chain is broken when an entry was edited behind the desk’s back', async () => {
    await decide(1)
    await decide(2)
    const raw = new Dexie(tenantDbName(TENANT))
    await raw.open()
    const first = (await raw.table('audit').orderBy('seq').first()) as AuditEntry
    await raw.table('audit').put({ ...first, actor: 'mallory' })
    raw.close()
    const form = await openExport()
    await exportAs(form, 'JSON')
    expect((await within(form).findByRole('status')).textContent).toMatch(/chain BROKEN at entry 1/)
  })
})
