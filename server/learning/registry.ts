import {
  FEATURE_EXTRACTOR_ID,
  isValidation,
  parseRelevanceModel,
  PROMOTION_MARGIN,
  decidePromotion,
  VALIDATION_SHARE,
  type BinaryMetrics,
  type LabelledExample,
  type RelevanceModel,
  type SparseFeatures,
  TrainingError,
} from '../../src/shared/learning'
import { sha256Hex } from '../../src/shared/crypto'
import type { ServedModel, TrainReport } from '../../src/shared/sync/hub-api'
import { withTenant, type Db, type Tx } from '../db/pool'
import { scoreOnValidation } from './candidate'
import type { Trainer } from './worker'

export type ModelKind = 'relevance'

/** A labelled example with where it came from: the document (its split key) and the deciding record. */
export interface TenantExample extends LabelledExample {
  recordId: string
}

/**
 * The tenant's training set: per document, its latest decision that carries features of the
 * current extractor. A document whose latest word is `needs-review` was reopened and is left out;
 * the example id is the document id, so a document keeps its side of the split even when an analyst
 * decides it again (a new record) as more data arrives.
 */
export async function loadExamples(tx: Tx): Promise<TenantExample[]> {
  const r = await tx.query<{
    document_id: string
    record_id: string
    decision: string
    features: SparseFeatures
  }>(
    `SELECT DISTINCT ON (t.document_id) t.document_id, t.record_id, t.decision, r.payload->'features'->'values' AS features
       FROM tender_decisions t JOIN ingest_records r ON r.tenant_id = t.tenant_id AND r.id = t.record_id
      WHERE r.payload->'features'->>'extractor' = $1
      ORDER BY t.document_id, t.decided_at DESC, t.record_id DESC`,
    [FEATURE_EXTRACTOR_ID],
  )
  return r.rows
    .filter((row) => row.decision === 'relevant' || row.decision === 'irrelevant')
    .map((row) => ({
      id: row.document_id,
      recordId: row.record_id,
      features: row.features,
      relevant: row.decision === 'relevant',
    }))
}

export interface RolloutRow {
  current_version: string
  previous_version: string | null
  state: 'green' | 'stable'
  green_share: number
  since: Date
}

export async function readRollout(tx: Tx, kind: ModelKind): Promise<RolloutRow | null> {
  const r = await tx.query<RolloutRow>(
    'SELECT current_version, previous_version, state, green_share, since FROM model_rollouts WHERE kind = $1',
    [kind],
  )
  return r.rows[0] ?? null
}

export async function readModel(
  tx: Tx,
  kind: ModelKind,
  version: string,
): Promise<{ model: RelevanceModel; sha256: string; artefact: string }> {
  const r = await tx.query<{ artefact: string; sha256: string }>(
    'SELECT artefact, sha256 FROM model_versions WHERE kind = $1 AND version = $2',
    [kind, version],
  )
  const row = r.rows[0]
  if (row === undefined) throw new Error(`model ${kind} ${version} is not in the registry`)
  const model = parseRelevanceModel(JSON.parse(row.artefact), `registry ${kind} ${version}`)
  return { model, sha256: row.sha256, artefact: row.artefact }
}

/** Serialises registry writes per tenant and kind (two hubs, or the CLI beside the hub). */
async function lockRegistry(tx: Tx, tenant: string, kind: ModelKind): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`model-registry:${tenant}:${kind}`])
}

export async function addEvent(
  tx: Tx,
  tenant: string,
  kind: ModelKind,
  version: string,
  event: 'promoted' | 'rejected' | 'rolled-back' | 'rollout-complete',
  reason: string,
  details: Record<string, unknown>,
  at: Date,
  alert: boolean,
): Promise<void> {
  await tx.query(
    `INSERT INTO model_events (tenant_id, kind, version, event, reason, details, at, alert)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [tenant, kind, version, event, reason, JSON.stringify(details), at, alert],
  )
}

export interface RolloutPolicy {
  /** Share of desks that get a newly promoted version first (the rest keep the previous one). */
  greenShare: number
}

export interface TrainOutcome {
  report: TrainReport
  /** False when the candidate was identical to a version already registered (nothing was added). */
  recorded: boolean
}

const SPLIT_DESCRIPTION = {
  method: 'fnv1a("split-v1:" + documentId) % 10000 < share * 10000',
  key: 'documentId',
  share: VALIDATION_SHARE,
  source: 'latest tender.decision per document with features; needs-review left out',
} as const

/**
 * Trains a candidate for the tenant (with `trainer`: in a worker for the hub, in-process for the
 * CLI), records it with its split and metrics, and promotes it only if it beats the current version
 * on the same validation split by PROMOTION_MARGIN. A promotion starts a blue-green rollout. Either
 * way a training is recorded, so retrain-status starts counting again.
 */
export async function trainAndRecord(
  db: Db,
  tenant: string,
  kind: ModelKind,
  now: Date,
  trigger: string,
  trainer: Trainer,
  policy: RolloutPolicy,
): Promise<TrainOutcome> {
  const { examples, current } = await withTenant(db, tenant, async (tx) => {
    const rollout = await readRollout(tx, kind)
    return {
      examples: await loadExamples(tx),
      current: rollout === null ? null : (await readModel(tx, kind, rollout.current_version)).model,
    }
  })
  if (examples.length === 0) {
    throw new TrainingError(
      `tenant ${tenant} has no relevant/irrelevant decision with features (${FEATURE_EXTRACTOR_ID}) to train on`,
    )
  }
  const output = await trainer({
    examples: examples.map(({ id, features, relevant }) => ({ id, features, relevant })),
    current,
    now: now.toISOString(),
  })
  const candidate = output.model
  const validation = candidate.metrics.validation

  return withTenant(db, tenant, async (tx) => {
    await lockRegistry(tx, tenant, kind)
    // The current version may have changed while the candidate trained: compare with the one now.
    const rollout = await readRollout(tx, kind)
    let compared: { version: string; metrics: BinaryMetrics } | null = null
    if (rollout !== null) {
      const metrics =
        current !== null && current.version === rollout.current_version && output.currentMetrics !== null
          ? output.currentMetrics
          : scoreOnValidation((await readModel(tx, kind, rollout.current_version)).model, examples)
      compared = { version: rollout.current_version, metrics }
    }
    const existing = await tx.query<{ status: string; sha256: string }>(
      'SELECT status, sha256 FROM model_versions WHERE kind = $1 AND version = $2',
      [kind, candidate.version],
    )
    const decision =
      existing.rows[0] !== undefined
        ? {
            promoted: false,
            reason: `the candidate is identical to ${candidate.version}, already in the registry (${existing.rows[0].status}); nothing new was learned`,
          }
        : decidePromotion(validation.n, 'F1', validation.f1, compared?.version, compared?.metrics.f1)

    const recorded = existing.rows[0] === undefined
    if (recorded) {
      const artefact = JSON.stringify(candidate)
      await tx.query(
        `INSERT INTO model_versions (tenant_id, kind, version, artefact, sha256, feature_extractor, training_set_size,
           validation_set_size, validation_split, metrics, compared_with, compared_metrics, status, status_reason,
           trigger, created_at, promoted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          tenant,
          kind,
          candidate.version,
          artefact,
          sha256Hex(artefact),
          candidate.featureExtractor,
          candidate.trainedOn.examples,
          validation.n,
          JSON.stringify(SPLIT_DESCRIPTION),
          JSON.stringify(validation),
          compared?.version ?? null,
          compared === null ? null : JSON.stringify(compared.metrics),
          decision.promoted ? 'promoted' : 'rejected',
          decision.reason,
          trigger,
          now,
          decision.promoted ? now : null,
        ],
      )
      const split = examples.map((e) => ({
        document_id: e.id,
        record_id: e.recordId,
        split: isValidation(e.id) ? 'validation' : 'train',
      }))
      await tx.query(
        `INSERT INTO model_split_records (tenant_id, kind, version, document_id, record_id, split)
         SELECT $1, $2, $3, r.document_id, r.record_id, r.split
           FROM jsonb_to_recordset($4::jsonb) AS r(document_id text, record_id uuid, split text)`,
        [tenant, kind, candidate.version, JSON.stringify(split)],
      )
      const details = { validation, comparedWith: compared, trigger, margin: PROMOTION_MARGIN }
      if (decision.promoted) {
        const green = rollout !== null && policy.greenShare < 1
        await tx.query(
          `INSERT INTO model_rollouts (tenant_id, kind, current_version, previous_version, state, green_share, since, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
           ON CONFLICT (tenant_id, kind) DO UPDATE SET current_version = EXCLUDED.current_version,
             previous_version = EXCLUDED.previous_version, state = EXCLUDED.state, green_share = EXCLUDED.green_share,
             since = EXCLUDED.since, updated_at = EXCLUDED.updated_at`,
          [
            tenant,
            kind,
            candidate.version,
            rollout?.current_version ?? null,
            rollout === null ? 'stable' : 'green',
            rollout === null ? 1 : policy.greenShare,
            now,
          ],
        )
        const rolloutNote =
          rollout === null
            ? 'first model: every desk gets it'
            : green
              ? `green on ${Math.round(policy.greenShare * 100)}% of desks, the rest keep ${rollout.current_version} until live accuracy decides`
              : `on every desk, ${rollout.current_version} scored in shadow until live accuracy decides`
        await addEvent(
          tx,
          tenant,
          kind,
          candidate.version,
          'promoted',
          `${decision.reason}; ${rolloutNote}`,
          details,
          now,
          true,
        )
      } else {
        await addEvent(tx, tenant, kind, candidate.version, 'rejected', decision.reason, details, now, false)
      }
    }
    await tx.query(
      'INSERT INTO trainings (tenant_id, trained_at, model_version, note) VALUES ($1, $2, $3, $4)',
      [
        tenant,
        now,
        candidate.version,
        `${trigger}: ${decision.promoted ? 'promoted' : 'not promoted'}: ${decision.reason}`,
      ],
    )
    const { precision, recall, f1, accuracy, n } = validation
    return {
      recorded,
      report: {
        version: candidate.version,
        // An identical candidate is reported as the registered version desks would fetch.
        sha256: existing.rows[0]?.sha256 ?? output.sha256,
        trainedOn: candidate.trainedOn,
        metrics: { validation: { precision, recall, f1, accuracy, n } },
        promoted: decision.promoted,
        reason: decision.reason,
      },
    }
  })
}

/** 0-99 from the desk id and the green version: which desks try a new version is fixed per version. */
export function rolloutBucket(deskId: string, version: string): number {
  return parseInt(sha256Hex(`rollout:${version}:${deskId}`).slice(0, 8), 16) % 100
}

export function isGreenDesk(
  deskId: string,
  rollout: Pick<RolloutRow, 'state' | 'current_version' | 'green_share'>,
): boolean {
  return (
    rollout.state === 'green' && rolloutBucket(deskId, rollout.current_version) < rollout.green_share * 100
  )
}

/** The model this desk should run now, or null when the tenant has no promoted model yet. */
export async function servedModel(
  db: Db,
  tenant: string,
  deskId: string,
  kind: ModelKind,
): Promise<ServedModel | null> {
  return withTenant(db, tenant, async (tx) => {
    const rollout = await readRollout(tx, kind)
    if (rollout === null) return null
    const sha = async (version: string) =>
      (
        await tx.query<{ sha256: string }>(
          'SELECT sha256 FROM model_versions WHERE kind = $1 AND version = $2',
          [kind, version],
        )
      ).rows[0]?.sha256 ?? ''
    let channel: ServedModel['channel'] = 'stable'
    let version = rollout.current_version
    let previous: string | null = rollout.previous_version
    if (rollout.state === 'green' && rollout.previous_version !== null) {
      if (isGreenDesk(deskId, rollout)) channel = 'green'
      else {
        channel = 'blue'
        version = rollout.previous_version
        previous = null
      }
    }
    const { artefact, sha256 } = await readModel(tx, kind, version)
    return {
      tenant,
      kind,
      version,
      sha256,
      channel,
      previous: previous === null ? null : { version: previous, sha256: await sha(previous) },
      rollout: {
        state: rollout.state,
        greenVersion: rollout.state === 'green' ? rollout.current_version : null,
        greenShare: rollout.state === 'green' ? rollout.green_share : 1,
        since: rollout.since.toISOString(),
      },
      model: JSON.parse(artefact) as ServedModel['model'],
    }
  })
}
