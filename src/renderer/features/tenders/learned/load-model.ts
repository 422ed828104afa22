import type { TenantDb, ModelRow } from '../../../db'
import { modelSha256, parseRelevanceModel, type RelevanceModel } from '../../../../shared/learning'
import { MODEL_STATUS_KEY } from '../../../sync/model-fetch'
import { DEFAULT_REVIEW_THRESHOLD, type LearnedModelInfo } from './store'

export const REVIEW_THRESHOLD_KEY = 'review-threshold'

export interface LoadedModel {
  model: RelevanceModel | null
  info: LearnedModelInfo | null
  status: { state: string; message: string } | null
  threshold: number
}

/** A stored model that still parses and matches its fingerprint; else why not. */
function verify(row: ModelRow): RelevanceModel | string {
  try {
    const model = parseRelevanceModel(row.model, `stored model ${row.version}`)
    const sha = modelSha256(model)
    return sha === row.sha256 ? model : `stored model ${row.version} no longer matches its sha256`
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * The model to run: the current slot when it verifies, else the previous one (with a status saying
 * why), else none. Read again whenever the models table changes (the sync worker writes it).
 */
export async function loadModel(db: TenantDb): Promise<LoadedModel> {
  const [current, previous, status, threshold] = await Promise.all([
    db.models.get('relevance:current'),
    db.models.get('relevance:previous'),
    db.meta.get(MODEL_STATUS_KEY),
    db.meta.get(REVIEW_THRESHOLD_KEY),
  ])
  const stored = status?.value as { state?: unknown; message?: unknown } | undefined
  let shown =
    stored && typeof stored.state === 'string' && typeof stored.message === 'string'
      ? { state: stored.state, message: stored.message }
      : null
  const limit =
    typeof threshold?.value === 'number' && threshold.value > 0 && threshold.value <= 1
      ? threshold.value
      : DEFAULT_REVIEW_THRESHOLD
  for (const [row, fallback] of [
    [current, previous],
    [previous, undefined],
  ] as const) {
    if (!row) continue
    const model = verify(row)
    if (typeof model === 'string') {
      shown = { state: 'refused', message: `Not using ${row.version}: ${model}.` }
      continue
    }
    const info: LearnedModelInfo = {
      version: row.version,
      source: row.source,
      channel: row.channel,
      previous: fallback?.version ?? null,
    }
    return { model, info, status: shown, threshold: limit }
  }
  return { model: null, info: null, status: shown, threshold: limit }
}
