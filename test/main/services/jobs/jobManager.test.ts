import { describe, expect, it } from 'vitest'
import type { Job } from '../../../../src/shared/contract'
import { JobManager } from '../../../../src/main/services/jobs/jobManager'

describe('JobManager.notice', () => {
  it('tells the jobs that are reading, and only those, that a stuck worker was restarted', async () => {
    const updates: Job[] = []
    const jobs = new JobManager((job) => updates.push(job))
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    const reading = jobs.start(
      { kind: 'import', tenantId: 'acme', label: 'Import 3 files', total: 3 },
      () => gate,
    )
    const finished = jobs.start(
      { kind: 'import', tenantId: 'acme', label: 'Import 1 file', total: 0 },
      async () => {},
    )
    while (!updates.some((u) => u.id === finished.id && u.state === 'done')) await Promise.resolve()
    while (!updates.some((u) => u.id === reading.id && u.state === 'running')) await Promise.resolve()

    jobs.notice('Restarted a stuck document worker')
    release()
    await jobs.idle()

    const byId = new Map(jobs.list('acme').map((j) => [j.id, j]))
    expect(byId.get(reading.id)?.notices).toEqual(['Restarted a stuck document worker'])
    expect(byId.get(finished.id)?.notices).toBeUndefined()
    expect(updates.some((u) => u.id === reading.id && u.notices?.length === 1)).toBe(true)
  })
})
