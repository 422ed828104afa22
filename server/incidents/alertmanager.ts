import { z } from 'zod'
import type { Db } from '../db/pool'
import { severitySchema, type Calendar } from './model'
import { openIncident, resolveBySource } from './store'

/** Alertmanager's webhook body (version 4), as far as the hub reads it. */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupKey: z.string(),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: z.object({ alertname: z.string().min(1), severity: severitySchema }).catchall(z.string()),
        annotations: z.record(z.string(), z.string()).default({}),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }).or(z.literal('0001-01-01T00:00:00Z')),
        fingerprint: z.string().min(1).max(64),
      }),
    )
    .max(1_000),
})
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>

export type WebhookOutcome = { opened: string[]; resolved: string[] }

/**
 * One incident per alert (Alertmanager's fingerprint is stable for a label set): a firing alert
 * opens one unless it is already open, a resolved alert resolves it. Alertmanager repeats
 * notifications, so both are idempotent.
 */
export async function applyAlertmanager(
  db: Db,
  payload: AlertmanagerPayload,
  now: Date,
  calendar: Calendar,
): Promise<WebhookOutcome> {
  const out: WebhookOutcome = { opened: [], resolved: [] }
  for (const alert of payload.alerts) {
    const { alertname, severity, tenant, desk } = alert.labels
    if (alert.status === 'resolved') {
      const r = await resolveBySource(db, 'alertmanager', alert.fingerprint, now, `${alertname} resolved`)
      if (r !== null) out.resolved.push(r.id)
      continue
    }
    const { incident, created } = await openIncident(
      db,
      {
        source: 'alertmanager',
        sourceKey: alert.fingerprint,
        severity,
        title: alert.annotations.summary ?? alertname,
        tenant: tenant ?? null,
        desk: desk ?? null,
        runbook: alert.annotations.runbook ?? null,
      },
      // Detection is when the condition began, not when this notification got here.
      new Date(Math.min(Date.parse(alert.startsAt), now.getTime())),
      calendar,
    )
    if (created) out.opened.push(incident.id)
  }
  return out
}
