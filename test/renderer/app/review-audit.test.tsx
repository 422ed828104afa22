// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { tenantDbName } from '../../../src/renderer/db'
import { describeAuditEntry } from '../../../src/renderer/features/audit/describe'
import {
  recordFieldCorrection,
  recordTenderDecision,
} from '../../../src/renderer/features/tenders/decisions/record'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, fakeSha } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

const TENANT = 'review-audit-test'

afterEach(async () => {
  cleanup()
  resetAllState()
  await Dexie.delete(tenantDbName(TENANT))
})

const decide = (i: number, actor = 'asha@acme') =>
  recordTenderDecision(TENANT, {
    documentId: `doc-${i}`,
    sha256: fakeSha(`doc-${i}`),
    tenderId: `GEM/2026/B/${1000 + i}`,
    decision: i % 2 === 0 ? 'relevant' : 'not-relevant',
    reason: `reason ${i}`,
    actor,
  })

function openReview() {
  const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Review Co' }], current: TENANT })
  renderApp(test)
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
  )
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)

describe('Review lists the audit entries', () => {
  it('shows decisions and corrections recorded through the desk with who, what and when, newest first', async () => {
    await decide(1)
    await recordFieldCorrection(TENANT, {
      documentId: 'doc-1',
      sha256: fakeSha('doc-1'),
      field: 'bidNumber',
      original: { value: 'GEM/2026/B/1O01', normalised: 'GEM/2026/B/1O01' },
      correctedValue: 'GEM/2026/B/1001',
      confidence: 0.6,
      modelVersion: 'fields/3',
      reason: 'O for 0',
      actor: 'ravi@acme',
    })
    openReview()

    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    await waitFor(() => expect(audit.textContent).toContain('Intact'))
    const table = await within(audit).findByRole('table', { name: 'Audit entries' })
    const [newest, oldest] = bodyRows(table)
    expect(bodyRows(table)).toHaveLength(2)

    const cells = (row: HTMLElement) => Array.from(row.children).map((c) => c.textContent)
    expect(cells(newest!)[0]).toBe('2')
    expect(cells(newest!)[2]).toBe('ravi@acme')
    expect(cells(newest!)[3]).toBe('Created · Field correction')
    expect(cells(newest!)[4]).toBe('Decision for doc-1')
    expect(cells(newest!)[5]).toContain('GEM/2026/B/1001')
    expect(cells(newest!)[5]).toContain('O for 0')

    expect(cells(oldest!)[0]).toBe('1')
    expect(cells(oldest!)[2]).toBe('asha@acme')
    expect(cells(oldest!)[3]).toBe('Created · Tender decision')
    expect(cells(oldest!)[5]).toContain('decision: not-relevant')
    expect(cells(oldest!)[5]).toContain('reason 1')
    // When: a machine-readable time on every row.
    const time = oldest!.querySelector('time')
    expect(Date.now() - Date.parse(time!.getAttribute('dateTime')!)).toBeLessThan(60_000)
    expect(within(audit).getByRole('status').textContent).toBe('Entries 1–2 of 2, newest first')
  })

  it('pages through a long trail 25 at a time, and picks up new entries on Verify', async () => {
    for (let i = 1; i <= 30; i++) await decide(i)
    openReview()
    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    const table = await within(audit).findByRole('table', { name: 'Audit entries' })
    const seqs = () => bodyRows(table).map((r) => r.firstElementChild?.textContent)
    await waitFor(() => expect(seqs()).toHaveLength(25))
    expect(seqs()[0]).toBe('30')
    expect(seqs()[24]).toBe('6')
    expect(screen.getByRole('button', { name: 'Newer' })).toHaveProperty('disabled', true)

    fireEvent.click(screen.getByRole('button', { name: 'Older' }))
    await waitFor(() => expect(seqs()).toEqual(['5', '4', '3', '2', '1']))
    expect(within(audit).getByRole('status').textContent).toBe('Entries 26–30 of 30, newest first')
    expect(screen.getByRole('button', { name: 'Older' })).toHaveProperty('disabled', true)

    fireEvent.click(screen.getByRole('button', { name: 'Newer' }))
    await waitFor(() => expect(seqs()[0]).toBe('30'))
    await decide(31, 'new@acme')
    fireEvent.click(screen.getByRole('button', { name: 'Verify audit trail' }))
    await waitFor(() => expect(seqs()[0]).toBe('31'))
    expect(bodyRows(table)[0]?.textContent).toContain('new@acme')
  })
})

describe('describeAuditEntry', () => {
  const base = {
    id: 'a',
    seq: 3,
    tenant: 't',
    at: '2026-05-01T10:00:00.000Z',
    actor: 'lab@acme',
    entityTable: 'coaRecords',
    entityId: '0190-aaaa-bbbbcccc',
    prevHash: '0',
    hash: '1',
  }

  it('says what changed in an update, and names a record without a subject by its id', () => {
    const view = describeAuditEntry({
      ...base,
      action: 'update',
      before: { id: 'x', status: 'draft', batch: 'B12', updatedAt: '1' },
      after: { id: 'x', status: 'approved', batch: 'B12', updatedAt: '2' },
    })
    expect(view.action).toBe('Updated')
    expect(view.what).toBe('Certificate record')
    expect(view.record).toBe('Certificate record bbbbcccc')
    expect(view.summary).toBe('changed status; status: approved; batch: B12')
  })

  it('keeps the summary short', () => {
    const view = describeAuditEntry({ ...base, action: 'create', after: { note: 'x'.repeat(500) } })
    expect(view.summary.length).toBeLessThanOrEqual(140)
    expect(view.summary.endsWith('…')).toBe(true)
  })
})
