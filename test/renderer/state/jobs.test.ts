import { afterEach, describe, expect, it } from 'vitest'
import type { Job } from '../../../src/shared/contract'
import { resetAllState, upsertJob, useJobStore } from '../../../src/renderer/state'

afterEach(resetAllState)

const job = (patch: Partial<Job>): Job => ({
  id: 'job-1',
  kind: 'import',
  tenantId: 'acme',
  label: 'Import 3 files',
  state: 'queued',
  total: 3,
  completed: 0,
  failed: 0,
  pagesDone: 0,
  pagesTotal: 0,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  errors: [],
  documentIds: [],
  ...patch,
})

describe('job store', () => {
  it('keeps the later snapshot when the creating response arrives after progress events', () => {
    upsertJob(job({ state: 'running', completed: 2, updatedAt: '2026-11-20T09:00:01.000Z' }))
    upsertJob(job({}))
    expect(useJobStore.getState().jobs).toMatchObject([{ state: 'running', completed: 2 }])
  })

  it('breaks a same-millisecond tie by state, then by progress', () => {
    upsertJob(job({ state: 'running' }))
    upsertJob(job({ state: 'queued' }))
    expect(useJobStore.getState().jobs[0]?.state).toBe('running')
    upsertJob(job({ state: 'running', completed: 1 }))
    upsertJob(job({ state: 'running', completed: 0 }))
    expect(useJobStore.getState().jobs[0]?.completed).toBe(1)
  })

  it('lists the newest job first', () => {
    upsertJob(job({ id: 'a', createdAt: '2026-11-20T09:00:00.000Z' }))
    upsertJob(job({ id: 'b', createdAt: '2026-11-20T10:00:00.000Z' }))
    expect(useJobStore.getState().jobs.map((j) => j.id)).toEqual(['b', 'a'])
  })
})
