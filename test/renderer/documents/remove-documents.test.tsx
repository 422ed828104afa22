// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, doc } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { extraction, tenants } from './fixtures'

afterEach(() => {
  cleanup()
  resetAllState()
})

const documents = [
  doc('acme', 'tender-114.pdf', { extraction: extraction() }),
  doc('acme', 'coa-batch-7.png', { extraction: extraction() }),
  doc('acme', 'notes.pdf', { extraction: extraction() }),
]

const removeButton = () => screen.getByRole('button', { name: /^Remove selected/ })

describe('removing documents from the documents table', () => {
  it('asks first, naming how many and which, then removes them and lists what is left', async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents })
    test.screening.rows = documents.map((d) => ({
      documentId: d.id,
      name: d.name,
      sha256: d.sha256,
      importedAt: d.importedAt,
      state: 'screened',
      profile: null,
      score: 0,
      relevant: false,
      reasons: [],
      matches: [],
      profiles: [],
      fields: {},
    }))
    renderApp(test)
    const table = await screen.findByRole('table', { name: 'Documents' })
    expect((removeButton() as HTMLButtonElement).disabled).toBe(true)

    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select tender-114.pdf' }))
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select notes.pdf' }))
    fireEvent.click(removeButton())

    const dialog = screen.getByRole('alertdialog')
    expect(dialog.textContent).toContain('Remove 2 documents from this tenant?')
    const listed = within(dialog).getByRole('list', { name: 'Documents to remove' })
    expect(
      within(listed)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['tender-114.pdf', 'notes.pdf'])
    expect(test.calls.some((c) => c.method === 'documents.remove')).toBe(false)

    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove 2 documents' }))

    // Gone from the documents table and, once it re-reads its rows, from the screening table too.
    await waitFor(() => expect(screen.getAllByRole('rowheader', { name: 'coa-batch-7.png' })).toHaveLength(2))
    await waitFor(() => expect(screen.queryAllByRole('rowheader', { name: /tender-114|notes/ })).toEqual([]))
    expect(test.calls.find((c) => c.method === 'documents.remove')?.params).toEqual({
      documentIds: ['acme-tender-114.pdf', 'acme-notes.pdf'],
    })
    const left = screen.getByRole('table', { name: 'Documents' })
    expect(
      within(left)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['coa-batch-7.png'])
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Removed 2 documents.')
    // The screening rows the desk answers with no longer have them.
    expect(test.screening.rows.map((r) => r.documentId)).toEqual(['acme-coa-batch-7.png'])
  })

  it('Cancel in the confirmation removes nothing', async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents })
    renderApp(test)
    const table = await screen.findByRole('table', { name: 'Documents' })
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select coa-batch-7.png' }))
    fireEvent.click(removeButton())
    const dialog = screen.getByRole('alertdialog')
    expect(dialog.textContent).toContain('Remove 1 document from this tenant?')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(test.calls.some((c) => c.method === 'documents.remove')).toBe(false)
    const table2 = screen.getByRole('table', { name: 'Documents' })
    expect(within(table2).getAllByRole('rowheader')).toHaveLength(3)
  })

  it('shows the desk’s refusal of a document that is being read and keeps it', async () => {
    const reading = doc('acme', 'reading.pdf', { extraction: extraction({ state: 'running' }) })
    const test = createTestDesk({ tenants, current: 'acme', documents: [reading] })
    renderApp(test)
    const table = await screen.findByRole('table', { name: 'Documents' })
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select reading.pdf' }))
    fireEvent.click(removeButton())
    fireEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove 1 document' }),
    )

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/Could not remove: reading\.pdf is being read; cancel the job/)
    expect(within(table).getByRole('rowheader', { name: 'reading.pdf' })).toBeDefined()
  })
})
