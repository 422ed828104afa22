import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../server/build.mjs'
import { bulkResults, bulkStatus, submitBulk } from '../../src/main/services/bulk'
import { parseProfile } from '../../src/shared/tenders/screening'
import { builtDocumentWorker, REPO_ROOT } from '../support/builtApp'
import { textPdf } from '../support/documents/textPdf'
import { bulkCorpus, IT_PROFILE } from './support/bulk-corpus'
import { spawnWorker, type WorkerProcess } from './support/bulk-workers'
import { startTestHub, type TestHub } from './support/hub'
import { bundleScratchDir } from './support/processes'

// A poison file: every worker that picks it up dies. After the retry limit pg-boss dead-letters its
// job and the file fails with a reason naming it, while the rest of the run is screened.
let hub: TestHub
let dir: string
let workerScript: string
const POISON = 'bids/00/poison-annexure.pdf'
const workers: WorkerProcess[] = []

beforeAll(async () => {
  builtDocumentWorker()
  hub = await startTestHub()
  dir = bundleScratchDir('pebble-bulk-poison-')
  const out = await bundleForNode({ main: join(REPO_ROOT, 'server', 'workers', 'main.ts') }, join(dir, 'out'))
  workerScript = out.main!
  const corpus = await bulkCorpus(12, { seed: 3, corruptShare: 0.0001, duplicateShare: 0.0001 })
  for (const f of corpus) {
    await mkdir(join(dir, 'in', f.name, '..'), { recursive: true })
    await writeFile(join(dir, 'in', f.name), f.bytes)
  }
  // Long enough to read (hundreds of pages) that the killer always catches it in flight.
  const long = Array.from({ length: 12_000 }, (_, i) => `Line ${i} of a very long tender annexure.`).join(
    '\n',
  )
  await writeFile(join(dir, 'in', POISON), await textPdf(long))
}, 120_000)

afterAll(async () => {
  for (const w of workers) await w.kill()
  await hub?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const start = () => {
  const w = spawnWorker(workerScript, [
    ...['--database-url', hub.database.url, '--concurrency', '1', '--app-root', REPO_ROOT],
    ...['--lease-seconds', '2', '--maintenance-seconds', '1', '--retry-limit', '2', '--retry-delay', '1'],
  ])
  workers.push(w)
  return w
}

describe('a poison file', () => {
  it('is dead-lettered after its attempts and fails by name; the other files are screened', async () => {
    const token = await hub.desk('acme', 'acme-bulk-1')
    const profile = parseProfile(IT_PROFILE)
    if (!profile.ok) throw new Error(profile.errors.join('; '))
    let worker = start()
    await worker.waitFor((e) => e.event === 'ready')
    const target = { hubUrl: hub.url, token }
    const submitted = await submitBulk({
      ...target,
      paths: [join(dir, 'in')],
      base: join(dir, 'in'),
      profiles: [profile.profile],
    })
    const poison = POISON

    // Whoever starts the poison file is killed on the spot, and a fresh worker takes over.
    let kills = 0
    const deadline = Date.now() + 90_000
    for (;;) {
      const [status] = await bulkStatus(target, submitted.runId)
      if (status!.done || Date.now() > deadline) break
      if (worker.events.some((e) => e.event === 'started' && e.name === poison)) {
        await worker.kill()
        kills += 1
        worker = start()
        await worker.waitFor((e) => e.event === 'ready')
      }
      await new Promise((r) => setTimeout(r, 200))
    }

    const { status, files } = await bulkResults(target, submitted.runId)
    expect(status.done, JSON.stringify(status)).toBe(true)
    expect(kills).toBe(3) // the first attempt and its two retries
    const dead = files.find((f) => f.name === poison)!
    expect(dead).toMatchObject({ state: 'failed', attempts: 3 })
    expect(dead.reason).toMatch(/^bids\/00\/poison-annexure\.pdf: gave up after 3 attempts: .*timeout/)
    const notScreened = files.filter((f) => f.name !== poison && f.state !== 'screened')
    expect(notScreened.map((f) => `${f.name}: ${f.state} after ${f.attempts}`)).toEqual([])
  }, 150_000)
})
