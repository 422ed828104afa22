// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, takeSnapshot, tenantDbName } from '../../../src/renderer/db'
import { recordTenderDecision } from '../../../src/renderer/features/tenders/decisions/record'
import { createDexieTenantDb } from '../../../src/renderer/features/tenant-db/dexie-port'
import { resetAllState } from '../../../src/renderer/state'
import type { StoreSnapshot } from '../../../src/shared/contract'
import { createTestDesk, fakeSha, type TestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

const TENANT = 'store-copy-test'

afterEach(async () => {
  cleanup()
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

function openReview(): TestDesk {
  const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Store Co' }], current: TENANT })
  renderApp(test, createDexieTenantDb(test.desk.store))
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
  )
  return test
}

async function localStore() {
  const db = await openTenantDb(TENANT)
  try {
    return {
      decisions: (await db.decisions.toArray()).map((d) => d.subjectId),
      outbox: (await db.outbox.toArray()).map((r) => ({ id: r.id, state: r.state })),
      audit: await db.audit.count(),
    }
  } finally {
    db.close()
  }
}

async function snapshotNow(): Promise<StoreSnapshot> {
  const db = await openTenantDb(TENANT)
  try {
    return await takeSnapshot(db)
  } finally {
    db.close()
  }
}

describe('the tenant store in the desk’s backups', () => {
  it('copies the records, the audit trail and the outbox into the data folder, and again after a change', async () => {
    await decide(1)
    const test = openReview()
    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    await within(audit).findByText(/Copied into the desk’s data folder .*a desk backup holds these records/)
    const first = test.store.snapshots.get(TENANT)
    expect(first?.tables.decisions).toHaveLength(1)
    expect(first?.tables.outbox).toHaveLength(1)
    expect(first?.tables.audit?.length).toBeGreaterThan(0)

    await decide(2)
    await waitFor(() => expect(test.store.snapshots.get(TENANT)?.tables.decisions).toHaveLength(2), {
      timeout: 8_000,
    })
  })

  it('says so when the desk cannot keep the copy, and keeps the records', async () => {
    await decide(1)
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Store Co' }], current: TENANT })
    test.store.snapshots = new Proxy(test.store.snapshots, {
      get(target, key) {
        if (key === 'set')
          return () => {
            throw new Error('disk full')
          }
        const value = Reflect.get(target, key) as unknown
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      },
    })
    renderApp(test, createDexieTenantDb(test.desk.store))
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
    )
    await screen.findByText(/Not copied for backups: .*disk full.*The records are safe in this window/)
    expect((await localStore()).decisions).toHaveLength(1)
  })

  it('takes a restored backup back once: its records and trail return, changes not yet sent are kept', async () => {
    await decide(1)
    const backup = await snapshotNow()
    await decide(2) // made after the backup, and not yet sent to the hub
    const before = await localStore()
    expect(before.outbox).toHaveLength(2)

    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Store Co' }], current: TENANT })
    test.store.snapshots.set(TENANT, backup)
    test.store.restore = { id: 'restore-1', at: '2026-12-05T10:00:00.000Z' }
    renderApp(test, createDexieTenantDb(test.desk.store))
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
    )
    await screen.findByText(
      /Restored from a backup taken .*stored rows back, and 1 unsent change made since kept to send/,
    )
    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    await within(audit).findByText('Intact: every entry links to the one before it.')

    const after = await localStore()
    expect(after.decisions).toEqual(['doc-1'])
    expect(after.audit).toBe(backup.tables.audit?.length)
    // Both changes still go to the hub: the backup's and the one made since.
    expect(after.outbox.map((r) => r.id).sort()).toEqual(before.outbox.map((r) => r.id).sort())

    // Opened again, the same restore is not taken back a second time.
    cleanup()
    resetAllState()
    await decide(3)
    renderApp(test, createDexieTenantDb(test.desk.store))
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
    )
    await within(await screen.findByRole('region', { name: 'Audit trail' })).findByText(/Copied into/)
    expect(screen.queryByText(/Restored from a backup/)).toBeNull()
    expect((await localStore()).decisions.sort()).toEqual(['doc-1', 'doc-3'])
  })

  it('refuses a backup whose audit trail was altered, naming the entry, and keeps the store as it was', async () => {
    await decide(1)
    const backup = await snapshotNow()
    const audit = backup.tables.audit as Array<{ actor: string }>
    if (audit[0]) audit[0].actor = 'someone else'
    await decide(2)

    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Store Co' }], current: TENANT })
    test.store.snapshots.set(TENANT, backup)
    test.store.restore = { id: 'restore-2', at: '2026-12-05T10:00:00.000Z' }
    renderApp(test, createDexieTenantDb(test.desk.store))
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Review' }),
    )
    const alert = await screen.findByText(/The restored backup’s records were not taken back/)
    expect(alert.textContent).toMatch(
      /audit chain is broken at entry 1 \(hash-mismatch\); nothing was restored/,
    )
    expect((await localStore()).decisions.sort()).toEqual(['doc-1', 'doc-2'])
  })
})
