import {
  probabilityOf,
  PROMOTION_MARGIN,
  TrainingError,
  type RelevanceModel,
  type SparseFeatures,
} from '../../src/shared/learning'
import { broadcast, type WebhookSender } from '../alerts/webhook'
import type { HubConfig } from '../config'
import { withTenant, type Db, type Tx } from '../db/pool'
import { listTenants } from '../store/desks'
import { retrainStatus } from '../store/training'
import {
  addEvent,
  readModel,
  readRollout,
  trainAndRecord,
  type ModelKind,
  type RolloutRow,
  type TrainOutcome,
} from './registry'
import type { Trainer } from './worker'

type LearningConfig = Pick<
  HubConfig,
  | 'RETRAIN_MAX_AGE_DAYS'
  | 'RETRAIN_CONFIDENCE_WINDOW'
  | 'RETRAIN_CONFIDENCE_THRESHOLD'
  | 'ROLLOUT_GREEN_SHARE'
  | 'ROLLOUT_MIN_SAMPLES'
  | 'ROLLOUT_FULL_AFTER'
  | 'ALERT_WEBHOOKS'
>

export type LearningTickSummary = {
  scored: number
  trained: Array<{ tenant: string; rule: string; outcome: TrainOutcome['report'] }>
  skipped: Array<{ tenant: string; reason: string }>
  rolledBack: Array<{ tenant: string; version: string; reason: string }>
  completed: Array<{ tenant: string; version: string }>
  alertsSent: number
  failedDeliveries: number
}

const KIND: ModelKind = 'relevance'
const SCORE_BATCH = 5_000

type DecisionRow = {
  record_id: string
  desk_id: string
  decision: string
  decided_at: Date
  model_version: string | null
  features: SparseFeatures | null
  learned: number | null
}

export type LiveComparison = {
  n: number
  greenAccuracy: number | null
  previousAccuracy: number | null
  scored: number
  greenConfidence: number | null
  previousConfidence: number | null
}

/**
 * The learning loop the hub runs on a timer (tests call tick() directly): scores decisions that
 * arrived since the versions in use went live, rolls a green version back when it does worse than
 * the previous one, finishes a rollout that held up, retrains tenants whose retrain-status is due
 * (in a worker thread), and delivers the alerts of promotions and rollbacks.
 */
export class LearningMonitor {
  private running: Promise<LearningTickSummary> | null = null
  /** When training last failed per tenant (e.g. one label only): retried once new decisions arrive. */
  private readonly failedAt = new Map<string, Date>()

  constructor(
    private readonly db: Db,
    private readonly config: LearningConfig,
    private readonly clock: () => Date,
    private readonly send: WebhookSender,
    private readonly trainer: Trainer,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  tick(): Promise<LearningTickSummary> {
    this.running ??= this.runTick().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async runTick(): Promise<LearningTickSummary> {
    const summary: LearningTickSummary = {
      scored: 0,
      trained: [],
      skipped: [],
      rolledBack: [],
      completed: [],
      alertsSent: 0,
      failedDeliveries: 0,
    }
    for (const tenant of await listTenants(this.db)) {
      // One tenant's failure (a crashed worker, a damaged artefact) must not stop the others' loop.
      try {
        summary.scored += await this.scoreLive(tenant)
        await this.evaluateRollout(tenant, summary)
        await this.retrainIfDue(tenant, summary)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        summary.skipped.push({ tenant, reason: `learning tick failed: ${message}` })
        this.log(`learning tick failed for ${tenant}: ${message}`)
      }
      await this.deliverAlerts(tenant, summary)
    }
    return summary
  }

  /** Scores every decision that arrived since the rollout began with each version in use. */
  async scoreLive(tenant: string): Promise<number> {
    return withTenant(this.db, tenant, async (tx) => {
      const rollout = await readRollout(tx, KIND)
      if (rollout === null) return 0
      const versions = [rollout.current_version]
      if (rollout.state === 'green' && rollout.previous_version !== null)
        versions.push(rollout.previous_version)
      let scored = 0
      for (const version of versions) {
        const { model } = await readModel(tx, KIND, version)
        scored += await this.scoreWith(tx, tenant, model, rollout.since)
      }
      return scored
    })
  }

  private async scoreWith(tx: Tx, tenant: string, model: RelevanceModel, since: Date): Promise<number> {
    const r = await tx.query<DecisionRow>(
      `SELECT t.record_id, r.desk_id, t.decision, t.decided_at, t.model_version,
              CASE WHEN r.payload->'features'->>'extractor' = $4 THEN r.payload->'features'->'values' END AS features,
              (r.payload->>'learnedProbability')::float8 AS learned
         FROM tender_decisions t JOIN ingest_records r ON r.tenant_id = t.tenant_id AND r.id = t.record_id
        WHERE r.received_at > $1
          AND NOT EXISTS (SELECT 1 FROM model_scores s WHERE s.kind = $2 AND s.version = $3 AND s.record_id = t.record_id)
        ORDER BY t.record_id LIMIT ${SCORE_BATCH}`,
      [since, KIND, model.version, model.featureExtractor],
    )
    const rows = r.rows.flatMap((d) => {
      const served = d.model_version === model.version
      // What the desk showed the analyst, when it ran this version; otherwise the hub's own score.
      const probability =
        served && d.learned !== null
          ? d.learned
          : d.features === null
            ? null
            : probabilityOf(model, d.features)
      if (probability === null) return []
      return [
        {
          record_id: d.record_id,
          desk_id: d.desk_id,
          probability,
          actual: d.decision === 'relevant' ? true : d.decision === 'irrelevant' ? false : null,
          served,
          decided_at: d.decided_at.toISOString(),
        },
      ]
    })
    if (rows.length === 0) return 0
    await tx.query(
      `INSERT INTO model_scores (tenant_id, kind, version, record_id, desk_id, probability, actual, served, decided_at, scored_at)
       SELECT $1, $2, $3, s.record_id, s.desk_id, s.probability, s.actual, s.served, s.decided_at, $5
         FROM jsonb_to_recordset($4::jsonb)
           AS s(record_id uuid, desk_id text, probability float8, actual boolean, served boolean, decided_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [tenant, KIND, model.version, JSON.stringify(rows), this.clock()],
    )
    return rows.length
  }

  /** Green against previous on the same decisions: accuracy over labelled ones, confidence over all. */
  static async compare(tx: Tx, rollout: RolloutRow): Promise<LiveComparison> {
    const r = await tx.query<{
      n: string
      scored: string
      green_accuracy: number | null
      previous_accuracy: number | null
      green_confidence: number | null
      previous_confidence: number | null
    }>(
      `SELECT count(*) FILTER (WHERE g.actual IS NOT NULL) AS n, count(*) AS scored,
              avg(((g.probability >= 0.5) = g.actual)::int) FILTER (WHERE g.actual IS NOT NULL)::float8 AS green_accuracy,
              avg(((b.probability >= 0.5) = b.actual)::int) FILTER (WHERE b.actual IS NOT NULL)::float8 AS previous_accuracy,
              avg(greatest(g.probability, 1 - g.probability))::float8 AS green_confidence,
              avg(greatest(b.probability, 1 - b.probability))::float8 AS previous_confidence
         FROM model_scores g JOIN model_scores b ON b.kind = g.kind AND b.record_id = g.record_id AND b.version = $3
        WHERE g.kind = $1 AND g.version = $2`,
      [KIND, rollout.current_version, rollout.previous_version],
    )
    const row = r.rows[0]
    return {
      n: Number(row?.n ?? 0),
      scored: Number(row?.scored ?? 0),
      greenAccuracy: row?.green_accuracy ?? null,
      previousAccuracy: row?.previous_accuracy ?? null,
      greenConfidence: row?.green_confidence ?? null,
      previousConfidence: row?.previous_confidence ?? null,
    }
  }

  /**
   * Rolls the green version back when, over at least ROLLOUT_MIN_SAMPLES decisions both versions
   * scored, its live accuracy is below the previous version's by more than the promotion margin, or
   * its mean confidence fell below the retraining threshold and below the previous version's by more
   * than the margin. A rollout that held up over ROLLOUT_FULL_AFTER labelled decisions completes.
   */
  async evaluateRollout(tenant: string, summary: LearningTickSummary): Promise<void> {
    const now = this.clock()
    const min = this.config.ROLLOUT_MIN_SAMPLES
    const threshold = this.config.RETRAIN_CONFIDENCE_THRESHOLD
    await withTenant(this.db, tenant, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`model-registry:${tenant}:${KIND}`])
      const rollout = await readRollout(tx, KIND)
      if (rollout === null || rollout.state !== 'green' || rollout.previous_version === null) return
      const live = await LearningMonitor.compare(tx, rollout)
      const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3))
      let reason: string | null = null
      if (
        live.n >= min &&
        live.greenAccuracy !== null &&
        live.previousAccuracy !== null &&
        live.greenAccuracy < live.previousAccuracy - PROMOTION_MARGIN
      ) {
        reason =
          `live accuracy ${fmt(live.greenAccuracy)} over ${live.n} decisions is below ${rollout.previous_version}'s ` +
          `${fmt(live.previousAccuracy)} on the same decisions by more than ${PROMOTION_MARGIN}`
      } else if (
        live.scored >= min &&
        live.greenConfidence !== null &&
        live.previousConfidence !== null &&
        live.greenConfidence < threshold &&
        live.greenConfidence < live.previousConfidence - PROMOTION_MARGIN
      ) {
        reason =
          `mean confidence ${fmt(live.greenConfidence)} over ${live.scored} decisions is below the threshold ${threshold} ` +
          `and below ${rollout.previous_version}'s ${fmt(live.previousConfidence)} by more than ${PROMOTION_MARGIN}`
      }
      const details = { ...live, previous: rollout.previous_version, since: rollout.since.toISOString() }
      if (reason !== null) {
        await tx.query(
          `UPDATE model_rollouts SET current_version = $2, previous_version = NULL, state = 'stable', green_share = 1,
                  since = $3, updated_at = $3 WHERE kind = $1`,
          [KIND, rollout.previous_version, now],
        )
        await tx.query(
          `UPDATE model_versions SET status = 'rolled-back', status_reason = $3, rolled_back_at = $4
            WHERE kind = $1 AND version = $2`,
          [KIND, rollout.current_version, reason, now],
        )
        await addEvent(
          tx,
          tenant,
          KIND,
          rollout.current_version,
          'rolled-back',
          `${reason}; every desk is back on ${rollout.previous_version}`,
          details,
          now,
          true,
        )
        summary.rolledBack.push({ tenant, version: rollout.current_version, reason })
      } else if (live.n >= this.config.ROLLOUT_FULL_AFTER) {
        await tx.query(
          `UPDATE model_rollouts SET state = 'stable', green_share = 1, updated_at = $2 WHERE kind = $1`,
          [KIND, now],
        )
        await addEvent(
          tx,
          tenant,
          KIND,
          rollout.current_version,
          'rollout-complete',
          `live accuracy ${fmt(live.greenAccuracy)} vs ${fmt(live.previousAccuracy)} for ${rollout.previous_version} over ${live.n} decisions; every desk gets it now`,
          details,
          now,
          true,
        )
        summary.completed.push({ tenant, version: rollout.current_version })
      }
    })
  }

  /** Trains a candidate in the worker when retrain-status says due and there is something new to learn. */
  async retrainIfDue(tenant: string, summary: LearningTickSummary): Promise<void> {
    const now = this.clock()
    const status = await retrainStatus(this.db, tenant, now, {
      maxAgeDays: this.config.RETRAIN_MAX_AGE_DAYS,
      window: this.config.RETRAIN_CONFIDENCE_WINDOW,
      threshold: this.config.RETRAIN_CONFIDENCE_THRESHOLD,
    })
    if (!status.due || status.rule === null) return
    const newest = await withTenant(this.db, tenant, async (tx) => {
      const r = await tx.query<{ newest: Date | null }>(
        `SELECT max(r.received_at) AS newest FROM tender_decisions t
           JOIN ingest_records r ON r.tenant_id = t.tenant_id AND r.id = t.record_id
          WHERE r.payload ? 'features'`,
      )
      return r.rows[0]?.newest ?? null
    })
    if (newest === null) {
      summary.skipped.push({ tenant, reason: 'retraining is due but no decision carries features' })
      return
    }
    const failed = this.failedAt.get(tenant)
    const lastTraining = status.lastTrainingAt === null ? null : new Date(status.lastTrainingAt)
    const lastTry = [failed, status.rule === 'age' ? undefined : (lastTraining ?? undefined)]
      .filter((d): d is Date => d !== undefined)
      .reduce<Date | null>((a, b) => (a === null || b > a ? b : a), null)
    if (lastTry !== null && newest <= lastTry) {
      summary.skipped.push({
        tenant,
        reason: `retraining is due (${status.rule}) but no decision arrived since the last attempt`,
      })
      return
    }
    try {
      const outcome = await trainAndRecord(
        this.db,
        tenant,
        KIND,
        now,
        `retrain:${status.rule}`,
        this.trainer,
        {
          greenShare: this.config.ROLLOUT_GREEN_SHARE,
        },
      )
      this.failedAt.delete(tenant)
      summary.trained.push({ tenant, rule: status.rule, outcome: outcome.report })
      this.log(`retrained ${tenant} (${status.rule}): ${outcome.report.version} ${outcome.report.reason}`)
    } catch (error) {
      if (!(error instanceof TrainingError)) throw error
      this.failedAt.set(tenant, now)
      summary.skipped.push({ tenant, reason: error.message })
    }
  }

  async deliverAlerts(tenant: string, summary: LearningTickSummary): Promise<void> {
    const { sent, failed } = await deliverModelAlerts(
      this.db,
      tenant,
      this.send,
      this.config.ALERT_WEBHOOKS,
      this.clock,
    )
    summary.alertsSent += sent
    summary.failedDeliveries += failed
  }
}

/** Sends the alert of every promotion/rollback not yet delivered (a failed one is retried next tick). */
export async function deliverModelAlerts(
  db: Db,
  tenant: string,
  send: WebhookSender,
  urls: readonly string[],
  clock: () => Date,
): Promise<{ sent: number; failed: number }> {
  const pending = await withTenant(db, tenant, async (tx) => {
    const r = await tx.query<{
      id: string
      kind: string
      version: string
      event: string
      reason: string
      at: Date
    }>(
      'SELECT id, kind, version, event, reason, at FROM model_events WHERE alert AND notified_at IS NULL ORDER BY id',
    )
    return r.rows
  })
  let sent = 0
  let failed = 0
  for (const e of pending) {
    const icon = e.event === 'rolled-back' ? ':rotating_light:' : ':rocket:'
    const what =
      e.event === 'rolled-back'
        ? 'rolled back'
        : e.event === 'rollout-complete'
          ? 'fully rolled out'
          : e.event
    const text = `${icon} Model ${e.kind} ${e.version} (tenant ${tenant}) ${what} at ${e.at.toISOString()}: ${e.reason}`
    if (await broadcast(send, urls, text)) {
      await withTenant(db, tenant, (tx) =>
        tx.query('UPDATE model_events SET notified_at = $2 WHERE id = $1', [e.id, clock()]),
      )
      sent += 1
    } else failed += 1
  }
  return { sent, failed }
}
