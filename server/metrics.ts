import type { AckStatus } from '../src/shared/sync/wire'
import { renderDeskMetrics, type TenantDeskMetrics } from './desk-metrics-text'

/** Label values are escaped per the Prometheus text format (backslash, quote, newline). */
function labels(pairs: Record<string, string>): string {
  const body = Object.entries(pairs)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',')
  return body === '' ? '' : `{${body}}`
}

export type DeskGauge = {
  tenant: string
  desk: string
  secondsSinceIngest: number | null
  ingestLagSeconds: number | null
  queueDepth: number | null
  secondsSinceHeartbeat: number | null
}

/** The latest day of one model version's live figures (server/learning/drift.ts). */
export type ModelDayGauge = {
  tenant: string
  kind: string
  version: string
  day: string
  decisions: number
  meanConfidence: number
  handoverRate: number
  liveAccuracy: number | null
}

export type RolloutGauge = {
  tenant: string
  kind: string
  current: string
  previous: string | null
  state: 'green' | 'stable'
  greenShare: number
}

/** What /metrics reads from the database at scrape time, beyond the desks' gauges. */
export type ScrapeExtras = {
  /** Whether `select 1` answered within a second at this scrape. */
  databaseUp: boolean
  deskMetrics: readonly TenantDeskMetrics[]
}

const RATE_WINDOW_SECONDS = 60
/** The alert kinds the hub raises (server/alerts). */
const ALERT_KINDS = ['quiet-desk', 'ocr-accuracy']

/**
 * In-process counters. They restart at zero with the hub, which Prometheus' rate() handles; the
 * per-desk gauges come from the database so they survive restarts and agree across hubs.
 */
export class HubMetrics {
  private readonly records = new Map<string, { tenant: string; desk: string; status: AckStatus; n: number }>()
  private readonly errors = new Map<string, number>()
  private batches = 0
  // Per-second buckets over the last minute, for an ingest rate that needs no Prometheus query.
  private readonly buckets = new Map<number, number>()

  constructor(private readonly clock: () => Date) {}

  countBatch(tenant: string, desk: string, counts: Record<AckStatus, number>): void {
    this.batches += 1
    for (const status of ['stored', 'duplicate', 'rejected'] as const) {
      const key = `${tenant}\u0000${desk}\u0000${status}`
      const entry = this.records.get(key) ?? { tenant, desk, status, n: 0 }
      entry.n += counts[status]
      this.records.set(key, entry)
    }
    const second = Math.floor(this.clock().getTime() / 1000)
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + counts.stored + counts.duplicate)
    for (const s of this.buckets.keys()) if (s <= second - RATE_WINDOW_SECONDS) this.buckets.delete(s)
  }

  countError(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1)
  }

  ingestRate(): number {
    const now = Math.floor(this.clock().getTime() / 1000)
    let sum = 0
    for (const [s, n] of this.buckets) if (s > now - RATE_WINDOW_SECONDS) sum += n
    return sum / RATE_WINDOW_SECONDS
  }

  render(
    desks: readonly DeskGauge[],
    openAlerts: ReadonlyMap<string, ReadonlyMap<string, number>>,
    models: { days: readonly ModelDayGauge[]; rollouts: readonly RolloutGauge[] } = {
      days: [],
      rollouts: [],
    },
    extras: ScrapeExtras = { databaseUp: true, deskMetrics: [] },
  ): string {
    const out: string[] = []
    const family = (name: string, type: 'counter' | 'gauge' | 'histogram', help: string) =>
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)

    family('hub_database_up', 'gauge', 'Whether select 1 answered within a second at this scrape.')
    out.push(`hub_database_up ${extras.databaseUp ? 1 : 0}`)
    renderDeskMetrics(extras.deskMetrics, out, family, labels)

    family('hub_ingest_batches_total', 'counter', 'Ingest batches accepted since the hub started.')
    out.push(`hub_ingest_batches_total ${this.batches}`)
    family('hub_ingest_records_total', 'counter', 'Ingested records by desk and acknowledgement.')
    for (const r of this.records.values()) {
      out.push(
        `hub_ingest_records_total${labels({ tenant: r.tenant, desk: r.desk, status: r.status })} ${r.n}`,
      )
    }
    family(
      'hub_ingest_records_per_second',
      'gauge',
      `Records acknowledged per second over the last ${RATE_WINDOW_SECONDS}s.`,
    )
    out.push(`hub_ingest_records_per_second ${this.ingestRate()}`)
    family('hub_http_errors_total', 'counter', 'Error responses by error code.')
    for (const [code, n] of this.errors) out.push(`hub_http_errors_total${labels({ code })} ${n}`)

    const perDesk = (name: string, help: string, pick: (d: DeskGauge) => number | null) => {
      family(name, 'gauge', help)
      for (const d of desks) {
        const v = pick(d)
        if (v !== null) out.push(`${name}${labels({ tenant: d.tenant, desk: d.desk })} ${v}`)
      }
    }
    perDesk(
      'hub_desk_seconds_since_ingest',
      'Seconds since the desk last pushed a batch.',
      (d) => d.secondsSinceIngest,
    )
    perDesk(
      'hub_desk_ingest_lag_seconds',
      'Age of the oldest record in the latest batch of the desk when it arrived.',
      (d) => d.ingestLagSeconds,
    )
    perDesk('hub_desk_queue_depth', 'Outbox depth the desk last reported.', (d) => d.queueDepth)
    perDesk(
      'hub_desk_seconds_since_heartbeat',
      'Seconds since the last heartbeat of the desk.',
      (d) => d.secondsSinceHeartbeat,
    )
    // By kind, so Prometheus can page on quiet desks apart from OCR accuracy; the known kinds are
    // written as 0 when none is open, so a rule on them resolves instead of seeing nothing.
    family('hub_open_alerts', 'gauge', 'Alerts not yet resolved, by kind (quiet-desk, ocr-accuracy).')
    for (const [tenant, byKind] of openAlerts) {
      for (const kind of new Set([...ALERT_KINDS, ...byKind.keys()])) {
        out.push(`hub_open_alerts${labels({ tenant, kind })} ${byKind.get(kind) ?? 0}`)
      }
    }

    const perModel = (name: string, help: string, pick: (d: ModelDayGauge) => number | null) => {
      family(name, 'gauge', help)
      for (const d of models.days) {
        const v = pick(d)
        if (v !== null) {
          out.push(
            `${name}${labels({ tenant: d.tenant, kind: d.kind, version: d.version, day: d.day })} ${v}`,
          )
        }
      }
    }
    perModel(
      'hub_model_daily_decisions',
      'Decisions a model version scored on its latest day (served or in shadow).',
      (d) => d.decisions,
    )
    perModel(
      'hub_model_daily_mean_confidence',
      'Mean confidence max(p, 1-p) of a model version on its latest day.',
      (d) => d.meanConfidence,
    )
    perModel(
      'hub_model_daily_handover_rate',
      'Share of decisions below the confidence threshold (handed to a person) on the latest day.',
      (d) => d.handoverRate,
    )
    perModel(
      'hub_model_daily_live_accuracy',
      "Share of analysts' relevant/irrelevant decisions the version agreed with on its latest day.",
      (d) => d.liveAccuracy,
    )
    family('hub_model_serving', 'gauge', 'Model versions desks are served: role current or previous (blue).')
    for (const r of models.rollouts) {
      const base = { tenant: r.tenant, kind: r.kind }
      out.push(
        `hub_model_serving${labels({ ...base, version: r.current, role: 'current', state: r.state })} 1`,
      )
      if (r.previous !== null && r.state === 'green') {
        out.push(
          `hub_model_serving${labels({ ...base, version: r.previous, role: 'previous', state: r.state })} 1`,
        )
      }
    }
    family('hub_model_rollout_green_share', 'gauge', 'Share of desks on the green version (1 when stable).')
    for (const r of models.rollouts) {
      out.push(
        `hub_model_rollout_green_share${labels({ tenant: r.tenant, kind: r.kind, version: r.current })} ${r.greenShare}`,
      )
    }
    return `${out.join('\n')}\n`
  }
}
