import type { HubConfig } from '../config'
import { acknowledgeAlert } from '../alerts/monitor'
import { broadcast, type WebhookSender } from '../alerts/webhook'
import { withTenant, type Db } from '../db/pool'
import { listTenants } from '../store/desks'
import type { Calendar, Severity } from './model'
import {
  escalateOverdue,
  moveIncident,
  openIncident,
  resolveBySource,
  type Incident,
  type NewIncident,
} from './store'

type MonitorConfig = Pick<HubConfig, 'BUSINESS_HOURS' | 'BUSINESS_TZ' | 'ESCALATION_WEBHOOKS' | 'PUBLIC_URL'>

type AlertRow = {
  id: string
  kind: string
  desk_id: string
  opened_at: Date
  acknowledged_at: Date | null
  acknowledged_by: string | null
  resolved_at: Date | null
}

export type IncidentTick = { opened: number; acknowledged: number; resolved: number; escalated: Incident[] }

/** What each kind of hub alert means for on-call; an unknown kind is a SEV-3 ticket. */
const KINDS: Record<string, { severity: Severity; runbook: string; what: string }> = {
  'quiet-desk': {
    severity: 'SEV-2',
    runbook: 'docs/runbooks/quiet-desk.md',
    what: 'quiet in business hours',
  },
  'ocr-accuracy': {
    severity: 'SEV-3',
    runbook: 'docs/runbooks/ocr-accuracy-drop.md',
    what: 'OCR accuracy below 95%',
  },
}

function describe(alert: AlertRow, tenant: string): NewIncident {
  const kind = KINDS[alert.kind] ?? { severity: 'SEV-3', runbook: null, what: `${alert.kind} alert` }
  // '*' is a tenant-wide alert (server/alerts/ocr-accuracy.ts).
  const desk = alert.desk_id === '*' ? null : alert.desk_id
  return {
    source: 'hub-monitor',
    sourceKey: alert.id,
    severity: kind.severity,
    title:
      desk === null ? `Tenant ${tenant}: ${kind.what}` : `Desk "${desk}" (tenant ${tenant}) ${kind.what}`,
    tenant,
    desk,
    runbook: kind.runbook,
  }
}

export function calendarOf(config: Pick<HubConfig, 'BUSINESS_HOURS' | 'BUSINESS_TZ'>): Calendar {
  return { hours: config.BUSINESS_HOURS, timeZone: config.BUSINESS_TZ }
}

/**
 * Keeps incidents in step with the hub's own alerts (server/alerts decides when a desk is quiet or
 * a tenant's OCR accuracy low; an incident follows each alert: opened, acknowledged, resolved),
 * then escalates every incident whose deadline has passed. tick() runs on the serve timer and is
 * called directly with a controlled clock in tests.
 */
export class IncidentMonitor {
  private running: Promise<IncidentTick> | null = null

  constructor(
    private readonly db: Db,
    private readonly config: MonitorConfig,
    private readonly clock: () => Date,
    private readonly send: WebhookSender,
  ) {}

  tick(): Promise<IncidentTick> {
    this.running ??= this.runTick().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async runTick(): Promise<IncidentTick> {
    const calendar = calendarOf(this.config)
    const summary: IncidentTick = { opened: 0, acknowledged: 0, resolved: 0, escalated: [] }
    for (const tenant of await listTenants(this.db)) {
      await this.followAlerts(tenant, calendar, summary)
    }
    summary.escalated = await escalateOverdue(this.db, this.clock(), calendar)
    for (const incident of summary.escalated) {
      await broadcast(
        this.send,
        this.config.ESCALATION_WEBHOOKS,
        escalationText(incident, this.config.PUBLIC_URL),
      )
    }
    return summary
  }

  private async followAlerts(tenant: string, calendar: Calendar, summary: IncidentTick): Promise<void> {
    // Open alerts, and the alerts behind this tenant's open incidents, to see those resolve.
    const open = await this.db.query<{ source_key: string; detected_at: Date }>(
      `SELECT source_key, detected_at FROM incidents
        WHERE source = 'hub-monitor' AND tenant_id = $1 AND state IN ('detected', 'acknowledged',
              'investigating', 'mitigating', 'rollback')`,
      [tenant],
    )
    const openKeys = new Set(open.rows.map((r) => r.source_key))
    const alerts = await withTenant(this.db, tenant, (tx) =>
      tx.query<AlertRow>(
        `SELECT id, kind, desk_id, opened_at, acknowledged_at, acknowledged_by, resolved_at
           FROM alerts WHERE resolved_at IS NULL OR id = ANY($1::uuid[])`,
        [[...openKeys]],
      ),
    )
    for (const alert of alerts.rows) {
      if (alert.resolved_at !== null) {
        const r = await resolveBySource(
          this.db,
          'hub-monitor',
          alert.id,
          alert.resolved_at,
          `the hub's ${alert.kind} alert cleared`,
        )
        if (r !== null) summary.resolved += 1
        continue
      }
      const { incident, created } = await openIncident(
        this.db,
        describe(alert, tenant),
        alert.opened_at,
        calendar,
      )
      if (created) summary.opened += 1
      // Acknowledged the old way (POST /v1/tenants/:t/alerts/:id/ack): the incident follows.
      if (incident.state === 'detected' && alert.acknowledged_at !== null) {
        await moveIncident(
          this.db,
          incident.id,
          'acknowledged',
          alert.acknowledged_by ?? 'ops',
          alert.acknowledged_at,
          calendar,
        )
        summary.acknowledged += 1
      }
    }
  }
}

/** Acknowledging an incident born of a hub alert acknowledges that alert too. */
export async function acknowledgeSource(db: Db, incident: Incident, by: string, at: Date): Promise<void> {
  if (incident.source === 'hub-monitor' && incident.tenant !== null) {
    await acknowledgeAlert(db, incident.tenant, incident.sourceKey, by, at)
  }
}

function escalationText(incident: Incident, publicUrl: string | undefined): string {
  const missed = incident.state === 'detected' ? 'nobody has acknowledged it' : `still ${incident.state}`
  const link = `${publicUrl?.replace(/\/$/, '') ?? ''}/v1/ops/incidents`
  return (
    `:rotating_light: ESCALATED (level ${incident.escalationLevel}) ${incident.severity} incident ` +
    `${incident.id}: ${incident.title}. Detected ${incident.detectedAt}; ${missed}; next deadline ` +
    `${incident.deadlineAt ?? '–'}. Runbook: ${incident.runbook ?? '–'}. ${link}`
  )
}
