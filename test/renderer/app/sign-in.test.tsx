// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { HARNESS_ADMIN, HARNESS_SECRET } from '../support/users-harness'

afterEach(() => {
  cleanup()
  resetAllState()
})

const desk = () => createTestDesk({ tenants: [{ id: 'acme', name: 'Acme' }], current: 'acme' })
const nav = () => screen.queryByRole('navigation', { name: 'Main' })

describe('sign-in', () => {
  it('asks a new desk for its first admin, refusing a weak PIN with the reason', async () => {
    const test = desk()
    test.users.setupNeeded = true
    test.users.signedIn = null
    renderApp(test)
    const form = await screen.findByRole('form', { name: 'Create the first admin' })
    expect(nav()).toBeNull()
    fireEvent.change(within(form).getByLabelText('Your name'), { target: { value: 'Priya' } })
    fireEvent.change(within(form).getByLabelText('PIN or passphrase'), { target: { value: '123456' } })
    fireEvent.change(within(form).getByLabelText('Repeat it'), { target: { value: '123456' } })
    fireEvent.click(within(form).getByRole('button'))
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toMatch(/run like 123456/))
    fireEvent.change(within(form).getByLabelText('PIN or passphrase'), { target: { value: '583920' } })
    fireEvent.change(within(form).getByLabelText('Repeat it'), { target: { value: '583920' } })
    fireEvent.click(within(form).getByRole('button'))
    await waitFor(() => expect(nav()).not.toBeNull())
    expect(screen.getByText('Priya')).toBeTruthy()
  })

  it('shows the desk only after signing in, and signs out from the header', async () => {
    const test = desk()
    test.users.signedIn = null
    renderApp(test)
    const form = await screen.findByRole('form', { name: 'Sign in' })
    fireEvent.change(within(form).getByLabelText('Your name'), { target: { value: HARNESS_ADMIN } })
    fireEvent.change(within(form).getByLabelText('PIN or passphrase'), { target: { value: 'wrong one' } })
    fireEvent.click(within(form).getByRole('button'))
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toMatch(/wrong name/))
    fireEvent.change(within(form).getByLabelText('PIN or passphrase'), { target: { value: HARNESS_SECRET } })
    fireEvent.click(within(form).getByRole('button'))
    await waitFor(() => expect(nav()).not.toBeNull())
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await screen.findByRole('form', { name: 'Sign in' })
    expect(nav()).toBeNull()
  })

  it('leaves pages a role has no work on out of the navigation', async () => {
    const test = desk()
    const sam = { ...test.users.signedIn!, id: 'u-9', name: 'Sam', roles: ['scanner-operator' as const] }
    test.users.signedIn = sam
    renderApp(test)
    const main = await waitFor(() => nav()!)
    expect(within(main).queryByRole('button', { name: 'Tenders' })).toBeNull()
    expect(within(main).getByRole('button', { name: 'Scanner' })).toBeTruthy()
  })
})
