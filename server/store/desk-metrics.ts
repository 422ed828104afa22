import { z } from 'zod'
import { latencyHistogramSchema, type DeskMetrics, type LatencyHistogram } from '../../src/shared/sync'
import { withTenant, type Db, type Tx } from '../db/pool'
import type { DeskIdentity } from './desks'

/** Replaces the desk's latest metrics; a heartbeat without metrics leaves them as they were. */
export async function saveDeskMetrics(db: Db, desk: DeskIdentity, at: Date, m: DeskMetrics): Promise<void> {
  const ocr = m.ocrAccuracy ?? null
  await withTenant(db, desk.tenantId, (tx) =>
    tx.query(
      `INSERT INTO desk_metrics (tenant_id, desk_id, reported_at, api_latency, worker_queue_depth,
              ocr_page_count, ocr_page_seconds, ocr_reviewed_chars, ocr_corrected_chars, ocr_accuracy)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, desk_id) DO UPDATE SET
         reported_at = EXCLUDED.reported_at, api_latency = EXCLUDED.api_latency,
         worker_queue_depth = EXCLUDED.worker_queue_depth, ocr_page_count = EXCLUDED.ocr_page_count,
         ocr_page_seconds = EXCLUDED.ocr_page_seconds, ocr_reviewed_chars = EXCLUDED.ocr_reviewed_chars,
         ocr_corrected_chars = EXCLUDED.ocr_corrected_chars, ocr_accuracy = EXCLUDED.ocr_accuracy`,
      [
        desk.tenantId,
        desk.deskId,
        at,
        JSON.stringify(m.apiLatency ?? {}),
        m.workerQueueDepth ?? null,
        m.ocrPages?.count ?? null,
        m.ocrPages?.sumSeconds ?? null,
        ocr?.reviewedChars ?? null,
        ocr?.correctedChars ?? null,
        ocr?.accuracy ?? null,
      ],
    ),
  )
}

export type DeskMetricsRow = {
  desk: string
  apiLatency: Record<string, LatencyHistogram>
  workerQueueDepth: number | null
  ocrPages: { count: number; sumSeconds: number } | null
  ocrAccuracy: number | null
}

// Re-checked on the way out: a row written by an older hub must not put a malformed line in /metrics.
const storedLatency = z.record(z.string(), latencyHistogramSchema).catch({})

/** The latest metrics of the tenant's live (not retired) desks, in desk order. */
export async function deskMetricsOf(tx: Tx): Promise<DeskMetricsRow[]> {
  const r = await tx.query<{
    desk_id: string
    api_latency: unknown
    worker_queue_depth: number | null
    ocr_page_count: string | null
    ocr_page_seconds: number | null
    ocr_accuracy: number | null
  }>(
    `SELECT m.desk_id, m.api_latency, m.worker_queue_depth, m.ocr_page_count, m.ocr_page_seconds,
            m.ocr_accuracy
       FROM desk_metrics m JOIN desks d ON d.desk_id = m.desk_id
      WHERE d.retired_at IS NULL ORDER BY m.desk_id`,
  )
  return r.rows.map((row) => ({
    desk: row.desk_id,
    apiLatency: storedLatency.parse(row.api_latency),
    workerQueueDepth: row.worker_queue_depth,
    ocrPages:
      row.ocr_page_count === null
        ? null
        : { count: Number(row.ocr_page_count), sumSeconds: row.ocr_page_seconds ?? 0 },
    ocrAccuracy: row.ocr_accuracy,
  }))
}

export type TenantOcrAccuracy = { reviewedChars: number; correctedChars: number; accuracy: number }

/**
 * The tenant's OCR accuracy over its live desks: each desk reports the characters its people
 * reviewed and corrected, so pooling them weighs every reviewed character the same. Null until
 * some desk has reviewed anything.
 */
export async function tenantOcrAccuracy(db: Db, tenant: string): Promise<TenantOcrAccuracy | null> {
  const r = await withTenant(db, tenant, (tx) =>
    tx.query<{ reviewed: string | null; corrected: string | null }>(
      `SELECT sum(m.ocr_reviewed_chars) AS reviewed, sum(m.ocr_corrected_chars) AS corrected
         FROM desk_metrics m JOIN desks d ON d.desk_id = m.desk_id
        WHERE d.retired_at IS NULL AND m.ocr_reviewed_chars IS NOT NULL`,
    ),
  )
  const reviewed = Number(r.rows[0]?.reviewed ?? 0)
  const corrected = Number(r.rows[0]?.corrected ?? 0)
  if (reviewed === 0) return null
  return {
    reviewedChars: reviewed,
    correctedChars: corrected,
    accuracy: Math.max(0, 1 - corrected / reviewed),
  }
}
