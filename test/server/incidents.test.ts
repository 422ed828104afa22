import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AlertMonitor } from '../../server/alerts/monitor'
import { postWebhook } from '../../server/alerts/webhook'
import { withTenant } from '../../server/db/pool'
import { runIncidentsCli } from '../../server/incidents/cli'
import { IncidentMonitor } from '../../server/incidents/monitor'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { correction, postIngest } from './support/records'

// OPS-006: the escalation chain walked with a clock the test moves by hand, against a real hub on
// PostgreSQL and a local webhook receiver standing in for the on-call channels.
type Received = { path: string; text: string }
let receiver: Server
let received: Received[] = []
let hub: TestHub
let now = new Date('2026-03-02T09:00:00.000Z') // a Monday
const at = (iso: string) => {
  now = new Date(iso)
}
let alerts: AlertMonitor
let incidents: IncidentMonitor
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      received.push({ path: req.url ?? '', text: (JSON.parse(body) as { text: string }).text })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  hub = await startTestHub({
    clock: () => now,
    env: {
      BUSINESS_HOURS: 'mon-fri 08:00-18:00',
      BUSINESS_TZ: 'UTC',
      QUIET_MINUTES: '30',
      ESCALATE_AFTER_MINUTES: '20',
      ALERT_WEBHOOKS: `${base}/ops`,
      ESCALATION_WEBHOOKS: `${base}/on-call`,
      PUBLIC_URL: 'https://hub.example',
    },
  })
  alerts = new AlertMonitor(hub.db, hub.config, () => now, postWebhook)
  incidents = new IncidentMonitor(hub.db, hub.config, () => now, postWebhook)
})
afterAll(async () => {
  await hub.close()
  await new Promise((r) => receiver.close(r))
})

/** Escalation pages about incidents (the quiet-desk alert's own pages are tested in alerts.test.ts). */
function incidentPages(): Received[] {
  const out = received.filter((r) => r.text.includes(' incident '))
  received = []
  return out
}

async function tickAt(iso: string, options: { alerts: boolean } = { alerts: true }) {
  at(iso)
  if (options.alerts) await alerts.tick()
  return incidents.tick()
}
// Later days: alpha-desk is quiet again, and its new quiet-desk alert is not what these tests watch.
const incidentsOnly = { alerts: false }

type IncidentJson = { id: string; state: string; escalationLevel: number; deadlineAt: string | null }
async function move(id: string, to: string, by = 'ops.maria') {
  const r = await fetch(`${hub.url}/v1/incidents/${id}/move`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ to, by }),
  })
  return { status: r.status, body: (await r.json()) as IncidentJson & { message?: string } }
}

async function cli(...args: string[]): Promise<{ code: number; json: unknown }> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  // The database line every hub command prints on stderr.
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    const code = await runIncidentsCli([...args, '--database-url', hub.database.url], {}, () => now)
    return { code, json: out === '' ? null : JSON.parse(out) }
  } finally {
    spy.mockRestore()
    quiet.mockRestore()
  }
}

async function alertmanager(status: 'firing' | 'resolved', labels: Record<string, string>, startsAt: string) {
  const body = {
    version: '4',
    status,
    receiver: 'hub',
    groupKey: '{}:{alertname="x"}',
    alerts: [
      {
        status,
        labels,
        annotations: { summary: `${labels.alertname ?? ''} fired`, runbook: 'docs/runbooks/hub-db-down.md' },
        startsAt,
        endsAt: '0001-01-01T00:00:00Z',
        fingerprint: `fp-${labels.alertname ?? ''}`,
      },
    ],
  }
  return fetch(`${hub.url}/v1/ops/alertmanager`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify(body),
  })
}

describe('incidents (OPS-006)', () => {
  it('a desk whose heartbeats stop walks Detected → Escalated → Acknowledged → Investigating → Escalated → Mitigating → Rollback → Mitigating → Resolved', async () => {
    const token = await hub.desk('alpha', 'alpha-desk')
    at('2026-03-02T09:00:00.000Z')
    expect((await postIngest(hub.url, token, { records: [correction('alpha')] })).status).toBe(200)

    // The desk goes silent; 31 business minutes later the quiet-desk alert opens, and its incident.
    expect(await tickAt('2026-03-02T09:31:00.000Z')).toMatchObject({ opened: 1, escalated: [] })
    const list = await (await fetch(`${hub.url}/v1/incidents`, { headers: admin })).json()
    const incident = (list as { incidents: Array<IncidentJson & Record<string, unknown>> }).incidents[0]
    expect(incident).toMatchObject({
      severity: 'SEV-2',
      state: 'detected',
      desk: 'alpha-desk',
      tenant: 'alpha',
      runbook: 'docs/runbooks/quiet-desk.md',
      detectedAt: '2026-03-02T09:31:00.000Z',
      deadlineAt: '2026-03-02T13:31:00.000Z', // SEV-2: four hours to acknowledge
    })
    const id = incident?.id ?? ''
    const page = await (await fetch(`${hub.url}/v1/ops/incidents`, { headers: admin })).text()
    expect(page).toContain('Desk &quot;alpha-desk&quot; (tenant alpha) quiet in business hours')
    expect((await fetch(`${hub.url}/v1/ops/incidents`)).status).toBe(401)

    // Nobody acknowledges: one minute short of the deadline nothing happens, at it the incident escalates.
    expect((await tickAt('2026-03-02T13:30:00.000Z')).escalated).toEqual([])
    expect(incidentPages()).toEqual([])
    expect((await tickAt('2026-03-02T13:31:00.000Z')).escalated).toMatchObject([{ id, escalationLevel: 1 }])
    const first = incidentPages()
    expect(first.map((p) => p.path)).toEqual(['/on-call'])
    expect(first[0]?.text).toMatch(
      /ESCALATED \(level 1\) SEV-2 incident [0-9a-f-]{36}: Desk "alpha-desk" \(tenant alpha\) quiet in business hours\. Detected 2026-03-02T09:31:00.000Z; nobody has acknowledged it; next deadline 2026-03-02T21:31:00.000Z\. Runbook: docs\/runbooks\/quiet-desk\.md\. https:\/\/hub\.example\/v1\/ops\/incidents$/,
    )

    // A person acknowledges and investigates; the quiet-desk alert is acknowledged with it.
    at('2026-03-02T13:40:00.000Z')
    expect((await move(id, 'mitigating')).body.message).toBe(
      `incident ${id} is detected; it can go to acknowledged, not mitigating`,
    )
    expect((await move(id, 'acknowledged')).body).toMatchObject({
      state: 'acknowledged',
      deadlineAt: '2026-03-02T21:40:00.000Z', // eight hours to be mitigating
    })
    const alertRow = await withTenant(hub.db, 'alpha', (tx) =>
      tx.query<{ acknowledged_by: string | null }>('SELECT acknowledged_by FROM alerts'),
    )
    expect(alertRow.rows).toEqual([{ acknowledged_by: 'ops.maria' }])
    at('2026-03-02T13:45:00.000Z')
    expect((await move(id, 'investigating')).body).toMatchObject({
      state: 'investigating',
      deadlineAt: '2026-03-02T21:40:00.000Z',
    })

    // Still investigating when the clock runs out: escalated again.
    expect((await tickAt('2026-03-02T21:39:00.000Z')).escalated).toEqual([])
    expect((await tickAt('2026-03-02T21:40:00.000Z')).escalated).toMatchObject([{ id, escalationLevel: 2 }])
    expect(incidentPages()[0]?.text).toMatch(
      /ESCALATED \(level 2\) SEV-2 incident .*; still investigating; next deadline 2026-03-03T05:40:00.000Z\./,
    )

    at('2026-03-02T21:50:00.000Z')
    expect((await move(id, 'mitigating')).body).toMatchObject({ state: 'mitigating', deadlineAt: null })
    at('2026-03-02T22:00:00.000Z')
    expect((await move(id, 'rollback')).body.state).toBe('rollback')
    at('2026-03-02T22:05:00.000Z')
    expect((await move(id, 'mitigating')).body.state).toBe('mitigating')
    // No deadline runs while someone is mitigating: no more pages however long it takes.
    await tickAt('2026-03-03T08:00:00.000Z')
    expect(incidentPages()).toEqual([])

    // The desk is back: the alert resolves, and the incident with it.
    expect((await postIngest(hub.url, token, { records: [correction('alpha')] })).status).toBe(200)
    expect(await tickAt('2026-03-03T08:01:00.000Z')).toMatchObject({ resolved: 1 })
    expect((await move(id, 'closed', 'ops.lead')).body.state).toBe('closed') // SEV-2: no post-mortem needed

    const shown = (await (await fetch(`${hub.url}/v1/incidents/${id}`, { headers: admin })).json()) as {
      events: Array<{ event: string; actor: string }>
    }
    expect(shown.events.map((e) => e.event)).toEqual([
      'detected',
      'escalated',
      'acknowledged',
      'investigating',
      'escalated',
      'mitigating',
      'rollback',
      'mitigating',
      'resolved',
      'closed',
    ])
    const after = await (await fetch(`${hub.url}/v1/ops/incidents`, { headers: admin })).text()
    expect(after).toContain('No open incidents.')
  })

  it("Alertmanager's SEV-1 escalates at 15 and again 30 minutes later, and closes only with its post-mortem (CLI)", async () => {
    expect((await fetch(`${hub.url}/v1/ops/alertmanager`, { method: 'POST', body: '{}' })).status).toBe(401)
    const bad = await alertmanager(
      'firing',
      { alertname: 'HubDatabaseDown', severity: 'P1' },
      '2026-03-04T10:00:00Z',
    )
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /Alertmanager webhook body: .*severity/,
    )

    at('2026-03-04T10:00:30.000Z')
    const labels = { alertname: 'HubDatabaseDown', severity: 'SEV-1', instance: 'hub-1:8787' }
    const fired = (await (await alertmanager('firing', labels, '2026-03-04T10:00:00Z')).json()) as {
      opened: string[]
    }
    expect(fired.opened).toHaveLength(1)
    const id = fired.opened[0] ?? ''
    // Alertmanager repeats itself; the incident is opened once.
    expect(await (await alertmanager('firing', labels, '2026-03-04T10:00:00Z')).json()).toEqual({
      opened: [],
      resolved: [],
    })

    expect((await tickAt('2026-03-04T10:14:59.000Z', incidentsOnly)).escalated).toEqual([])
    expect((await tickAt('2026-03-04T10:15:00.000Z', incidentsOnly)).escalated).toMatchObject([
      { id, escalationLevel: 1 },
    ])
    expect((await tickAt('2026-03-04T10:44:00.000Z', incidentsOnly)).escalated).toEqual([])
    expect((await tickAt('2026-03-04T10:45:00.000Z', incidentsOnly)).escalated).toMatchObject([
      { id, escalationLevel: 2 },
    ])
    expect(incidentPages().map((p) => p.text)).toEqual([
      expect.stringMatching(/ESCALATED \(level 1\) SEV-1 incident/),
      expect.stringMatching(/ESCALATED \(level 2\) SEV-1 incident/),
    ])

    at('2026-03-04T10:50:00.000Z')
    expect((await cli('ack', '--id', id, '--by', 'ops.ravi')).json).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'ops.ravi',
      deadlineAt: '2026-03-04T11:20:00.000Z',
    })
    await cli('move', '--id', id, '--to', 'investigating')
    await cli('move', '--id', id, '--to', 'mitigating')
    at('2026-03-04T11:05:00.000Z')
    expect(await (await alertmanager('resolved', labels, '2026-03-04T10:00:00Z')).json()).toEqual({
      opened: [],
      resolved: [id],
    })

    await expect(cli('close', '--id', id)).rejects.toThrow(
      `incident ${id} is SEV-1: it closes with its post-mortem (root cause, action items), not without one`,
    )
    await expect(cli('postmortem', '--id', id, '--root-cause', 'disk full')).rejects.toThrow(
      /at least one --action/,
    )
    expect(
      (
        await cli(
          'postmortem',
          '--id',
          id,
          '--root-cause',
          'WAL disk full',
          '--action',
          'alert at 80% disk',
          '--action',
          'move WAL to its own volume',
        )
      ).json,
    ).toMatchObject({
      state: 'postmortem',
      postmortem: {
        rootCause: 'WAL disk full',
        actionItems: ['alert at 80% disk', 'move WAL to its own volume'],
      },
    })
    await expect(cli('close', '--id', id)).rejects.toThrow(/is postmortem; it can go to nothing/)
    const open = (await cli('list')).json as { incidents: Array<{ id: string }> }
    expect(open.incidents.map((i) => i.id)).not.toContain(id)
  })

  it('a SEV-3 is due at the end of the next business day, and the weekly review lists only SEV-1 and SEV-2', async () => {
    at('2026-03-06T17:00:00.000Z') // Friday, one business hour left
    const labels = { alertname: 'DeskOcrAccuracyLow', severity: 'SEV-3', tenant: 'alpha', desk: 'alpha-desk' }
    const { opened } = (await (await alertmanager('firing', labels, '2026-03-06T17:00:00Z')).json()) as {
      opened: string[]
    }
    const shown = (await cli('show', '--id', opened[0] ?? '')).json
    expect(shown).toMatchObject({ incident: { severity: 'SEV-3', deadlineAt: '2026-03-09T17:00:00.000Z' } })

    const review = (await cli('review', '--week', '2026-03-04')).json as {
      weekStart: string
      incidents: Array<{ severity: string; title: string }>
    }
    expect(review.weekStart).toBe('2026-03-02T00:00:00.000Z')
    expect(review.incidents.map((i) => `${i.severity} ${i.title}`)).toEqual([
      'SEV-2 Desk "alpha-desk" (tenant alpha) quiet in business hours',
      'SEV-1 HubDatabaseDown fired',
    ])
    expect((await cli('review', '--week', '2026-03-09')).json).toMatchObject({ incidents: [] })
  })
  it("the hub's own OCR-accuracy alert opens a SEV-3 incident for the tenant, resolved when accuracy recovers", async () => {
    const token = await hub.desk('delta', 'delta-desk')
    const report = (accuracy: number) =>
      fetch(`${hub.url}/v1/desks/delta-desk/heartbeat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          metrics: {
            ocrAccuracy: { reviewedChars: 1000, correctedChars: Math.round((1 - accuracy) * 1000), accuracy },
          },
        }),
      })
    at('2026-03-16T09:00:00.000Z')
    expect((await report(0.9)).status).toBe(200)
    await tickAt('2026-03-16T09:01:00.000Z')
    const open = (await cli('list')).json as { incidents: Array<Record<string, unknown>> }
    const incident = open.incidents.find((i) => i.tenant === 'delta')
    expect(incident).toMatchObject({
      severity: 'SEV-3',
      title: 'Tenant delta: OCR accuracy below 95%',
      desk: null,
      runbook: 'docs/runbooks/ocr-accuracy-drop.md',
      state: 'detected',
    })

    expect((await report(0.99)).status).toBe(200)
    await tickAt('2026-03-16T09:02:00.000Z')
    const shown = (await cli('show', '--id', String(incident?.id))).json
    expect(shown).toMatchObject({ incident: { state: 'resolved' } })
  })
})
