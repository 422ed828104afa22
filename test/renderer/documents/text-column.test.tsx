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

const failed = doc('acme', 'bad-scan.tif', {
  extraction: extraction({
    state: 'failed',
    pagesTotal: 0,
    pagesDone: 0,
    confidence: null,
    failedPages: 0,
    error: { code: 'CORRUPT_FILE', message: 'the TIFF ends early' },
  }),
})

const documents = [
  doc('acme', 'reading.pdf', { extraction: extraction({ state: 'running', pagesTotal: 8, pagesDone: 3 }) }),
  doc('acme', 'done.pdf', {
    extraction: extraction({ pagesTotal: 8, pagesDone: 8, ocrPages: 2, confidence: 96.2, failedPages: 0 }),
  }),
  failed,
  doc('acme', 'queued.pdf', { extraction: extraction({ state: 'pending', pagesTotal: 0, pagesDone: 0 }) }),
  doc('acme', 'legacy.pdf'),
]

const textCell = (name: string): string => {
  const row = screen.getByRole('rowheader', { name }).closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  const header = screen.getAllByRole('columnheader').map((h) => h.textContent)
  return within(row).getAllByRole('cell')[header.indexOf('Text') - 1]?.textContent ?? ''
}

describe('the Text column of the documents table', () => {
  it('shows each document’s extraction state', async () => {
    renderApp(createTestDesk({ tenants, current: 'acme', documents }))
    await screen.findByRole('table', { name: 'Documents' })

    expect(textCell('reading.pdf')).toBe('Reading… 3/8 pages')
    expect(textCell('done.pdf')).toBe('8 pages · 2 OCR · 96%')
    expect(textCell('bad-scan.tif')).toMatch(/^Failed: the TIFF ends early/)
    expect(textCell('queued.pdf')).toBe('Waiting to be read')
    expect(textCell('legacy.pdf')).toBe('Not read')
  })

  it('offers Retry only on a failed document, and Retry asks the desk to read it again', async () => {
    const test = createTestDesk({ tenants, current: 'acme', documents })
    renderApp(test)
    await screen.findByRole('table', { name: 'Documents' })
    expect(screen.getAllByRole('button', { name: /^Retry / })).toHaveLength(1)

    const retry = screen.getByRole('button', { name: 'Retry bad-scan.tif' })
    retry.focus()
    expect(document.activeElement).toBe(retry)
    fireEvent.click(retry)

    await waitFor(() =>
      expect(test.calls.find((c) => c.method === 'documents.extract')?.params).toEqual({
        documentIds: [failed.id],
      }),
    )
    expect(await screen.findByRole('listitem', { name: 'Read 1 document' })).toBeDefined()
    await waitFor(() => expect(textCell('bad-scan.tif')).toBe('Waiting to be read'))
  })

  it('names each document with a button that opens it', async () => {
    renderApp(createTestDesk({ tenants, current: 'acme', documents }))
    const open = await screen.findByRole('button', { name: 'done.pdf' })
    fireEvent.click(open)
    expect(await screen.findByRole('region', { name: 'done.pdf' })).toBeDefined()
    expect(screen.queryByRole('table', { name: 'Documents' })).toBeNull()
  })
})
