// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { resetDecisions, useDecisionsStore } from '../../../src/renderer/features/tenders/decisions/store'
import { ScreeningSection } from '../../../src/renderer/features/tenders/screening/ScreeningSection'
import { resetScreening, useScreeningStore } from '../../../src/renderer/features/tenders/screening/store'
import { buildView, DEFAULT_FILTERS, deadlineOf } from '../../../src/renderer/features/tenders/screening/view'
import { useEvidenceStore } from '../../../src/renderer/features/tenders/evidence/store'
import { createTestDesk } from '../support/desk-harness'
import { field, row } from './rows'

const NOW = Date.parse('2026-03-10T12:00:00+05:30')

afterEach(() => {
  cleanup()
  resetScreening()
  resetDecisions()
  useEvidenceStore.setState({ documentId: null })
})

function show(rows: ReturnType<typeof row>[]) {
  const t = createTestDesk({ tenants: [{ id: 'acme', name: 'Acme' }], current: 'acme' })
  const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
  useScreeningStore.setState({ rows, loaded: true })
  render(
    <ServicesProvider services={services}>
      <ScreeningSection now={NOW} />
    </ServicesProvider>,
  )
  return t
}

const table = () => screen.getByRole('table', { name: 'Screening results' })
const bodyRows = () => within(table()).getAllByRole('row').slice(1)
const names = () =>
  bodyRows().map((r) => within(r).getByRole('rowheader').querySelector('button')?.textContent)

describe('screening results table', () => {
  it('keeps only a window of 10,000 rows in the DOM, and moves it on scroll', () => {
    show(Array.from({ length: 10_000 }, (_, i) => row(i)))
    expect(table().getAttribute('aria-rowcount')).toBe('10001')
    expect(bodyRows().length).toBeLessThan(60)
    expect(bodyRows()[0]?.getAttribute('aria-rowindex')).toBe('2')
    const body = table().querySelector('.screen-body') as HTMLDivElement
    body.scrollTop = 40 * 5000
    act(() => void fireEvent.scroll(body))
    const indexes = bodyRows().map((r) => Number(r.getAttribute('aria-rowindex')))
    expect(Math.min(...indexes)).toBeGreaterThan(4900)
    expect(Math.max(...indexes)).toBeLessThan(5100)
    expect(bodyRows().length).toBeLessThan(60)
  })

  it('sorts by score (highest first), then by name on a header click', () => {
    show([row(3), row(7), row(5)])
    expect(names()).toEqual(['bid-00007.pdf', 'bid-00005.pdf', 'bid-00003.pdf'])
    fireEvent.click(within(table()).getByRole('button', { name: /Document/ }))
    expect(names()).toEqual(['bid-00003.pdf', 'bid-00005.pdf', 'bid-00007.pdf'])
    expect(within(table()).getAllByRole('columnheader')[2]?.getAttribute('aria-sort')).toBe('ascending')
  })

  it('filters by score, profile, deadline and decision', () => {
    const soon = { bidEndDate: field('2026-03-12T15:00:00+05:30', 'date-time') }
    show([row(2, {}, soon), row(3), row(40), row(41)])
    fireEvent.change(screen.getByLabelText('Minimum score'), { target: { value: '10' } })
    expect(names()).toEqual(['bid-00041.pdf', 'bid-00040.pdf'])
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: 'Pumps' } })
    expect(names()).toEqual(['bid-00041.pdf'])
    fireEvent.change(screen.getByLabelText('Minimum score'), { target: { value: '0' } })
    fireEvent.change(screen.getByLabelText('Profile'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: 'soon' } })
    expect(names()).toEqual(['bid-00002.pdf'])
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: 'any' } })
    act(() =>
      useDecisionsStore.setState({
        decisions: { 'doc-3': { decision: 'relevant', reason: 'fits', decidedBy: 'a', decidedAt: '' } },
      }),
    )
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'relevant' } })
    expect(names()).toEqual(['bid-00003.pdf'])
    expect(within(bodyRows()[0]!).getByText('Relevant')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'undecided' } })
    expect(names()).not.toContain('bid-00003.pdf')
  })

  it('badges bid end dates within three days, and closed ones', () => {
    show([
      row(1, {}, { bidEndDate: field('2026-03-11T15:00:00+05:30', 'date-time') }),
      row(2, {}, { bidEndDate: field('2026-03-01T15:00:00+05:30', 'date-time') }),
      row(3, {}, { bidEndDate: field('2026-04-30T15:00:00+05:30', 'date-time') }),
    ])
    expect(within(table()).getByText('Closes in 2 days')).toBeTruthy()
    expect(within(table()).getByText('Closed')).toBeTruthy()
    expect(within(table()).queryAllByText(/Closes/)).toHaveLength(1)
    expect(
      deadlineOf(row(4, {}, { bidEndDate: field('2026-03-10T18:00:00+05:30', 'date-time') }), NOW),
    ).toEqual({
      state: 'soon',
      days: 1,
    })
  })

  it('groups duplicates (same hash) and shows a newer same-bid document as a corrigendum', () => {
    const bid = { bidNumber: field('GEM/2026/B/1') }
    const original = row(10, { importedAt: '2026-01-01T00:00:00.000Z' }, bid)
    const copy = row(11, { sha256: original.sha256, importedAt: '2026-01-02T00:00:00.000Z', score: 1 })
    const corrigendum = row(12, { importedAt: '2026-01-03T00:00:00.000Z', score: 90 }, bid)
    show([corrigendum, row(50), copy, original])
    expect(names()).toEqual(['bid-00010.pdf', 'bid-00011.pdf', 'bid-00012.pdf', 'bid-00050.pdf'])
    expect(within(bodyRows()[0]!).getByText('3 in group')).toBeTruthy()
    expect(within(bodyRows()[1]!).getByText('Duplicate of bid-00010.pdf')).toBeTruthy()
    expect(within(bodyRows()[2]!).getByText('Corrigendum of bid-00010.pdf')).toBeTruthy()
    const view = buildView(
      [original, corrigendum],
      {},
      DEFAULT_FILTERS,
      { key: 'score', direction: 'desc' },
      NOW,
    )
    expect(view.map((v) => v.relation?.kind)).toEqual([undefined, 'corrigendum'])
  })

  it('opens the evidence view from a row and exports the filtered list in order', async () => {
    const t = show([row(3), row(7)])
    fireEvent.click(within(table()).getByRole('button', { name: 'bid-00007.pdf' }))
    expect(useEvidenceStore.getState().documentId).toBe('doc-7')
    URL.createObjectURL = () => 'blob:x'
    URL.revokeObjectURL = () => undefined
    act(() =>
      useDecisionsStore.setState({
        decisions: { 'doc-3': { decision: 'not-relevant', reason: 'civil', decidedBy: 'a', decidedAt: '' } },
      }),
    )
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Export CSV' })))
    expect(t.screening.exports).toEqual([
      {
        format: 'csv',
        documentIds: ['doc-7', 'doc-3'],
        decisions: [{ documentId: 'doc-3', decision: 'not-relevant', reason: 'civil', decidedBy: 'a' }],
      },
    ])
  })
})
