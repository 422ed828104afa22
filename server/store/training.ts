import type {
  GroundTruthItem,
  GroundTruthPage,
  RetrainRule,
  RetrainStatus,
} from '../../src/shared/sync/hub-api'
import { TRAIN_PERCENT, type Split } from '../../src/shared/sync/split'
import { withTenant, type Db } from '../db/pool'

export async function recordTraining(
  db: Db,
  tenant: string,
  at: Date,
  modelVersion: string | null,
  note: string | null,
): Promise<void> {
  await withTenant(db, tenant, (tx) =>
    tx.query('INSERT INTO trainings (tenant_id, trained_at, model_version, note) VALUES ($1, $2, $3, $4)', [
      tenant,
      at,
      modelVersion,
      note,
    ]),
  )
}

export type RetrainPolicy = { maxAgeDays: number; window: number; threshold: number }

const DAY_MS = 86_400_000

export async function retrainStatus(
  db: Db,
  tenant: string,
  now: Date,
  policy: RetrainPolicy,
): Promise<RetrainStatus> {
  const { last, avg, samples } = await withTenant(db, tenant, async (tx) => {
    const t = await tx.query<{ last: Date | null }>('SELECT max(trained_at) AS last FROM trainings')
    // "Latest results" by when the desk produced them, not when they happened to arrive.
    const c = await tx.query<{ avg: number | null; n: string }>(
      `SELECT avg(confidence)::float8 AS avg, count(*) AS n FROM (
         SELECT confidence FROM ground_truth WHERE confidence IS NOT NULL
          ORDER BY occurred_at DESC, record_id DESC LIMIT $1) latest`,
      [policy.window],
    )
    return { last: t.rows[0]?.last ?? null, avg: c.rows[0]?.avg ?? null, samples: Number(c.rows[0]?.n ?? 0) }
  })
  const days = last === null ? null : (now.getTime() - last.getTime()) / DAY_MS
  const fired: Array<[RetrainRule, string]> = []
  if (days === null) fired.push(['never-trained', 'no training has been recorded for this tenant'])
  else if (days >= policy.maxAgeDays) {
    fired.push(['age', `${days.toFixed(1)} days since the last training (limit ${policy.maxAgeDays})`])
  }
  if (avg !== null && avg < policy.threshold) {
    fired.push([
      'confidence',
      `average confidence ${avg.toFixed(3)} over the latest ${samples} results is below ${policy.threshold}`,
    ])
  }
  const first = fired[0]
  return {
    tenant,
    due: first !== undefined,
    rule: first?.[0] ?? null,
    reason: first === undefined ? 'no rule fired' : fired.map(([, why]) => why).join('; '),
    lastTrainingAt: last?.toISOString() ?? null,
    daysSinceTraining: days === null ? null : Math.round(days * 100) / 100,
    maxAgeDays: policy.maxAgeDays,
    averageConfidence: avg,
    confidenceWindow: policy.window,
    confidenceSamples: samples,
    confidenceThreshold: policy.threshold,
  }
}

type GroundTruthRow = {
  record_id: string
  kind: GroundTruthItem['kind']
  desk_id: string
  split_key: string
  model_version: string | null
  confidence: number | null
  actor: string
  occurred_at: Date
  received_at: Date
  payload: GroundTruthItem['payload']
}

/**
 * One page of a split, in record-id (UUIDv7, i.e. creation) order. The bucket was fixed from the
 * document id at ingest, so paging while data arrives never shows a document on both sides.
 */
export async function groundTruthPage(
  db: Db,
  tenant: string,
  split: Split,
  limit: number,
  after: string | null,
): Promise<GroundTruthPage> {
  const rows = await withTenant(db, tenant, async (tx) => {
    const r = await tx.query<GroundTruthRow>(
      `SELECT record_id, kind, desk_id, split_key, model_version, confidence, actor, occurred_at, received_at, payload
         FROM ground_truth
        WHERE (split_bucket < $1) = $2 AND ($3::uuid IS NULL OR record_id > $3::uuid)
        ORDER BY record_id LIMIT $4`,
      [TRAIN_PERCENT, split === 'train', after, limit],
    )
    return r.rows
  })
  const items = rows.map((r) => ({
    recordId: r.record_id,
    kind: r.kind,
    deskId: r.desk_id,
    splitKey: r.split_key,
    modelVersion: r.model_version,
    confidence: r.confidence,
    actor: r.actor,
    occurredAt: r.occurred_at.toISOString(),
    receivedAt: r.received_at.toISOString(),
    payload: r.payload,
  }))
  const lastItem = items[items.length - 1]
  return { tenant, split, items, nextAfter: items.length === limit && lastItem ? lastItem.recordId : null }
}
