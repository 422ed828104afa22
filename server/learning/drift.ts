import { withTenant, type Db } from '../db/pool'
import type { RolloutRow } from './registry'

/** One model version's day: what drift looks like before it hurts. */
export interface DriftDay {
  kind: string
  version: string
  /** UTC day the analysts decided, YYYY-MM-DD. */
  day: string
  decisions: number
  labelled: number
  /** Mean of max(p, 1 - p) over the day's scored decisions. */
  meanConfidence: number
  /** Share of the day's decisions whose confidence was below the threshold: handed to a person. */
  handoverRate: number
  /** Share of labelled decisions (relevant/irrelevant) the version got right; null without labels. */
  liveAccuracy: number | null
}

export async function dailyDrift(db: Db, tenant: string, threshold: number, days = 60): Promise<DriftDay[]> {
  return withTenant(db, tenant, async (tx) => {
    const r = await tx.query<{
      kind: string
      version: string
      day: string
      decisions: string
      labelled: string
      mean_confidence: number
      handover_rate: number
      live_accuracy: number | null
    }>(
      `SELECT kind, version, to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              count(*) AS decisions, count(actual) AS labelled,
              avg(greatest(probability, 1 - probability))::float8 AS mean_confidence,
              avg((greatest(probability, 1 - probability) < $1)::int)::float8 AS handover_rate,
              (avg(((probability >= 0.5) = actual)::int) FILTER (WHERE actual IS NOT NULL))::float8 AS live_accuracy
         FROM model_scores
        WHERE decided_at >= (SELECT max(decided_at) FROM model_scores) - make_interval(days => $2)
        GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`,
      [threshold, days],
    )
    return r.rows.map((row) => ({
      kind: row.kind,
      version: row.version,
      day: row.day,
      decisions: Number(row.decisions),
      labelled: Number(row.labelled),
      meanConfidence: row.mean_confidence,
      handoverRate: row.handover_rate,
      liveAccuracy: row.live_accuracy,
    }))
  })
}

export interface RegistryVersion {
  kind: string
  version: string
  sha256: string
  status: string
  statusReason: string
  trigger: string
  trainingSetSize: number
  validationSetSize: number
  validationSplit: unknown
  metrics: unknown
  comparedWith: string | null
  comparedMetrics: unknown
  createdAt: string
  promotedAt: string | null
  rolledBackAt: string | null
}

export interface RegistryEvent {
  id: number
  kind: string
  version: string
  event: string
  reason: string
  at: string
  notifiedAt: string | null
}

export interface RegistryView {
  tenant: string
  versions: RegistryVersion[]
  rollouts: Array<{
    kind: string
    currentVersion: string
    previousVersion: string | null
    state: RolloutRow['state']
    greenShare: number
    since: string
  }>
  events: RegistryEvent[]
}

/** The tenant's registry as people and desks read it (no artefacts). */
export async function registryView(db: Db, tenant: string): Promise<RegistryView> {
  return withTenant(db, tenant, async (tx) => {
    const v = await tx.query<{
      kind: string
      version: string
      sha256: string
      status: string
      status_reason: string
      trigger: string
      training_set_size: number
      validation_set_size: number
      validation_split: unknown
      metrics: unknown
      compared_with: string | null
      compared_metrics: unknown
      created_at: Date
      promoted_at: Date | null
      rolled_back_at: Date | null
    }>(
      `SELECT kind, version, sha256, status, status_reason, trigger, training_set_size, validation_set_size,
              validation_split, metrics, compared_with, compared_metrics, created_at, promoted_at, rolled_back_at
         FROM model_versions ORDER BY created_at, version`,
    )
    const r = await tx.query<RolloutRow & { kind: string }>(
      'SELECT kind, current_version, previous_version, state, green_share, since FROM model_rollouts ORDER BY kind',
    )
    const e = await tx.query<{
      id: string
      kind: string
      version: string
      event: string
      reason: string
      at: Date
      notified_at: Date | null
    }>('SELECT id, kind, version, event, reason, at, notified_at FROM model_events ORDER BY id')
    return {
      tenant,
      versions: v.rows.map((row) => ({
        kind: row.kind,
        version: row.version,
        sha256: row.sha256,
        status: row.status,
        statusReason: row.status_reason,
        trigger: row.trigger,
        trainingSetSize: row.training_set_size,
        validationSetSize: row.validation_set_size,
        validationSplit: row.validation_split,
        metrics: row.metrics,
        comparedWith: row.compared_with,
        comparedMetrics: row.compared_metrics,
        createdAt: row.created_at.toISOString(),
        promotedAt: row.promoted_at?.toISOString() ?? null,
        rolledBackAt: row.rolled_back_at?.toISOString() ?? null,
      })),
      rollouts: r.rows.map((row) => ({
        kind: row.kind,
        currentVersion: row.current_version,
        previousVersion: row.previous_version,
        state: row.state,
        greenShare: row.green_share,
        since: row.since.toISOString(),
      })),
      events: e.rows.map((row) => ({
        id: Number(row.id),
        kind: row.kind,
        version: row.version,
        event: row.event,
        reason: row.reason,
        at: row.at.toISOString(),
        notifiedAt: row.notified_at?.toISOString() ?? null,
      })),
    }
  })
}
