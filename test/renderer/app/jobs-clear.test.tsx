// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Job } from '../../../src/shared/contract'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'

afterEach(() => {
  cleanup()
  resetAllState()
})

const tenants = [{ id: 'acme', name: 'Acme Foods' }]

const job = (id: string, label: string, state: Job['state'], createdAt: string): Job => ({
  id,
  kind: 'import',
  tenantId: 'acme',
  label,
  state,
  total: 1,
  completed: state === 'running' ? 0 : 1,
  failed: state === 'failed' ? 1 : 0,
  pagesDone: 0,
  pagesTotal: 0,
  createdAt,
  updatedAt: createdAt,
  errors: [],
  documentIds: [],
})

describe('jobs panel: Clear finished', () => {
  it('drops done, failed and cancelled jobs and keeps the running one', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    test.jobs.push(
      job('j1', 'Import 3 files', 'done', '2026-11-20T09:00:00.000Z'),
      job('j2', 'Read 2 documents', 'failed', '2026-11-20T09:01:00.000Z'),
      job('j3', 'Import 1 file', 'cancelled', '2026-11-20T09:02:00.000Z'),
      job('j4', 'Read 9 documents', 'running', '2026-11-20T09:03:00.000Z'),
    )
    renderApp(test)
    const list = await screen.findByRole('list', { name: 'Jobs' })
    expect(within(list).getAllByRole('listitem', { name: /^(Import|Read)/ })).toHaveLength(4)

    fireEvent.click(screen.getByRole('button', { name: 'Clear finished' }))

    await waitFor(() =>
      expect(within(list).getAllByRole('listitem', { name: /^(Import|Read)/ })).toHaveLength(1),
    )
    expect(test.calls.some((c) => c.method === 'jobs.clear')).toBe(true)
    const left = within(list).getByRole('listitem', { name: /^(Import|Read)/ })
    expect(left.getAttribute('aria-labelledby')).toBe('job-j4')
    expect(left.textContent).toContain('Running')
    expect(test.jobs.map((j) => j.id)).toEqual(['j4'])
    expect(screen.getByRole('status').textContent).toBe('Cleared 3 finished jobs.')
    // Nothing finished is left, so the button goes.
    expect(screen.queryByRole('button', { name: 'Clear finished' })).toBeNull()
  })

  it('has no Clear finished button while every job is still running', async () => {
    const test = createTestDesk({ tenants, current: 'acme' })
    test.jobs.push(job('j1', 'Import 3 files', 'running', '2026-11-20T09:00:00.000Z'))
    renderApp(test)
    await screen.findByRole('list', { name: 'Jobs' })
    expect(screen.queryByRole('button', { name: 'Clear finished' })).toBeNull()
  })
})
