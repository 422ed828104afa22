import { randomUUID } from 'node:crypto'
import type { HubConfig } from '../config'
import { withTenant, type Db } from '../db/pool'
import { listTenants } from '../store/desks'
import { businessMinutesBetween } from './business-hours'
import { tickOcrAccuracy } from './ocr-accuracy'
import { broadcast, type WebhookSender } from './webhook'

type AlertConfig = Pick<
  HubConfig,
  | 'BUSINESS_HOURS'
  | 'BUSINESS_TZ'
  | 'QUIET_MINUTES'
  | 'ALERT_WEBHOOKS'
  | 'ESCALATION_WEBHOOKS'
  | 'ESCALATE_AFTER_MINUTES'
  | 'PUBLIC_URL'
>

type DeskRow = { desk_id: string; last_ingest_at: Date }
type AlertRow = {
  id: string
  desk_id: string
  opened_at: Date
  notified_at: Date | null
  escalated_at: Date | null
  acknowledged_at: Date | null
}

export type TickSummary = { opened: number; escalated: number; resolved: number; failedDeliveries: number }

/**
 * Quiet-desk alerts. A desk is "active" once it has ingested anything; it alerts when it has been
 * quiet for more than QUIET_MINUTES of business time, escalates when nobody acknowledged within
 * ESCALATE_AFTER_MINUTES, and resolves when it ingests again. Each tick also checks every tenant's
 * OCR accuracy (./ocr-accuracy.ts). tick() is driven by a timer in
 * production and called directly with an injected clock in tests.
 */
export class AlertMonitor {
  private running: Promise<TickSummary> | null = null

  constructor(
    private readonly db: Db,
    private readonly config: AlertConfig,
    private readonly clock: () => Date,
    private readonly send: WebhookSender,
  ) {}

  /** Single-flight: a slow webhook must not let two ticks open the same alert twice. */
  tick(): Promise<TickSummary> {
    this.running ??= this.runTick().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async runTick(): Promise<TickSummary> {
    const summary: TickSummary = { opened: 0, escalated: 0, resolved: 0, failedDeliveries: 0 }
    for (const tenant of await listTenants(this.db)) {
      await this.tickTenant(tenant, summary)
      const ocr = await tickOcrAccuracy(this.db, tenant, this.clock(), this.send, this.config.ALERT_WEBHOOKS)
      if (ocr.outcome === 'opened') summary.opened += 1
      if (ocr.outcome === 'resolved') summary.resolved += 1
      if (!ocr.delivered) summary.failedDeliveries += 1
    }
    return summary
  }

  private async tickTenant(tenant: string, summary: TickSummary): Promise<void> {
    const now = this.clock()
    const { desks, open } = await withTenant(this.db, tenant, async (tx) => ({
      desks: (
        await tx.query<DeskRow>(
          'SELECT desk_id, last_ingest_at FROM desks WHERE last_ingest_at IS NOT NULL AND retired_at IS NULL',
        )
      ).rows,
      open: (
        await tx.query<AlertRow>(
          `SELECT id, desk_id, opened_at, notified_at, escalated_at, acknowledged_at
             FROM alerts WHERE resolved_at IS NULL AND kind = 'quiet-desk'`,
        )
      ).rows,
    }))
    const openByDesk = new Map(open.map((a) => [a.desk_id, a]))
    const { BUSINESS_HOURS, BUSINESS_TZ, QUIET_MINUTES } = this.config

    for (const desk of desks) {
      const alert = openByDesk.get(desk.desk_id)
      if (alert !== undefined && desk.last_ingest_at > alert.opened_at) {
        await this.resolve(tenant, desk, alert, now, summary)
        continue
      }
      const quiet = businessMinutesBetween(
        desk.last_ingest_at,
        now,
        BUSINESS_HOURS,
        BUSINESS_TZ,
        QUIET_MINUTES,
      )
      if (alert === undefined) {
        if (quiet > QUIET_MINUTES) await this.open(tenant, desk, now, summary)
        continue
      }
      if (alert.notified_at === null) await this.notify(tenant, desk, alert, summary)
      const escalateAt = alert.opened_at.getTime() + this.config.ESCALATE_AFTER_MINUTES * 60_000
      if (alert.acknowledged_at === null && alert.escalated_at === null && now.getTime() >= escalateAt) {
        await this.escalate(tenant, desk, alert, now, summary)
      }
    }
  }

  private async open(tenant: string, desk: DeskRow, now: Date, summary: TickSummary): Promise<void> {
    const id = randomUUID()
    const inserted = await withTenant(this.db, tenant, (tx) =>
      tx.query(
        `INSERT INTO alerts (tenant_id, id, desk_id, opened_at, kind) VALUES ($1, $2, $3, $4, 'quiet-desk')
         ON CONFLICT (tenant_id, kind, desk_id) WHERE resolved_at IS NULL DO NOTHING`,
        [tenant, id, desk.desk_id, now],
      ),
    )
    if (inserted.rowCount !== 1) return // another hub opened it first
    summary.opened += 1
    await this.notify(tenant, desk, { id, opened_at: now }, summary)
  }

  private async notify(
    tenant: string,
    desk: DeskRow,
    alert: Pick<AlertRow, 'id' | 'opened_at'>,
    summary: TickSummary,
  ): Promise<void> {
    const text =
      `:warning: Pebble Desk "${desk.desk_id}" (tenant ${tenant}) has sent nothing since ` +
      `${desk.last_ingest_at.toISOString()} (more than ${this.config.QUIET_MINUTES} business minutes). ` +
      `Alert ${alert.id}; acknowledge: POST ${this.ackUrl(tenant, alert.id)}`
    if (await broadcast(this.send, this.config.ALERT_WEBHOOKS, text)) {
      await this.stamp(tenant, alert.id, 'notified_at', this.clock())
    } else summary.failedDeliveries += 1
  }

  private async escalate(tenant: string, desk: DeskRow, alert: AlertRow, now: Date, summary: TickSummary) {
    const text =
      `:rotating_light: ESCALATED: Pebble Desk "${desk.desk_id}" (tenant ${tenant}) quiet since ` +
      `${desk.last_ingest_at.toISOString()}; alert ${alert.id} opened ${alert.opened_at.toISOString()} ` +
      `was not acknowledged within ${this.config.ESCALATE_AFTER_MINUTES} minutes. ` +
      `Acknowledge: POST ${this.ackUrl(tenant, alert.id)}`
    if (await broadcast(this.send, this.config.ESCALATION_WEBHOOKS, text)) {
      await this.stamp(tenant, alert.id, 'escalated_at', now)
      summary.escalated += 1
    } else summary.failedDeliveries += 1
  }

  private async resolve(tenant: string, desk: DeskRow, alert: AlertRow, now: Date, summary: TickSummary) {
    await this.stamp(tenant, alert.id, 'resolved_at', now)
    summary.resolved += 1
    const text = `:white_check_mark: Pebble Desk "${desk.desk_id}" (tenant ${tenant}) is sending again; alert ${alert.id} resolved.`
    const urls =
      alert.escalated_at === null
        ? this.config.ALERT_WEBHOOKS
        : [...this.config.ALERT_WEBHOOKS, ...this.config.ESCALATION_WEBHOOKS]
    if (!(await broadcast(this.send, urls, text))) summary.failedDeliveries += 1
  }

  private async stamp(
    tenant: string,
    id: string,
    column: 'notified_at' | 'escalated_at' | 'resolved_at',
    at: Date,
  ) {
    await withTenant(this.db, tenant, (tx) =>
      tx.query(`UPDATE alerts SET ${column} = $2 WHERE id = $1`, [id, at]),
    )
  }

  private ackUrl(tenant: string, id: string): string {
    const base = this.config.PUBLIC_URL?.replace(/\/$/, '') ?? ''
    return `${base}/v1/tenants/${tenant}/alerts/${id}/ack`
  }
}

/** Marks an alert acknowledged, which stops its escalation; false when no such open alert. */
export async function acknowledgeAlert(
  db: Db,
  tenant: string,
  id: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const r = await withTenant(db, tenant, (tx) =>
    tx.query(
      `UPDATE alerts SET acknowledged_at = $2, acknowledged_by = $3
        WHERE id = $1 AND acknowledged_at IS NULL AND resolved_at IS NULL`,
      [id, at, by],
    ),
  )
  return r.rowCount === 1
}
