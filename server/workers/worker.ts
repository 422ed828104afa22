import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import type PgBoss from 'pg-boss'
import { parseRelevanceModel, type RelevanceModel } from '../../src/shared/learning'
import { screenBlob, TransientScreenError } from '../../src/main/services/bulk'
import { openDeskCore, documentWorkerScript } from '../../src/main/services/core/deskCore'
import { createPool } from '../db/pool'
import {
  BULK_DEAD_QUEUE,
  BULK_QUEUE,
  bulkJobSchema,
  ensureQueues,
  openBoss,
  WORKER_APPLICATION_PREFIX,
  type QueueSettings,
} from '../bulk/queue'
import { finishJob, relevanceArtefact, startJob } from '../bulk/results'
import { SoloGate } from './soloGate'

/** How long an idle lane waits before asking the queue again. */
const IDLE_POLL_MS = 500
/**
 * Jobs in flight per document thread: while one job waits on PostgreSQL (fetch, blob, result,
 * completion) another keeps the thread reading. With one, 4 workers on 2 cores ran at a third of
 * the desk's own rate over the same files.
 */
const LANES_PER_THREAD = 4
/** How long a stopping worker waits for its jobs in flight (the k8s grace period is 60 s). */
const STOP_GRACE_MS = 20_000

export type WorkerOptions = {
  databaseUrl: string
  /** Document worker threads; jobs in flight are LANES_PER_THREAD times this. */
  concurrency: number
  appRoot: string
  queue: QueueSettings
  maintenanceSeconds: number
  /** One JSON line per event on stdout, for supervisors, tests and logs. */
  emit(event: Record<string, unknown>): void
}

/**
 * A bulk worker: takes document jobs from pg-boss and screens each through the desk's own
 * pipeline, writing results under the job's tenant (RLS). Safe to kill at any moment: an
 * unfinished job's lease expires and another worker takes it; results are written once.
 */
export async function runWorker(options: WorkerOptions): Promise<{ stop: () => Promise<void> }> {
  const workerId = `${hostname()}:${process.pid}`
  const lanesCount = options.concurrency * LANES_PER_THREAD
  const db = createPool(options.databaseUrl, lanesCount + 2)
  const workerScript = documentWorkerScript(options.appRoot)
  if (!workerScript) {
    throw new Error(
      `no document worker under ${options.appRoot}/out/main: run \`npx electron-vite build\` first`,
    )
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'pebble-bulk-worker-'))
  const core = await openDeskCore({ dataDir, workerScript, workers: options.concurrency })
  const boss = await openBoss(options.databaseUrl, {
    maintenanceSeconds: options.maintenanceSeconds,
    max: lanesCount + 2,
    applicationName: `${WORKER_APPLICATION_PREFIX}${workerId}`,
  })
  await ensureQueues(boss, options.queue, options.databaseUrl)
  const models = new Map<string, Promise<RelevanceModel>>()
  const modelFor = (tenant: string, version: string) => {
    const key = `${tenant}\u0000${version}`
    let m = models.get(key)
    if (!m) {
      m = relevanceArtefact(db, tenant, version).then((json) =>
        parseRelevanceModel(json, `tenant ${tenant} relevance ${version}`),
      )
      models.set(key, m)
    }
    return m
  }

  const handle = async (job: PgBoss.JobWithMetadata<unknown>) => {
    const data = bulkJobSchema.parse(job.data)
    const context = await startJob(db, data.tenant, data.runId, data.ordinal)
    if (context === null || context.state !== 'queued') {
      options.emit({
        event: 'skipped',
        job: job.id,
        ordinal: data.ordinal,
        state: context?.state ?? 'missing',
      })
      return
    }
    options.emit({ event: 'started', job: job.id, ordinal: data.ordinal, name: context.name })
    const now = () => new Date()
    if (context.existing) {
      await finishJob(db, data.tenant, data.runId, data.ordinal, { reused: true }, workerId, now())
      options.emit({ event: 'done', ordinal: data.ordinal, state: 'screened', reused: true })
      return
    }
    const sha256 = createHash('sha256').update(context.bytes).digest('hex')
    const model = context.modelVersion
      ? { version: context.modelVersion, model: await modelFor(data.tenant, context.modelVersion) }
      : undefined
    try {
      const outcome = await screenBlob({
        core,
        name: context.name,
        bytes: context.bytes,
        sha256,
        profiles: context.profiles,
        ...(model ? { model } : {}),
        scratchDir: dataDir,
      })
      const write =
        'screened' in outcome
          ? { screened: outcome.screened, sha256, pipelineVersion: context.pipelineVersion }
          : outcome
      await finishJob(db, data.tenant, data.runId, data.ordinal, write, workerId, now())
      options.emit({
        event: 'done',
        ordinal: data.ordinal,
        state: 'screened' in outcome ? 'screened' : 'failed',
      })
    } catch (error) {
      // Thrown back to pg-boss: it retries with backoff, then dead-letters the job.
      const message =
        error instanceof TransientScreenError ? error.message : `${context.name}: ${String(error)}`
      options.emit({ event: 'retry', ordinal: data.ordinal, message })
      throw new Error(message)
    }
  }

  // A job that failed every attempt: its file fails with the last error, which names it.
  const handleDead = async (job: PgBoss.JobWithMetadata<unknown>) => {
    const data = bulkJobSchema.parse(job.data)
    const context = await startJob(db, data.tenant, data.runId, data.ordinal, false)
    if (context === null || context.state !== 'queued') return
    const attempts = options.queue.retryLimit + 1
    const last = lastError(job.output)
    const reason = `${context.name}: gave up after ${attempts} attempts${last ? `: ${last}` : ''}`
    await finishJob(db, data.tenant, data.runId, data.ordinal, { failed: reason }, workerId, new Date())
    options.emit({ event: 'done', ordinal: data.ordinal, state: 'failed', deadLetter: true })
  }

  // Lanes of our own over fetch/complete/fail rather than boss.work(): work() waits out its polling
  // interval after every job, which capped a lane at two files a second; a lane here only sleeps
  // when the queue is empty. A lane's failure goes back to pg-boss per job (retry, then dead letter).
  let stopping = false
  const gate = new SoloGate()
  const wakers = new Set<() => void>()
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS)
      function done() {
        clearTimeout(timer)
        wakers.delete(done)
        resolve()
      }
      wakers.add(done)
    })
  const lane = async (queue: string, handler: (job: PgBoss.JobWithMetadata<unknown>) => Promise<void>) => {
    while (!stopping) {
      const fetchOne = async () => {
        try {
          const [job] = await boss.fetch<unknown>(queue, { batchSize: 1, includeMetadata: true })
          return job
        } catch (error) {
          options.emit({ event: 'error', message: `fetch from ${queue}: ${String(error)}` })
          return undefined
        }
      }
      const admitted = await gate.admit(fetchOne, (job) => job.retryCount > 0)
      if (!admitted) {
        await pause()
        continue
      }
      const { job } = admitted
      try {
        await admitted.run(() => handler(job))
        await boss.complete(queue, job.id)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        await boss.fail(queue, job.id, { message }).catch(() => undefined)
      }
    }
  }
  const lanes = [
    ...Array.from({ length: lanesCount }, () => lane(BULK_QUEUE, handle)),
    lane(BULK_DEAD_QUEUE, handleDead),
  ]
  options.emit({ event: 'ready', worker: workerId, concurrency: options.concurrency })

  return {
    stop: async () => {
      stopping = true
      for (const wake of [...wakers]) wake()
      // Jobs in flight get a while to finish; one still running after that is simply left: its
      // lease expires and another worker takes it, as after a crash.
      await Promise.race([Promise.all(lanes), new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())])
      await boss.stop({ graceful: false, wait: true })
      await core.close()
      await db.end()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** pg-boss keeps the last error as the job's output: a thrown error, or its lease-timeout note. */
function lastError(output: unknown): string | null {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null | undefined
  const message = o?.message ?? o?.value?.message
  return typeof message === 'string' ? message : null
}
