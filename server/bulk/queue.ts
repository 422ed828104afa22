import { createHash } from 'node:crypto'
import pg from 'pg'
import PgBoss from 'pg-boss'
import { z } from 'zod'
import { tenantIdSchema } from '../../src/shared/contract/schemas'

/** One queue for every tenant: the tenant rides in the job, and workers serve whoever is waiting. */
export const BULK_QUEUE = 'bulk-screen'
/** Where pg-boss moves a job that failed every attempt; a worker turns each into a named failure. */
export const BULK_DEAD_QUEUE = 'bulk-screen-dead'
/** pg-boss's own schema in the hub's database (its job table is `pgboss.job`, partitioned by queue). */
export const BOSS_SCHEMA = 'pgboss'

export const bulkJobSchema = z.strictObject({
  tenant: tenantIdSchema,
  runId: z.uuid(),
  ordinal: z.number().int().nonnegative(),
})
export type BulkJob = z.infer<typeof bulkJobSchema>

export type QueueSettings = {
  /** Attempts after the first before a job goes to the dead-letter queue. */
  retryLimit: number
  /** Seconds before the first retry; doubled (with jitter) each time. */
  retryDelaySeconds: number
  /** A worker's lease on a job: a job whose worker died is handed out again after this. */
  leaseSeconds: number
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  leaseSeconds: 300,
}

/** Same run and file, same job id: starting a run twice enqueues nothing twice. */
export function jobId(job: BulkJob): string {
  const h = createHash('sha256').update(`${job.tenant}\u0000${job.runId}\u0000${job.ordinal}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export async function openBoss(
  connectionString: string,
  options: { maintenanceSeconds?: number; supervise?: boolean; max?: number; applicationName?: string } = {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    schema: BOSS_SCHEMA,
    max: options.max ?? 4,
    supervise: options.supervise ?? true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
  })
  // pg-boss reports connection trouble here and retries on its own; unhandled, it would crash.
  boss.on('error', () => undefined)
  await boss.start()
  return boss
}

/**
 * Creates both queues once. pg-boss's create_queue is not locked: two creators at once (two workers
 * starting together, or a worker and the hub) deadlock in PostgreSQL, one holding the queue row while
 * the other attaches its partition. A session advisory lock held on a connection of our own makes
 * the creators take turns; the second then finds the queues there.
 */
export async function ensureQueues(
  boss: PgBoss,
  settings: QueueSettings,
  connectionString: string,
): Promise<void> {
  const create = async (name: string, options: Omit<PgBoss.Queue, 'name'>) => {
    if (await boss.getQueue(name)) return
    await boss.createQueue(name, { name, ...options })
  }
  const lock = new pg.Client({ connectionString })
  await lock.connect()
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('pebble-desk:${BULK_QUEUE}:create'))`)
    await create(BULK_DEAD_QUEUE, { retryLimit: 0, expireInSeconds: settings.leaseSeconds })
    await create(BULK_QUEUE, {
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: settings.leaseSeconds,
      deadLetter: BULK_DEAD_QUEUE,
    })
  } finally {
    // Ending the session releases the advisory lock.
    await lock.end()
  }
}

export async function enqueue(boss: PgBoss, jobs: readonly BulkJob[]): Promise<void> {
  for (let i = 0; i < jobs.length; i += 1000) {
    await boss.insert(jobs.slice(i, i + 1000).map((data) => ({ id: jobId(data), name: BULK_QUEUE, data })))
  }
}

/** Waiting jobs (created or retry) and the age of the oldest, per tenant: the autoscaler's input. */
export const QUEUE_DEPTH_SQL = `
  SELECT data->>'tenant' AS tenant, count(*)::int AS depth,
         COALESCE(EXTRACT(epoch FROM now() - min(created_on)), 0)::float8 AS oldest_seconds
    FROM ${BOSS_SCHEMA}.job
   WHERE name = '${BULK_QUEUE}' AND state IN ('created', 'retry')
   GROUP BY 1`

/** Bulk workers name their pg-boss connections so the hub can count live workers without a table. */
export const WORKER_APPLICATION_PREFIX = 'pebble-bulk-worker:'

export const WORKER_COUNT_SQL = `
  SELECT count(DISTINCT application_name)::int AS workers
    FROM pg_stat_activity
   WHERE datname = current_database() AND application_name LIKE '${WORKER_APPLICATION_PREFIX}%'`

/** Waiting and active jobs, all tenants: the supervisor's and KEDA's view of the queue. */
export const QUEUE_SNAPSHOT_SQL = `
  SELECT count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS depth,
         count(*) FILTER (WHERE state = 'active')::int AS active,
         COALESCE(EXTRACT(epoch FROM now() - min(created_on) FILTER (WHERE state IN ('created', 'retry'))), 0)::float8
           AS oldest_seconds
    FROM ${BOSS_SCHEMA}.job
   WHERE name = '${BULK_QUEUE}'`
