// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName } from '../../../src/renderer/db'
import { resetAllState, useSyncStore } from '../../../src/renderer/state'
import { recordCorrections } from '../sync/helpers'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { createSyncHarness, type HubMode } from '../support/sync-harness'

const TENANT = 'sync-page'
const HUB = { hubUrl: 'http://127.0.0.1:8787', deskId: 'sync-desk', token: 'pdt_token' }

afterEach(async () => {
  cleanup()
  resetAllState()
  useSyncStore.setState({ tenant: null, status: null, configured: null, error: null, reloadNeeded: false })
  await Dexie.delete(tenantDbName(TENANT))
})

async function record(n: number): Promise<void> {
  const db = await openTenantDb(TENANT)
  await recordCorrections(db, n)
  db.close()
}

function setup(mode: HubMode, configured = true) {
  const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Sync Co' }], current: TENANT })
  if (configured) test.syncCredentials.set(TENANT, HUB)
  const hub = createSyncHarness(mode)
  renderApp(test, undefined, { sync: hub.factory })
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Sync' }),
  )
  return { test, hub, outbox: () => screen.getByRole('region', { name: 'Outbox' }) }
}

const fact = (region: HTMLElement, term: string): string => {
  const dt = within(region).getByText(term, { selector: 'dt' })
  return dt.nextElementSibling?.textContent ?? ''
}

describe('Sync page with the sync worker', () => {
  it('without a hub connection: says so, offers Settings, and Sync now is disabled', async () => {
    await record(2)
    const { outbox } = setup('store', false)
    await screen.findByText(/has no hub connection yet/)
    await waitFor(() => expect(fact(outbox(), 'Pending records')).toBe('2'))
    await waitFor(() => expect(fact(outbox(), 'Sync')).toBe('Not set up'))
    expect(within(outbox()).getByRole('button', { name: 'Sync now' })).toHaveProperty('disabled', true)
    expect(screen.getByRole('contentinfo').textContent).toContain('No hub set up')
    expect(screen.getByRole('contentinfo').textContent).not.toContain('Online')
    fireEvent.click(screen.getByRole('button', { name: 'Set up the hub connection' }))
    expect(await screen.findByRole('form', { name: 'Hub connection' })).toBeTruthy()
  })

  it('hub unreachable: offline banner, pending count and the error; back online, Sync now drains to 0', async () => {
    await record(3)
    const { hub, outbox } = setup('down')
    const banner = await screen.findByRole('status', { name: 'Offline' })
    expect(banner.textContent).toContain('The hub cannot be reached.')
    await waitFor(() => expect(fact(outbox(), 'Last error')).toMatch(/hub unreachable/))
    expect(fact(outbox(), 'Pending records')).toBe('3')
    expect(fact(outbox(), 'Sync')).toBe('Waiting to try again')
    expect(fact(outbox(), 'Next attempt')).not.toBe('—')
    expect(fact(outbox(), 'Last successful sync')).toBe('Never')
    expect(screen.getByRole('contentinfo').textContent).toContain('Outbox: 3 pending')
    expect(screen.getByRole('contentinfo').textContent).toContain('Last sync: Never')
    // One source of truth: the status bar does not claim "Online" while the Sync page says the hub is down.
    expect(screen.getByRole('contentinfo').textContent).toContain('Hub not reached')
    expect(screen.getByRole('contentinfo').textContent).not.toContain('Online')

    hub.mode = 'store'
    fireEvent.click(within(outbox()).getByRole('button', { name: 'Sync now' }))
    await waitFor(() => expect(fact(outbox(), 'Pending records')).toBe('0'))
    await waitFor(() => expect(fact(outbox(), 'Last successful sync')).not.toBe('Never'))
    expect(screen.queryByRole('status', { name: 'Offline' })).toBeNull()
    expect(fact(outbox(), 'Last error')).toBe('None')
    expect(hub.received.flatMap((r) => r.ids)).toHaveLength(3)
    expect(hub.received[0]?.token).toBe('Bearer pdt_token')
    expect(screen.getByRole('contentinfo').textContent).toContain('Outbox: 0 pending')
    expect(screen.getByRole('contentinfo').textContent).not.toContain('Last sync: Never')
    expect(screen.getByRole('contentinfo').textContent).toContain('Online')
    expect(screen.getByRole('contentinfo').textContent).not.toContain('Hub not reached')
  })

  it("gives the desk the bid-portal templates the tenant's other desks taught, and sends the hub the one it never heard of", async () => {
    const at = '2026-12-05T10:00:00.000Z'
    const template = {
      id: 'pt-from-desk-a',
      portal: { key: 'web:pwd.state.gov.in', name: 'pwd.state.gov.in' },
      field: 'emdAmount' as const,
      label: 'Bayana Rashi',
      example: '2,45,000',
      learnedFrom: { documentId: 'doc-1', name: 'pwd-1.pdf' },
      learnedBy: 'ravi',
      learnedAt: at,
    }
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Sync Co' }], current: TENANT })
    test.syncCredentials.set(TENANT, HUB)
    const hub = createSyncHarness('store')
    // Removed on this desk without its forget reaching the outbox: the hub still lists it.
    const gone = { ...template, id: 'pt-gone', field: 'title' as const, label: 'Item' }
    hub.portalTemplates = { templates: [template, gone], removed: [] }
    // Learned on this desk before templates were shared: no outbox row ever carried it.
    const local = { ...template, id: 'pt-local', field: 'bidNumber' as const, label: 'Tender No' }
    test.screening.templates = [local]
    test.screening.forgotten = [{ id: 'pt-gone', by: 'ben', at: '2026-12-05T11:00:00.000Z' }]
    renderApp(test, undefined, { sync: hub.factory })
    const adopts = () => test.calls.filter((c) => c.method === 'tenders.templates.adopt')
    await waitFor(() => expect(adopts().length).toBeGreaterThan(0))
    expect(adopts()[0]!.params).toEqual({ templates: [template, gone], removed: [] })
    // Each look hands the list again (the desk keeps a template once), less what waits in the outbox.
    for (const call of adopts())
      expect(call.params).toMatchObject({ templates: expect.arrayContaining([template]) })
    await waitFor(() => expect(test.screening.templates).toEqual([local, template]))
    // Queued once however many looks ran, and sent.
    await waitFor(async () => {
      const db = await openTenantDb(TENANT)
      const rows = (await db.outbox.toArray()).filter((r) => r.kind === 'tenders.portalTemplate')
      db.close()
      expect(rows.map((r) => [r.entityId, (r.payload as { action: string }).action])).toEqual([
        ['pt-local', 'learn'],
        ['pt-gone', 'forget'],
      ])
      expect(rows[1]!.payload).toMatchObject({ changedBy: 'ben', changedAt: '2026-12-05T11:00:00.000Z' })
      expect(hub.received.flatMap((r) => r.ids)).toEqual(expect.arrayContaining(rows.map((r) => r.id)))
    })
  })

  it('the browser going offline shows the banner even before the hub was tried', async () => {
    setup('store')
    await waitFor(() => expect(useSyncStore.getState().configured).toBe(true))
    Object.defineProperty(navigator, 'onLine', { configurable: true, value: false })
    try {
      act(() => void window.dispatchEvent(new Event('offline')))
      expect((await screen.findByRole('status', { name: 'Offline' })).textContent).toContain(
        'This computer is offline.',
      )
    } finally {
      Object.defineProperty(navigator, 'onLine', { configurable: true, value: true })
      act(() => void window.dispatchEvent(new Event('online')))
    }
  })

  it('a record written while the page is open is sent without pressing anything (notify)', async () => {
    const { hub, outbox } = setup('store')
    await waitFor(() => expect(fact(outbox(), 'Sync')).toBe('Up to date, watching for new records'))
    await act(() => record(2))
    await waitFor(() => expect(hub.received.flatMap((r) => r.ids)).toHaveLength(2))
    await waitFor(() => expect(fact(outbox(), 'Pending records')).toBe('0'))
    expect(hub.posted).toContainEqual({ type: 'notify' })
  })

  it('rows the hub refuses are counted apart and Retry rejected sends them again', async () => {
    await record(2)
    const { hub, outbox } = setup('reject')
    await waitFor(() => expect(fact(outbox(), 'Rejected by the hub')).toBe('2'))
    expect(fact(outbox(), 'Pending records')).toBe('0')
    const retry = within(outbox()).getByRole('button', { name: 'Retry rejected' })
    expect(retry).toHaveProperty('disabled', false)
    hub.mode = 'store'
    fireEvent.click(retry)
    await waitFor(() => expect(fact(outbox(), 'Rejected by the hub')).toBe('0'))
    await waitFor(() => expect(fact(outbox(), 'Pending records')).toBe('0'))
    expect(hub.received.flatMap((r) => r.ids)).toHaveLength(4)
  })
})
