// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { tenantDbName } from '../../../src/renderer/db'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { resetDecisions } from '../../../src/renderer/features/tenders/decisions/store'
import { useEvidenceStore } from '../../../src/renderer/features/tenders/evidence/store'
import { ScreeningSection } from '../../../src/renderer/features/tenders/screening/ScreeningSection'
import { resetScreening, useScreeningStore } from '../../../src/renderer/features/tenders/screening/store'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, doc } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { row } from './rows'

const TENANT = 'keys-test'
const NOW = Date.parse('2026-03-10T12:00:00+05:30')

afterEach(async () => {
  cleanup()
  resetScreening()
  resetDecisions()
  resetAllState()
  useEvidenceStore.setState({ documentId: null, returnTo: null })
  await Dexie.delete(tenantDbName(TENANT))
})

const table = () => screen.getByRole('table', { name: 'Screening results' })
const focusedRow = () => (document.activeElement as HTMLElement).closest('[role="row"]')
const focusedIndex = () => Number(focusedRow()?.getAttribute('aria-rowindex')) - 2
const tabStops = () =>
  Array.from(table().querySelectorAll<HTMLElement>('.screen-body button')).filter((b) => b.tabIndex === 0)
const key = (k: string) => act(() => void fireEvent.keyDown(document.activeElement!, { key: k }))

function showSection(count: number) {
  const t = createTestDesk({ tenants: [{ id: TENANT, name: 'Keys' }], current: TENANT })
  useScreeningStore.setState({ rows: Array.from({ length: count }, (_, i) => row(i)), loaded: true })
  render(
    <ServicesProvider services={{ desk: t.desk, connection: t.connection } as unknown as DeskServices}>
      <ScreeningSection now={NOW} />
    </ServicesProvider>,
  )
}

describe('screening results by keyboard', () => {
  it('is one tab stop; arrows, Home and End move it through a virtualised 10,000 rows', () => {
    showSection(10_000)
    expect(tabStops()).toHaveLength(1)
    act(() => tabStops()[0]!.focus())
    expect(focusedIndex()).toBe(0)
    key('ArrowDown')
    key('ArrowDown')
    expect(focusedIndex()).toBe(2)
    key('ArrowUp')
    expect(focusedIndex()).toBe(1)
    key('ArrowUp')
    key('ArrowUp') // stays on the first row
    expect(focusedIndex()).toBe(0)

    // End: the last row is scrolled into the window and focused.
    key('End')
    expect(focusedIndex()).toBe(9_999)
    expect(focusedRow()?.querySelector('[role="rowheader"]')?.textContent).toContain('bid-')
    const body = table().querySelector('.screen-body') as HTMLElement
    expect(body.scrollTop).toBeGreaterThan(9_000 * 40)
    expect(tabStops()).toHaveLength(1)
    key('Home')
    expect(focusedIndex()).toBe(0)
    expect(body.scrollTop).toBe(0)
    key('PageDown')
    expect(focusedIndex()).toBeGreaterThan(5)

    // Enter opens the active row's evidence.
    const name = document.activeElement!.textContent
    key('Enter')
    const opened = useEvidenceStore.getState().documentId
    expect(useScreeningStore.getState().rows.find((r) => r.documentId === opened)?.name).toBe(name)
  })

  it('walking past the window keeps rows in the DOM bounded', () => {
    showSection(10_000)
    act(() => tabStops()[0]!.focus())
    for (let i = 0; i < 40; i++) key('ArrowDown')
    expect(focusedIndex()).toBe(40)
    expect(within(table()).getAllByRole('row').length).toBeLessThan(60)
  })
})

describe('coming back from the evidence view', () => {
  it('puts focus back on the row that was opened, scrolled into the window', async () => {
    const documents = Array.from({ length: 120 }, (_, i) =>
      doc(TENANT, `bid-${String(i).padStart(5, '0')}.pdf`),
    )
    const test = createTestDesk({ tenants: [{ id: TENANT, name: 'Keys' }], current: TENANT, documents })
    // Highest score first: row i is document i.
    test.screening.rows = documents.map((d, i) => row(i, { documentId: d.id, name: d.name, score: 1000 - i }))
    renderApp(test)
    await waitFor(() => expect(tabStops()).toHaveLength(1))

    act(() => tabStops()[0]!.focus())
    key('End')
    key('ArrowUp')
    expect(focusedIndex()).toBe(118)
    key('Enter')
    const heading = await screen.findByRole('heading', { name: 'Evidence: bid-00118.pdf' })
    await waitFor(() => expect(document.activeElement).toBe(heading))

    // Escape (or "Back to results") returns to the table, focus on the opened row.
    key('Escape')
    await waitFor(() => expect(focusedRow()?.getAttribute('aria-rowindex')).toBe('120'))
    expect(document.activeElement?.textContent).toBe('bid-00118.pdf')
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0)

    key('Enter')
    await screen.findByRole('heading', { name: 'Evidence: bid-00118.pdf' })
    fireEvent.click(screen.getByRole('button', { name: 'Back to results' }))
    await waitFor(() => expect(document.activeElement?.textContent).toBe('bid-00118.pdf'))
  })
})
