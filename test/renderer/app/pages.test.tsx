// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { openTenantDb, recordChange, tenantDbName } from '../../../src/renderer/db'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

const TENANT = 'pages-test'

afterEach(async () => {
  cleanup()
  resetAllState()
  await Dexie.delete(tenantDbName(TENANT))
})

const open = (name: string) =>
  fireEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name }))

async function recordDecision(): Promise<void> {
  const db = await openTenantDb(TENANT)
  await recordChange(db, {
    table: 'decisions',
    action: 'create',
    actor: 'analyst@acme',
    entity: { kind: 'tender.relevance', subjectId: 'doc-1', value: { relevant: true } },
    outbox: { kind: 'decision' },
  })
  db.close()
}

function setup() {
  const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Pages Test Co' }], current: TENANT })
  renderApp(test)
  return test
}

describe('pages backed by the tenant database and app.info', () => {
  it('Sync and the status bar show the outbox depth of the current tenant’s database', async () => {
    await recordDecision()
    setup()
    open('Sync')

    const outbox = await screen.findByRole('region', { name: 'Outbox' })
    await waitFor(() => expect(outbox.textContent).toContain('Pending records1'))
    expect(screen.getByRole('contentinfo').textContent).toContain('Outbox: 1 pending')

    // A decision recorded elsewhere in the app is counted without a reload.
    await act(recordDecision)
    await waitFor(() => expect(screen.getByRole('contentinfo').textContent).toContain('Outbox: 2 pending'))
  })

  it('Review reports the audit trail as intact with its entry count', async () => {
    await recordDecision()
    await recordDecision()
    setup()
    open('Review')

    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    await waitFor(() => expect(audit.textContent).toContain('Entries2'))
    expect(audit.textContent).toContain('Intact')
  })

  it('Review names the first broken entry when the chain was tampered with', async () => {
    await recordDecision()
    await recordDecision()
    const db = await openTenantDb(TENANT)
    const first = await db.audit.orderBy('seq').first()
    await db.audit.update(first?.id ?? '', { actor: 'someone-else' })
    db.close()
    setup()
    open('Review')

    const audit = await screen.findByRole('region', { name: 'Audit trail' })
    await waitFor(() => expect(audit.textContent).toContain('Broken at entry 1'))
    expect(audit.textContent).toContain('Entries2')
  })

  it('Settings shows version, host, tenant and each model’s state', async () => {
    setup()
    open('Settings')

    const about = await screen.findByRole('region', { name: 'About this desk' })
    expect(about.textContent).toContain('Pebble Desk 0.1.0')
    expect(about.textContent).toContain('Browser (pebble-desk serve)')
    await waitFor(() => expect(about.textContent).toContain('Pages Test Co (pages-test)'))
    const models = screen.getByRole('table', { name: 'Models' })
    const missing = within(models).getByRole('row', { name: /layout-small/ })
    expect(missing.textContent).toContain('NoNofile missing')
    expect(within(models).getByRole('row', { name: /tesseract-eng/ }).textContent).toContain('YesYes')
  })

  it('the status bar goes offline while the bridge reconnects and reloads once it is back', async () => {
    const test = setup()
    const status = screen.getByRole('contentinfo')
    await waitFor(() => expect(status.textContent).toContain('Desk service: Connected'))
    // No sync worker here, so no hub has answered: the status bar must not claim "Online".
    expect(status.textContent).not.toContain('Online')

    act(() => test.connection.set('reconnecting'))
    expect(status.textContent).toContain('Offline')
    expect(status.textContent).toContain('reconnecting')

    const before = test.calls.filter((c) => c.method === 'tenants.list').length
    act(() => test.connection.set('connected'))
    expect(status.textContent).not.toContain('Offline')
    expect(status.textContent).toContain('Desk service: Connected')
    await waitFor(() => expect(test.calls.filter((c) => c.method === 'tenants.list').length).toBe(before + 1))
  })
})
