// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { tenantDbName } from '../../../src/renderer/db'
import { resetAllState, useSyncStore } from '../../../src/renderer/state'
import type { HostKind } from '../../../src/shared/contract'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { createSyncHarness } from '../support/sync-harness'

// Tenants are distinct per test: the "origin at page load" the form remembers is per page life.
let n = 0
let tenant = ''

afterEach(async () => {
  cleanup()
  resetAllState()
  useSyncStore.setState({ tenant: null, status: null, configured: null, error: null, reloadNeeded: false })
  await Dexie.delete(tenantDbName(tenant))
})

async function openSettings(host: HostKind, saved?: { hubUrl: string; deskId: string; token: string }) {
  tenant = `hub-settings-${++n}`
  const test = createTestDesk({ tenants: [{ id: tenant, name: 'Hub Co' }], current: tenant, host })
  if (saved) test.syncCredentials.set(tenant, saved)
  const hub = createSyncHarness('store')
  renderApp(test, undefined, { sync: hub.factory })
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Settings' }),
  )
  const form = await screen.findByRole('form', { name: 'Hub connection' })
  return { test, hub, form, section: screen.getByRole('region', { name: 'Hub connection' }) }
}

const fill = (form: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(form).getByLabelText(label), { target: { value } })

describe('Settings: Hub connection', () => {
  it('in the browser: says the token is only in memory, saves, and reconfigures the worker', async () => {
    const { test, hub, form, section } = await openSettings('browser')
    expect(section.textContent).toMatch(/kept only in the memory of the running pebble-desk serve process/)
    const token = within(form).getByLabelText('Desk token')
    expect(token.getAttribute('type')).toBe('password')
    expect(token.getAttribute('aria-describedby')).toBe('hub-token-storage')

    fill(form, 'Hub URL', 'http://127.0.0.1:8787/')
    fill(form, 'Desk id', 'desk-7')
    fill(form, 'Desk token', 'pdt_abc')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect((await within(section).findByRole('status')).textContent).toBe(
      'Saved. The token is held in memory only.',
    )
    expect(test.syncCredentials.get(tenant)).toEqual({
      hubUrl: 'http://127.0.0.1:8787',
      deskId: 'desk-7',
      token: 'pdt_abc',
    })
    await waitFor(() =>
      expect(hub.posted).toContainEqual({
        type: 'configure',
        tenant,
        settings: { hubUrl: 'http://127.0.0.1:8787', deskId: 'desk-7', token: 'pdt_abc' },
      }),
    )
    // The page loaded with no hub, so its CSP does not allow this one yet.
    expect(useSyncStore.getState().reloadNeeded).toBe(true)
  })

  it('in the desktop app: says the token is kept encrypted, and confirms it after saving', async () => {
    const { form, section } = await openSettings('electron')
    expect(section.textContent).toMatch(/kept encrypted on this computer/)
    fill(form, 'Hub URL', 'https://hub.example.com')
    fill(form, 'Desk id', 'desk-7')
    fill(form, 'Desk token', 'pdt_abc')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect((await within(section).findByRole('status')).textContent).toBe(
      'Saved. The token is stored encrypted.',
    )
  })

  it('refuses an invalid hub URL or token before calling the desk, in the schema’s words', async () => {
    const { test, form, section } = await openSettings('browser')
    fill(form, 'Hub URL', 'ftp://hub.example.com')
    fill(form, 'Desk id', 'desk-7')
    fill(form, 'Desk token', 'has space')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    const alert = await within(section).findByRole('alert')
    expect(alert.textContent).toMatch(/hubUrl: the hub URL must be an http/)
    expect(alert.textContent).toMatch(/token: the desk token has no spaces/)
    expect(test.calls.some((c) => c.method === 'sync.credentials.set')).toBe(false)
  })

  it('shows the saved connection, needs no reload for the same origin, and Forget clears it', async () => {
    const saved = { hubUrl: 'https://hub.example.com', deskId: 'desk-1', token: 'pdt_old' }
    const { test, hub, form, section } = await openSettings('browser', saved)
    await waitFor(() =>
      expect(within(form).getByLabelText<HTMLInputElement>('Hub URL').value).toBe(saved.hubUrl),
    )
    expect(within(form).getByLabelText<HTMLInputElement>('Desk id').value).toBe('desk-1')

    fill(form, 'Hub URL', 'https://hub.example.com/v2')
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await within(section).findByRole('status')
    expect(useSyncStore.getState().reloadNeeded).toBe(false)

    fireEvent.click(within(form).getByRole('button', { name: 'Forget' }))
    expect((await within(section).findByText(/^Forgotten\./)).textContent).toContain('no longer syncs')
    expect(test.syncCredentials.has(tenant)).toBe(false)
    expect(within(form).getByLabelText<HTMLInputElement>('Hub URL').value).toBe('')
    await waitFor(() => expect(hub.posted).toContainEqual({ type: 'configure', tenant, settings: null }))
  })
})
