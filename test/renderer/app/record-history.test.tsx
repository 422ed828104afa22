// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tenantDbName } from '../../../src/renderer/db'
import { recordTenderDecision } from '../../../src/renderer/features/tenders/decisions/record'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, fakeSha } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

const TENANT = 'record-history-test'

afterEach(async () => {
  cleanup()
  resetAllState()
  vi.restoreAllMocks()
  await Dexie.delete(tenantDbName(TENANT))
})

const decide = (i: number, actor: string) =>
  recordTenderDecision(TENANT, {
    documentId: `doc-${i}`,
    sha256: fakeSha(`doc-${i}`),
    tenderId: `GEM/2026/B/${1000 + i}`,
    decision: 'relevant',
    reason: `reason ${i}`,
    actor,
  })

describe('a record’s audit history', () => {
  it('shows only that record’s entries with who, what changed and why, the chain status, and prints', async () => {
    await decide(1, 'asha@acme')
    await decide(2, 'ravi@acme')
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'History Co' }], current: TENANT })
    renderApp(test)
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
    )
    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    await waitFor(() => expect(audit.textContent).toContain('Intact'))
    fireEvent.click(await within(audit).findByRole('button', { name: 'History of Decision for doc-2' }))

    const report = await screen.findByRole('region', { name: 'History of Decision for doc-2' })
    const table = await within(report).findByRole('table', { name: 'Record history' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.textContent).toContain('ravi@acme')
    expect(rows[0]!.textContent).toContain('value: — → {"decision":"relevant"')
    expect(rows[0]!.textContent).toContain('reason 2')
    // What was done, in words: never the store's own table name.
    expect(rows[0]!.textContent).toContain('Created · Tender decision')
    expect(rows[0]!.textContent).not.toMatch(/\bdecisions\b/)
    expect(rows[0]!.textContent).not.toContain('asha@acme')
    expect(report.textContent).toContain('Chain: intact (2 entries verified).')
    expect(report.textContent).toContain('History Co (record-history-test)')
    expect(report.querySelector('.hash')?.textContent).toMatch(/^[0-9a-f]{64}$/)

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    fireEvent.click(within(report).getByRole('button', { name: 'Print audit report' }))
    expect(print).toHaveBeenCalledOnce()
  })
})
