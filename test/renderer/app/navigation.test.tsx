// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

afterEach(() => {
  cleanup()
  resetAllState()
})

const setup = () =>
  renderApp(createTestDesk({ tenants: [{ id: 'acme', name: 'Acme Foods' }], current: 'acme' }))

describe('app frame navigation', () => {
  it('has the landmarks a screen reader user jumps between', async () => {
    setup()
    expect(screen.getByRole('banner').textContent).toContain('Pebble Desk')
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeDefined()
    expect(screen.getByRole('main', { name: 'Tenders' })).toBeDefined()
    expect(screen.getByRole('complementary', { name: 'Jobs' })).toBeDefined()
    await waitFor(() => expect(screen.getByRole('contentinfo').textContent).toContain('Tenant: Acme Foods'))
  })

  it('switches pages and marks the open one with aria-current', () => {
    setup()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    const labels = within(nav)
      .getAllByRole('button')
      .map((b) => b.textContent)
    expect(labels).toEqual(['Tenders', 'QC', 'Scanner', 'Review', 'Sync', 'Settings'])
    expect(within(nav).getByRole('button', { name: 'Tenders' }).getAttribute('aria-current')).toBe('page')

    const qc = within(nav).getByRole('button', { name: 'QC' })
    qc.focus()
    fireEvent.click(qc)

    expect(within(nav).getByRole('button', { name: 'QC' }).getAttribute('aria-current')).toBe('page')
    expect(within(nav).getByRole('button', { name: 'Tenders' }).hasAttribute('aria-current')).toBe(false)
    expect(screen.getByRole('heading', { level: 1, name: 'QC' })).toBeDefined()
    expect(screen.getByRole('main').textContent).toMatch(
      /Import a Certificate of Analysis on the\s*Tenders page/,
    )
    // Opened from the navigation, so focus follows to the new page's heading.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'QC' }))
  })

  it('moves focus with the arrow keys, Home and End, without changing page', () => {
    setup()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    const button = (name: string) => within(nav).getByRole('button', { name })
    button('Tenders').focus()

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(button('QC'))
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' })
    expect(document.activeElement).toBe(button('Settings'))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(button('Tenders'))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(button('Settings'))
    expect(button('Tenders').getAttribute('aria-current')).toBe('page')

    fireEvent.click(document.activeElement as Element)
    expect(button('Settings').getAttribute('aria-current')).toBe('page')
  })

  it('shows each page’s purpose instead of a blank screen', async () => {
    setup()
    const nav = screen.getByRole('navigation', { name: 'Main' })
    for (const name of ['Scanner', 'Review', 'Sync', 'Settings']) {
      fireEvent.click(within(nav).getByRole('button', { name }))
      expect(screen.getByRole('heading', { level: 1, name })).toBeDefined()
      expect(screen.getByRole('main').textContent).not.toMatch(/placeholder|stub|todo/i)
    }
  })
})
