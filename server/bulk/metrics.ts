import type { Db } from '../db/pool'
import { BOSS_SCHEMA, QUEUE_DEPTH_SQL, WORKER_COUNT_SQL } from './queue'

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')

/**
 * The bulk queue at /metrics, read at scrape time from pg-boss's job table and from the workers'
 * live connections (pg_stat_activity), so every hub reports the same figures and a SIGKILLed
 * worker drops out of hub_bulk_workers as soon as PostgreSQL notices its sockets are gone.
 */
export async function bulkMetricsText(db: Db): Promise<string> {
  const out = [
    '# HELP hub_bulk_queue_depth Bulk-screening jobs waiting (created or retry) by tenant.',
    '# TYPE hub_bulk_queue_depth gauge',
  ]
  const age = [
    '# HELP hub_bulk_oldest_job_seconds Age of the oldest waiting bulk-screening job by tenant.',
    '# TYPE hub_bulk_oldest_job_seconds gauge',
  ]
  // Before the first bulk run pg-boss has not created its schema; the queue is then simply empty.
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('${BOSS_SCHEMA}.job') AS t`)
  if (exists.rows[0]?.t) {
    const r = await db.query<{ tenant: string; depth: number; oldest_seconds: number }>(QUEUE_DEPTH_SQL)
    for (const row of r.rows) {
      out.push(`hub_bulk_queue_depth{tenant="${escape(row.tenant)}"} ${row.depth}`)
      age.push(`hub_bulk_oldest_job_seconds{tenant="${escape(row.tenant)}"} ${row.oldest_seconds}`)
    }
  }
  const workers = await db.query<{ workers: number }>(WORKER_COUNT_SQL)
  out.push(
    ...age,
    '# HELP hub_bulk_workers Bulk-screening worker processes connected to the database.',
    '# TYPE hub_bulk_workers gauge',
    `hub_bulk_workers ${workers.rows[0]?.workers ?? 0}`,
  )
  return `${out.join('\n')}\n`
}
