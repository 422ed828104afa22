// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocumentType } from '../../../src/shared/contract'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, doc } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { extraction, tenants } from './fixtures'

afterEach(() => {
  cleanup()
  resetAllState()
})

const byClassifier = (type: DocumentType['type'], cues: string[]): DocumentType => ({
  type,
  source: 'classifier',
  classifier: 'doctype-cues/1',
  confidence: 0.84,
  cues,
  changes: [],
})

const documents = [
  doc('acme', 'bid-114.pdf', {
    extraction: extraction(),
    docType: byClassifier('tender', ['a GeM bid number (GEM/…)', '"EMD" / "earnest money"']),
  }),
  doc('acme', 'coa-batch-7.png', {
    extraction: extraction(),
    docType: byClassifier('coa', ['"certificate of analysis"']),
  }),
  doc('acme', 'new.pdf', { extraction: extraction({ state: 'running' }) }),
]

describe('the Type column of the documents table', () => {
  it("shows each document's type with the cues behind it, and a change is sent and kept with who made it", async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents, deskUser: 'Ann' })
    renderApp(test)
    const table = await screen.findByRole('table', { name: 'Documents' })
    const type = (name: string) => within(table).getByLabelText<HTMLSelectElement>(`Type of ${name}`)
    expect(type('bid-114.pdf').value).toBe('tender')
    expect(type('bid-114.pdf').title).toBe(
      'Typed from its text (confidence 84%): a GeM bid number (GEM/…); "EMD" / "earnest money"',
    )
    expect(type('coa-batch-7.png').selectedOptions[0]?.text).toBe('Certificate of Analysis')
    expect(type('new.pdf').selectedOptions[0]?.text).toBe('Not typed yet')
    expect([...type('new.pdf').options].map((o) => o.text)).toEqual([
      'Not typed yet',
      'Tender',
      'Certificate of Analysis',
      'Specification',
      'Safety data sheet',
      'Invoice',
      'Other',
    ])

    fireEvent.change(type('coa-batch-7.png'), { target: { value: 'specification' } })
    await waitFor(() => expect(type('coa-batch-7.png').value).toBe('specification'))
    expect(test.calls.filter((c) => c.method === 'documents.setType').map((c) => c.params)).toEqual([
      { documentId: 'acme-coa-batch-7.png', type: 'specification', by: 'Ann' },
    ])
    expect(type('coa-batch-7.png').selectedOptions[0]?.text).toBe('Specification (set by hand)')
    expect(type('coa-batch-7.png').title).toMatch(/^Set by Ann on \d{4}-\d{2}-\d{2}$/)
    const stored = test.documents.get('acme')!.find((d) => d.name === 'coa-batch-7.png')!
    expect(stored.docType?.changes).toEqual([
      { from: 'coa', to: 'specification', by: 'Ann', at: expect.any(String) },
    ])
  })

  it('says above the screening results how many documents of other desks were left out', async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents })
    test.screening.notScreened = [
      { documentId: 'acme-coa-batch-7.png', name: 'coa-batch-7.png', type: 'coa' },
      { documentId: 'x', name: 'coa-2.png', type: 'coa' },
      { documentId: 'y', name: 'sds.pdf', type: 'msds' },
    ]
    renderApp(test)
    const note = await screen.findByLabelText('Documents not screened')
    expect(note.textContent).toBe(
      'Not screened: 2 certificates of analysis, 1 safety data sheet (documents of other desks). A wrong type can be changed in the Documents table.',
    )
  })
})
