import type { FastifyInstance } from 'fastify'
import type { HubDeps } from '../app'
import { withTenant } from '../db/pool'
import { listTenants } from '../store/desks'
import type { DeskGauge } from '../metrics'

type DeskRow = {
  desk_id: string
  last_ingest_at: Date | null
  last_ingest_lag_seconds: number | null
  reported_queue_depth: number | null
  last_heartbeat_at: Date | null
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
    const openAlerts = new Map<string, number>()
    for (const tenant of await listTenants(deps.db)) {
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
        const a = await tx.query<{ n: string }>('SELECT count(*) AS n FROM alerts WHERE resolved_at IS NULL')
        openAlerts.set(tenant, Number(a.rows[0]?.n ?? 0))
      })
    }
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(deps.metrics.render(desks, openAlerts))
  })
}
