// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Job } from '../../../src/shared/contract'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, doc, type TestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

afterEach(() => {
  cleanup()
  resetAllState()
})

const tenants = [{ id: 'acme', name: 'Acme Foods' }]

async function importTwoFiles(test: TestDesk): Promise<Job> {
  renderApp(test)
  const input = await screen.findByLabelText('Import documents')
  const files = [
    new File(['%PDF-1.7 tender'], 'tender-2026-114.pdf', { type: 'application/pdf' }),
    new File(['not a pdf'], 'notes.docx', { type: 'application/octet-stream' }),
  ]
  fireEvent.change(input, { target: { files } })
  await screen.findByRole('listitem', { name: 'Import 2 files' })
  const job = test.jobs[0]
  if (!job) throw new Error('no job was created')
  return job
}

const jobItem = () => screen.getByRole('listitem', { name: 'Import 2 files' })

describe('jobs panel', () => {
  it('uploads the picked files base64-encoded and shows the job running with a Cancel button', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    await importTwoFiles(test)

    const upload = test.calls.find((c) => c.method === 'documents.upload')
    expect(upload?.params).toEqual({
      files: [
        { name: 'tender-2026-114.pdf', dataBase64: btoa('%PDF-1.7 tender') },
        { name: 'notes.docx', dataBase64: btoa('not a pdf') },
      ],
    })
    const bar = within(jobItem()).getByRole('progressbar', { name: 'Import 2 files progress' })
    expect(bar.getAttribute('aria-valuenow')).toBe('0')
    expect(bar.getAttribute('aria-valuemax')).toBe('2')
    expect(jobItem().textContent).toContain('Running')
    expect(within(jobItem()).getByRole('button', { name: 'Cancel Import 2 files' })).toBeDefined()
  })

  it('renders progress events, per-file errors and announces completion, then lists the new document', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    const job = await importTwoFiles(test)

    act(() => test.emit('jobs.progress', { ...job, completed: 1, updatedAt: '2999-01-01T00:00:01.000Z' }))
    const bar = within(jobItem()).getByRole('progressbar')
    expect(bar.getAttribute('aria-valuenow')).toBe('1')
    expect(bar.getAttribute('aria-valuetext')).toBe('1 of 2 files')

    test.documents.set('acme', [doc('acme', 'tender-2026-114.pdf')])
    act(() =>
      test.emit('jobs.progress', {
        ...job,
        state: 'done',
        completed: 2,
        failed: 1,
        pagesDone: 0,
        pagesTotal: 0,
        updatedAt: '2999-01-01T00:00:02.000Z',
        errors: [
          { file: 'notes.docx', code: 'UNSUPPORTED_FILE', message: 'not a PDF, PNG, JPEG or TIFF file' },
        ],
      }),
    )

    expect(within(jobItem()).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2')
    expect(jobItem().textContent).toContain('Done')
    const errors = within(jobItem()).getByRole('list', { name: 'Errors in Import 2 files' })
    expect(errors.textContent).toBe('notes.docx: not a PDF, PNG, JPEG or TIFF file')
    expect(within(jobItem()).queryByRole('button', { name: /Cancel/ })).toBeNull()
    expect(screen.getByRole('status').textContent).toBe(
      'Import 2 files: finished with errors, 1 of 2 imported, 1 failed.',
    )
    const table = await screen.findByRole('table', { name: 'Documents' })
    expect(within(table).getByRole('rowheader', { name: 'tender-2026-114.pdf' })).toBeDefined()
  })

  it('shows page progress once the job reads pages, and drives the bar by pages', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    const job = await importTwoFiles(test)

    act(() =>
      test.emit('jobs.progress', {
        ...job,
        completed: 1,
        pagesDone: 12,
        pagesTotal: 40,
        updatedAt: '2999-01-01T00:00:01.000Z',
      }),
    )
    const bar = within(jobItem()).getByRole('progressbar')
    expect(bar.getAttribute('aria-valuenow')).toBe('12')
    expect(bar.getAttribute('aria-valuemax')).toBe('40')
    expect(bar.getAttribute('aria-valuetext')).toBe('12 of 40 pages, 1 of 2 files')
    expect(jobItem().textContent).toContain('12 of 40 pages · 1 of 2 files')
  })

  it('cancels a running job', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    await importTwoFiles(test)

    fireEvent.click(within(jobItem()).getByRole('button', { name: 'Cancel Import 2 files' }))

    await waitFor(() => expect(jobItem().textContent).toContain('Cancelled'))
    expect(within(jobItem()).queryByRole('button', { name: /Cancel/ })).toBeNull()
    expect(screen.getByRole('status').textContent).toContain('cancelled')
  })

  it('imports files dropped onto the Tenders drop zone', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    renderApp(test)
    const zone = await screen.findByRole('region', { name: 'Drop documents to import' })
    const file = new File(['PNG scan'], 'coa-batch-7.png', { type: 'image/png' })

    fireEvent.dragOver(zone, { dataTransfer: { files: [file], types: ['Files'] } })
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } })

    expect(await screen.findByRole('listitem', { name: 'Import 1 file' })).toBeDefined()
    const upload = test.calls.find((c) => c.method === 'documents.upload')
    expect(upload?.params).toEqual({ files: [{ name: 'coa-batch-7.png', dataBase64: btoa('PNG scan') }] })
  })

  it('ignores progress for another tenant’s job', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    renderApp(test)
    await screen.findByText(/No documents yet/)
    const other: Job = {
      id: 'job-x',
      kind: 'import',
      tenantId: 'beta',
      label: 'Import 9 files',
      state: 'running',
      total: 9,
      completed: 3,
      failed: 0,
      pagesDone: 0,
      pagesTotal: 0,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
      errors: [],
      documentIds: [],
    }
    act(() => test.emit('jobs.progress', other))
    expect(screen.queryByRole('listitem', { name: 'Import 9 files' })).toBeNull()
    expect(screen.getByRole('complementary', { name: 'Jobs' }).textContent).toContain('No jobs yet')
  })
})
