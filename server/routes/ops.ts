import type { FastifyInstance } from 'fastify'
import type { HubDeps } from '../app'
import { withTenant } from '../db/pool'
import { listTenants } from '../store/desks'
import { dailyDrift } from '../learning/drift'
import type { TenantDeskMetrics } from '../desk-metrics-text'
import type { DeskGauge, ModelDayGauge, RolloutGauge } from '../metrics'
import { deskMetricsOf } from '../store/desk-metrics'
import { bulkMetricsText } from '../bulk/metrics'

type DeskRow = {
  desk_id: string
  last_ingest_at: Date | null
  last_ingest_lag_seconds: number | null
  reported_queue_depth: number | null
  last_heartbeat_at: Date | null
}

const DATABASE_PROBE_MS = 1_000

/** True when `select 1` answers within a second; a hung connection counts as down. */
async function databaseAnswers(db: HubDeps['db']): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_PROBE_MS)
  })
  try {
    return await Promise.race([
      db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}

export function opsRoutes(app: FastifyInstance, deps: HubDeps): void {
  app.get('/v1/health', async (_request, reply) => {
    try {
      await deps.db.query('SELECT 1')
      return { ok: true, database: 'up', time: deps.clock().toISOString() }
    } catch {
      return reply.code(503).send({ ok: false, database: 'down', time: deps.clock().toISOString() })
    }
  })

  // Bound to loopback by default; put it behind the reverse proxy's auth if HOST is widened.
  app.get('/metrics', async (_request, reply) => {
    const now = deps.clock().getTime()
    const since = (d: Date | null) => (d === null ? null : Math.max(0, (now - d.getTime()) / 1000))
    const desks: DeskGauge[] = []
    const openAlerts = new Map<string, Map<string, number>>()
    const days: ModelDayGauge[] = []
    const rollouts: RolloutGauge[] = []
    const deskMetrics: TenantDeskMetrics[] = []
    // With the database down the in-process counters and hub_database_up 0 still get scraped.
    const databaseUp = await databaseAnswers(deps.db)
    for (const tenant of databaseUp ? await listTenants(deps.db) : []) {
      // Per version, its latest day only: the history is on the dashboard (/v1/ops/models).
      const latest = new Map<string, ModelDayGauge>()
      for (const d of await dailyDrift(deps.db, tenant, deps.config.RETRAIN_CONFIDENCE_THRESHOLD, 1)) {
        latest.set(`${d.kind}\u0000${d.version}`, { tenant, ...d })
      }
      days.push(...latest.values())
      await withTenant(deps.db, tenant, async (tx) => {
        const r = await tx.query<DeskRow>(
          `SELECT desk_id, last_ingest_at, last_ingest_lag_seconds, reported_queue_depth, last_heartbeat_at
             FROM desks WHERE retired_at IS NULL ORDER BY desk_id`,
        )
        for (const d of r.rows) {
          desks.push({
            tenant,
            desk: d.desk_id,
            secondsSinceIngest: since(d.last_ingest_at),
            ingestLagSeconds: d.last_ingest_lag_seconds,
            queueDepth: d.reported_queue_depth,
            secondsSinceHeartbeat: since(d.last_heartbeat_at),
          })
        }
        for (const m of await deskMetricsOf(tx)) deskMetrics.push({ tenant, ...m })
        const a = await tx.query<{ kind: string; n: string }>(
          'SELECT kind, count(*) AS n FROM alerts WHERE resolved_at IS NULL GROUP BY kind',
        )
        openAlerts.set(tenant, new Map(a.rows.map((r) => [r.kind, Number(r.n)])))
        const ro = await tx.query<{
          kind: string
          current_version: string
          previous_version: string | null
          state: 'green' | 'stable'
          green_share: number
        }>(
          'SELECT kind, current_version, previous_version, state, green_share FROM model_rollouts ORDER BY kind',
        )
        for (const row of ro.rows) {
          rollouts.push({
            tenant,
            kind: row.kind,
            current: row.current_version,
            previous: row.previous_version,
            state: row.state,
            greenShare: row.green_share,
          })
        }
      })
    }
    return reply
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(
        deps.metrics.render(desks, openAlerts, { days, rollouts }, { databaseUp, deskMetrics }) +
          (databaseUp ? await bulkMetricsText(deps.db) : ''),
      )
  })
}
