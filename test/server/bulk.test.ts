import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../server/build.mjs'
import { withTenant } from '../../server/db/pool'
import { bulkDeskHandlers, bulkResults, bulkStatus, submitBulk } from '../../src/main/services/bulk'
import { MemorySecretStore } from '../../src/main/services/secrets'
import { SyncCredentialStore } from '../../src/main/services/sync'
import { builtDocumentWorker, REPO_ROOT } from '../support/builtApp'
import { bulkCorpus, IT_PROFILE, type CorpusFile } from './support/bulk-corpus'
import { startTestHub, type TestHub } from './support/hub'
import { bundleScratchDir } from './support/processes'
import { spawnWorker, type WorkerProcess } from './support/bulk-workers'
import { parseProfile } from '../../src/shared/tenders/screening'

// A few hundred bids through two worker processes on one hub, one of them SIGKILLed mid-run: every
// file must end in exactly one terminal state, corrupt ones failed by name, duplicates pointing at
// their first copy, and each content screened into exactly one result row.
const FILES = Number(process.env.BULK_TEST_FILES ?? 200)

let hub: TestHub
let token: string
let dir: string
let workerScript: string
let corpus: CorpusFile[]
const workers: WorkerProcess[] = []

beforeAll(async () => {
  builtDocumentWorker()
  hub = await startTestHub()
  token = await hub.desk('acme', 'acme-bulk-1')
  dir = bundleScratchDir('pebble-bulk-test-')
  const out = await bundleForNode({ main: join(REPO_ROOT, 'server', 'workers', 'main.ts') }, join(dir, 'out'))
  workerScript = out.main!
  corpus = await bulkCorpus(FILES, { seed: 7, corruptShare: 0.08, duplicateShare: 0.1 })
  for (const f of corpus) {
    await mkdir(join(dir, 'in', f.name, '..'), { recursive: true })
    await writeFile(join(dir, 'in', f.name), f.bytes)
  }
}, 120_000)

afterAll(async () => {
  for (const w of workers) await w.kill()
  await hub?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

function startWorker(): WorkerProcess {
  const w = spawnWorker(workerScript, [
    ...['--database-url', hub.database.url, '--concurrency', '2', '--app-root', REPO_ROOT],
    // A short lease so the killed worker's job comes back within the test.
    ...['--lease-seconds', '5', '--maintenance-seconds', '1', '--retry-delay', '1'],
  ])
  workers.push(w)
  return w
}

describe('bulk screening on pg-boss', () => {
  it('accounts for every file exactly once when a worker is killed mid-run', async () => {
    const [a, b] = [startWorker(), startWorker()]
    await Promise.all([
      a.waitFor((e) => e.event === 'ready', 60_000),
      b.waitFor((e) => e.event === 'ready', 60_000),
    ])
    const profile = parseProfile(IT_PROFILE)
    if (!profile.ok) throw new Error(profile.errors.join('; '))
    const submitted = await submitBulk({
      hubUrl: hub.url,
      token,
      tenant: 'acme',
      paths: [join(dir, 'in')],
      base: join(dir, 'in'),
      profiles: [profile.profile],
    })
    expect(submitted.files).toBe(FILES)
    const metrics = async () => (await fetch(`${hub.url}/metrics`)).text()
    const firstScrape = await metrics()
    expect(firstScrape).toMatch(/^hub_bulk_workers 2$/m)
    expect(firstScrape).toMatch(/^# TYPE hub_bulk_queue_depth gauge$/m)

    // SIGKILL worker A while it holds a job: started, not done.
    await a.waitFor((e) => e.event === 'done', 60_000)
    const inFlight = await a.waitFor((e) => {
      if (e.event !== 'started') return false
      return !a.events.some((d) => d.event === 'done' && d.ordinal === e.ordinal)
    }, 60_000)
    await a.kill()
    expect(inFlight.ordinal).toBeTypeOf('number')
    // Every job A had started and not reported done when it died. One of them may have been written
    // in the moment between its last event reaching us and the kill; the others came back.
    const heldAtKill = a.events
      .filter((e) => e.event === 'started')
      .map((e) => e.ordinal as number)
      .filter((ordinal) => !a.events.some((d) => d.event === 'done' && d.ordinal === ordinal))

    const target = { hubUrl: hub.url, token }
    const deadline = Date.now() + 100_000
    let [status] = await bulkStatus(target, submitted.runId)
    while (!status!.done && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500))
      ;[status] = await bulkStatus(target, submitted.runId)
    }
    if (!status!.done) {
      const sample = (await bulkResults(target, submitted.runId)).files.filter((f) => f.state === 'failed')
      expect.fail(
        `${JSON.stringify(status)}\n${sample
          .slice(0, 5)
          .map((f) => f.reason)
          .join('\n')}`,
      )
    }

    const { files } = await bulkResults(target, submitted.runId)
    const byName = new Map(files.map((f) => [f.name, f]))
    expect(files).toHaveLength(FILES)
    expect(new Set(files.map((f) => f.ordinal)).size).toBe(FILES)
    for (const expected of corpus) {
      const got = byName.get(expected.name)!
      if (expected.kind === 'corrupt') {
        expect(got.state, expected.name).toBe('failed')
        expect(got.reason, expected.name).toContain(expected.name)
      } else if (expected.kind === 'duplicate') {
        expect(got.state, expected.name).toBe('duplicate')
        expect(got.duplicateOf?.name, expected.name).toBe(expected.of)
      } else {
        expect(got.state, `${expected.name}: ${got.reason ?? ''}`).toBe('screened')
        expect(got.result?.relevant, expected.name).toBe(expected.relevant)
      }
    }
    expect(status).toMatchObject({
      screened: corpus.filter((f) => f.kind === 'bid').length,
      duplicate: corpus.filter((f) => f.kind === 'duplicate').length,
      failed: corpus.filter((f) => f.kind === 'corrupt').length,
      queued: 0,
    })
    // The jobs the killed worker held came back after their lease and the other worker finished them.
    const held = files.filter((f) => heldAtKill.includes(f.ordinal))
    expect(held.length).toBeGreaterThan(0)
    for (const f of held) expect(['screened', 'failed'], f.name).toContain(f.state)
    expect(
      held.some((f) => f.attempts >= 2),
      JSON.stringify(held.map((f) => [f.name, f.attempts])),
    ).toBe(true)

    // The killed worker's connections are gone, so /metrics counts one worker and an empty queue.
    let lastScrape = await metrics()
    while (!/^hub_bulk_workers 1$/m.test(lastScrape) && Date.now() < deadline + 20_000) {
      await new Promise((r) => setTimeout(r, 250))
      lastScrape = await metrics()
    }
    expect(lastScrape).toMatch(/^hub_bulk_workers 1$/m)
    expect(lastScrape).not.toMatch(/^hub_bulk_queue_depth\{tenant="acme"\}/m)

    // One result row per screened content, however many times a job ran.
    const rows = await withTenant(hub.db, 'acme', (tx) =>
      tx.query<{ n: string; distinct_sha: string }>(
        'SELECT count(*) AS n, count(DISTINCT sha256) AS distinct_sha FROM bulk_results',
      ),
    )
    expect(Number(rows.rows[0]!.n)).toBe(status!.screened)
    expect(Number(rows.rows[0]!.distinct_sha)).toBe(status!.screened)
  }, 180_000)

  it("keeps runs to their tenant: another tenant's desk cannot read them", async () => {
    const other = await hub.desk('globex', 'globex-desk-1')
    const [run] = await bulkStatus({ hubUrl: hub.url, token })
    await expect(bulkResults({ hubUrl: hub.url, token: other }, run!.runId)).rejects.toThrow(/HTTP 404/)
    expect(await bulkStatus({ hubUrl: hub.url, token: other })).toEqual([])
  })

  it('shows the desk its tenant’s runs through the Tenders page’s methods, with the stored hub token', async () => {
    const credentials = new SyncCredentialStore(new MemorySecretStore())
    const handlers = bulkDeskHandlers<{ tenantId: string | null }>(credentials)
    const session = { tenantId: 'acme' }
    await expect(handlers['tenders.bulk.runs']({}, session)).rejects.toThrow(/no hub connection/)
    await credentials.set('acme', { hubUrl: hub.url, deskId: 'acme-bulk-1', token })
    const { runs } = await handlers['tenders.bulk.runs']({}, session)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ files: FILES, done: true, queued: 0 })
    const results = await handlers['tenders.bulk.results']({ runId: runs[0]!.runId }, session)
    expect(results.files).toHaveLength(FILES)
  })
})
