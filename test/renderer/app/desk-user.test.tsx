// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { tenantDbName } from '../../../src/renderer/db'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

let n = 0
let tenant = ''

afterEach(async () => {
  cleanup()
  resetAllState()
  await Dexie.delete(tenantDbName(tenant))
})

function desk(deskUser: string | null = null) {
  tenant = `desk-user-${++n}`
  return createTestDesk({ tenants: [{ id: tenant, name: 'Acme' }], current: tenant, deskUser })
}

const whoButton = () => screen.getByRole('button', { name: /^Who is at this desk: / })

describe('Who is at this desk', () => {
  it('is chosen once in the header, kept by the desk service, and still there after a reload', async () => {
    const test = desk()
    renderApp(test)
    await waitFor(() => expect(whoButton().textContent).toBe('Who is at this desk: nobody yet'))
    fireEvent.click(whoButton())
    const form = screen.getByRole('form', { name: 'Who is at this desk' })
    expect(within(form).getByLabelText('Your name')).toBe(document.activeElement)
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    expect(within(form).getByRole('alert').textContent).toBe('Enter your name.')
    fireEvent.change(within(form).getByLabelText('Your name'), { target: { value: '  Asha Rao ' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(whoButton().textContent).toBe('Who is at this desk: Asha Rao'))
    expect(screen.queryByRole('form', { name: 'Who is at this desk' })).toBeNull()
    expect(whoButton()).toBe(document.activeElement)
    expect(test.deskUser).toBe('Asha Rao')

    // A reload: a fresh page asks the desk service again and gets the same person.
    cleanup()
    resetAllState()
    renderApp(test)
    await waitFor(() => expect(whoButton().textContent).toBe('Who is at this desk: Asha Rao'))
  })

  it('offers the desk’s users by name, refuses a name the desk service refuses, and closes with Escape', async () => {
    const test = desk('Bo')
    test.users.users.push({
      id: 'u-ann',
      name: 'Ann Lee',
      roles: ['qc-technician'],
      disabled: false,
      locked: false,
      createdAt: '2026-12-01T09:00:00.000Z',
      secret: '482916',
    })
    renderApp(test)
    await waitFor(() => expect(whoButton().textContent).toBe('Who is at this desk: Bo'))
    fireEvent.click(whoButton())
    const form = screen.getByRole('form', { name: 'Who is at this desk' })
    const input = within(form).getByLabelText('Your name') as HTMLInputElement
    expect(input.value).toBe('Bo')
    await waitFor(() =>
      expect([...(input.list?.querySelectorAll('option') ?? [])].map((o) => o.getAttribute('value'))).toEqual(
        ['Harness Admin', 'Ann Lee'],
      ),
    )
    fireEvent.change(input, { target: { value: 'x'.repeat(101) } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toMatch(/at most 100 characters/))
    expect(test.deskUser).toBe('Bo')
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(screen.queryByRole('form', { name: 'Who is at this desk' })).toBeNull()
    expect(whoButton()).toBe(document.activeElement)
  })

  it('is explained and can be changed under Settings', async () => {
    const test = desk('Bo')
    renderApp(test)
    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Settings' }),
    )
    const section = await screen.findByRole('region', { name: 'Who is at this desk' })
    await waitFor(() => expect(section.textContent).toContain('Work here is credited to Bo.'))
    expect(section.textContent).toContain('in the record and in the audit trail')
    const form = within(section).getByRole('form')
    fireEvent.change(within(form).getByLabelText('Your name'), { target: { value: 'Ravi' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(section.textContent).toContain('Work here is credited to Ravi.'))
    expect(whoButton().textContent).toBe('Who is at this desk: Ravi')
    expect(test.deskUser).toBe('Ravi')
  })
})
