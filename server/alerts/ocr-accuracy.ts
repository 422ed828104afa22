import { randomUUID } from 'node:crypto'
import { withTenant, type Db } from '../db/pool'
import { tenantOcrAccuracy } from '../store/desk-metrics'
import { broadcast, type WebhookSender } from './webhook'

/** The seed's threshold: OCR must read at least 95% of reviewed characters right. */
export const OCR_ACCURACY_THRESHOLD = 0.95

/** An OCR-accuracy alert is about the whole tenant, not one desk. */
export const TENANT_WIDE_DESK = '*'

type OpenAlert = { id: string; notified_at: Date | null }

export type OcrAlertOutcome = 'opened' | 'resolved' | null

/**
 * Opens an `ocr-accuracy` alert when the tenant's pooled accuracy (from its desks' latest
 * heartbeats) is below the threshold, re-sends the notice until a webhook takes it, and resolves
 * it once accuracy is back at or above the threshold. A tenant with nothing reviewed yet has no
 * accuracy and neither opens nor resolves anything.
 */
export async function tickOcrAccuracy(
  db: Db,
  tenant: string,
  now: Date,
  send: WebhookSender,
  webhooks: readonly string[],
): Promise<{ outcome: OcrAlertOutcome; delivered: boolean }> {
  const accuracy = await tenantOcrAccuracy(db, tenant)
  const open = await withTenant(db, tenant, async (tx) => {
    const r = await tx.query<OpenAlert>(
      `SELECT id, notified_at FROM alerts
        WHERE resolved_at IS NULL AND kind = 'ocr-accuracy' AND desk_id = $1`,
      [TENANT_WIDE_DESK],
    )
    return r.rows[0] ?? null
  })
  if (accuracy === null) return { outcome: null, delivered: true }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const figures =
    `${pct(accuracy.accuracy)} (${accuracy.correctedChars} of ${accuracy.reviewedChars} reviewed ` +
    `characters corrected)`

  if (open !== null && accuracy.accuracy >= OCR_ACCURACY_THRESHOLD) {
    await stamp(db, tenant, open.id, 'resolved_at', now)
    const text = `:white_check_mark: OCR accuracy of tenant ${tenant} is back to ${figures}; alert ${open.id} resolved.`
    return { outcome: 'resolved', delivered: await broadcast(send, webhooks, text) }
  }
  if (accuracy.accuracy >= OCR_ACCURACY_THRESHOLD) return { outcome: null, delivered: true }

  let id = open?.id ?? null
  let outcome: OcrAlertOutcome = null
  if (id === null) {
    id = randomUUID()
    const inserted = await withTenant(db, tenant, (tx) =>
      tx.query(
        `INSERT INTO alerts (tenant_id, id, desk_id, opened_at, kind) VALUES ($1, $2, $3, $4, 'ocr-accuracy')
         ON CONFLICT (tenant_id, kind, desk_id) WHERE resolved_at IS NULL DO NOTHING`,
        [tenant, id, TENANT_WIDE_DESK, now],
      ),
    )
    if (inserted.rowCount !== 1) return { outcome: null, delivered: true } // another hub opened it
    outcome = 'opened'
  } else if (open?.notified_at !== null) return { outcome: null, delivered: true }

  const text =
    `:warning: OCR accuracy of tenant ${tenant} is ${figures}, below ` +
    `${pct(OCR_ACCURACY_THRESHOLD)}: people are correcting what OCR read. Alert ${id}.`
  const delivered = await broadcast(send, webhooks, text)
  if (delivered) await stamp(db, tenant, id, 'notified_at', now)
  return { outcome, delivered }
}

async function stamp(db: Db, tenant: string, id: string, column: 'notified_at' | 'resolved_at', at: Date) {
  await withTenant(db, tenant, (tx) => tx.query(`UPDATE alerts SET ${column} = $2 WHERE id = $1`, [id, at]))
}
