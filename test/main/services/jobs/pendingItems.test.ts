import { expect, it } from 'vitest'
import type { JobContext } from '../../../../src/main/services/jobs/jobManager'
import { JobManager } from '../../../../src/main/services/jobs/jobManager'

it('counts the documents still to read across tenants as the worker queue depth, not the jobs', async () => {
  const jobs = new JobManager(() => undefined)
  let release: () => void = () => undefined
  const gate = new Promise<void>((r) => (release = r))
  const seen: { ctx?: JobContext } = {}
  jobs.start({ kind: 'import', tenantId: 'acme', label: 'Import 600 files', total: 600 }, async (c) => {
    seen.ctx = c
    await gate
  })
  jobs.start({ kind: 'import', tenantId: 'globex', label: 'Import 2 files', total: 2 }, () => gate)
  expect(jobs.pendingItems()).toBe(602) // queued jobs count too
  while (seen.ctx === undefined) await Promise.resolve()
  const running = seen.ctx
  if (!running) throw new Error('the job did not start')
  running.itemDone('doc-1')
  running.itemFailed({ file: 'bad.pdf', code: 'CORRUPT_FILE', message: 'bad.pdf: not a PDF' })
  expect(jobs.pendingItems()).toBe(600)
  release()
  await jobs.idle()
  expect(jobs.pendingItems()).toBe(0) // finished jobs, even with items never reported, wait for nothing
})
