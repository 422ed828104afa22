// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, doc, fakeSha } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

afterEach(() => {
  cleanup()
  resetAllState()
})

const tenants = [
  { id: 'acme', name: 'Acme Foods' },
  { id: 'beta', name: 'Beta Labs' },
]

describe('tenant picker', () => {
  it('lists tenants and shows the current tenant’s documents with their full hash', async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents: [doc('acme', 'acme-tender.pdf')] })
    renderApp(test)

    const picker = screen.getByRole('combobox', { name: 'Tenant' })
    await waitFor(() => expect((picker as HTMLSelectElement).value).toBe('acme'))
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Acme Foods', 'Beta Labs'])
    const table = await screen.findByRole('table', { name: 'Documents' })
    const row = within(table).getByRole('row', { name: /acme-tender\.pdf/ })
    expect(row.textContent).toContain(fakeSha('acme-tender.pdf'))
    expect(row.textContent).toContain('PDF')
    expect(row.textContent).toContain('2.0 KB')
  })

  it('clears the previous tenant’s documents before the next tenant’s arrive', async () => {
    const test = createTestDesk({
      tenants,
      current: 'acme',
      documents: [doc('acme', 'acme-tender.pdf'), doc('beta', 'beta-coa.pdf')],
    })
    renderApp(test)
    await screen.findByRole('rowheader', { name: 'acme-tender.pdf' })
    const release = test.holdDocuments('beta')

    fireEvent.change(screen.getByRole('combobox', { name: 'Tenant' }), { target: { value: 'beta' } })

    // beta's list is still on its way, and nothing of acme may remain meanwhile.
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Documents' })).toBeNull())
    expect(screen.queryByText('acme-tender.pdf')).toBeNull()
    expect(test.calls.some((c) => c.method === 'tenants.select')).toBe(true)
    expect(test.current).toBe('beta')

    release()
    expect(await screen.findByRole('rowheader', { name: 'beta-coa.pdf' })).toBeDefined()
    expect(screen.queryByText('acme-tender.pdf')).toBeNull()
    expect(screen.getByRole('contentinfo').textContent).toContain('Tenant: Beta Labs')
  })

  it('adds a tenant and switches to it', async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents: [doc('acme', 'acme-tender.pdf')] })
    renderApp(test)
    await screen.findByRole('rowheader', { name: 'acme-tender.pdf' })

    fireEvent.click(screen.getByRole('button', { name: 'Add tenant' }))
    const form = screen.getByRole('form', { name: 'Add tenant' })
    fireEvent.change(within(form).getByLabelText('Tenant id'), { target: { value: 'Bad Id' } })
    fireEvent.change(within(form).getByLabelText('Tenant name'), { target: { value: 'Gamma Mills' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Create tenant' }))
    expect(within(form).getByRole('alert').textContent).toMatch(/lowercase letters, digits or hyphens/)

    fireEvent.change(within(form).getByLabelText('Tenant id'), { target: { value: 'gamma' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Create tenant' }))

    const picker = screen.getByRole('combobox', { name: 'Tenant' }) as HTMLSelectElement
    await waitFor(() => expect(picker.value).toBe('gamma'))
    expect(within(picker).getByRole('option', { name: 'Gamma Mills' })).toBeDefined()
    expect(await screen.findByText(/No documents yet/)).toBeDefined()
    expect(screen.queryByText('acme-tender.pdf')).toBeNull()
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add tenant' })).toBeNull())
  })

  it('shows the service’s error when a tenant cannot be selected', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    renderApp(test)
    await screen.findByText(/No documents yet/)
    test.tenants.splice(1, 1)

    fireEvent.change(screen.getByRole('combobox', { name: 'Tenant' }), { target: { value: 'beta' } })

    expect((await screen.findByRole('alert')).textContent).toBe('no tenant "beta"')
  })
})
