import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AlertMonitor } from '../../server/alerts/monitor'
import { postWebhook } from '../../server/alerts/webhook'
import { ADMIN_TOKEN, startTestHub, type TestHub } from './support/hub'
import { correction, postIngest } from './support/records'

// A Slack stand-in on loopback, and a clock the test moves by hand: no real waiting.
type Received = { path: string; text: string }
let receiver: Server
let received: Received[] = []
let hub: TestHub
let now = new Date('2026-03-02T09:00:00.000Z') // a Monday
const at = (iso: string) => {
  now = new Date(iso)
}
let monitor: AlertMonitor

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const parsed = JSON.parse(body) as { text: string }
      received.push({ path: req.url ?? '', text: parsed.text })
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
      ALERT_WEBHOOKS: `${base}/ops-1,${base}/ops-2`,
      ESCALATION_WEBHOOKS: `${base}/on-call`,
      PUBLIC_URL: 'https://hub.example',
    },
  })
  monitor = new AlertMonitor(hub.db, hub.config, () => now, postWebhook)
})
afterAll(async () => {
  await hub.close()
  await new Promise((r) => receiver.close(r))
})

async function ingestAt(iso: string, tenant: string, token: string) {
  at(iso)
  expect((await postIngest(hub.url, token, { records: [correction(tenant)] })).status).toBe(200)
}

function take(): Received[] {
  const out = received
  received = []
  return out
}

describe('quiet-desk alerts', () => {
  it('alerts after 30 quiet business minutes, escalates when unacknowledged, resolves on ingest', async () => {
    const token = await hub.desk('alpha', 'alpha-desk')
    await hub.desk('alpha', 'never-active') // never ingested: not "a desk that was active"
    await ingestAt('2026-03-02T09:00:00.000Z', 'alpha', token)

    at('2026-03-02T09:30:00.000Z')
    expect(await monitor.tick()).toMatchObject({ opened: 0 })
    at('2026-03-02T09:31:00.000Z')
    expect(await monitor.tick()).toMatchObject({ opened: 1, escalated: 0 })
    const first = take()
    expect(first.map((r) => r.path).sort()).toEqual(['/ops-1', '/ops-2'])
    expect(first[0]?.text).toMatch(
      /"alpha-desk" \(tenant alpha\) has sent nothing since 2026-03-02T09:00:00.000Z/,
    )
    expect(first[0]?.text).toMatch(
      /POST https:\/\/hub\.example\/v1\/tenants\/alpha\/alerts\/[0-9a-f-]{36}\/ack/,
    )

    at('2026-03-02T09:45:00.000Z')
    expect(await monitor.tick()).toMatchObject({ opened: 0, escalated: 0 })
    expect(take()).toEqual([])

    at('2026-03-02T09:51:00.000Z')
    expect(await monitor.tick()).toMatchObject({ escalated: 1 })
    const escalation = take()
    expect(escalation.map((r) => r.path)).toEqual(['/on-call'])
    expect(escalation[0]?.text).toMatch(/ESCALATED.*not acknowledged within 20 minutes/)

    await ingestAt('2026-03-02T10:00:00.000Z', 'alpha', token)
    expect(await monitor.tick()).toMatchObject({ resolved: 1 })
    expect(
      take()
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/on-call', '/ops-1', '/ops-2'])
    const metrics = await (await fetch(`${hub.url}/metrics`)).text()
    expect(metrics).toMatch(/^hub_open_alerts\{tenant="alpha",kind="quiet-desk"\} 0$/m)
  })

  it('an acknowledged alert does not escalate', async () => {
    const token = await hub.desk('beta', 'beta-desk')
    await ingestAt('2026-03-03T10:00:00.000Z', 'beta', token)
    at('2026-03-03T10:31:00.000Z')
    expect(await monitor.tick()).toMatchObject({ opened: 2 }) // alpha went quiet again too
    const sent = take()
    const id = /alerts\/([0-9a-f-]{36})\/ack/.exec(
      sent.find((r) => r.text.includes('beta-desk'))?.text ?? '',
    )?.[1]
    expect(id).toBeDefined()

    const unauth = await fetch(`${hub.url}/v1/tenants/beta/alerts/${id}/ack`, { method: 'POST' })
    expect(unauth.status).toBe(401)
    const ack = await fetch(`${hub.url}/v1/tenants/beta/alerts/${id}/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ by: 'ops.maria' }),
    })
    expect(ack.status).toBe(200)

    at('2026-03-03T11:00:00.000Z')
    await monitor.tick()
    const later = take()
    expect(later.filter((r) => r.text.includes('beta-desk'))).toEqual([])
    expect(later.filter((r) => r.path === '/on-call' && r.text.includes('alpha-desk'))).toHaveLength(1)
  })

  it('counts only business minutes: evenings, nights and weekends do not page anyone', async () => {
    const token = await hub.desk('gamma', 'gamma-desk')
    await ingestAt('2026-03-06T17:50:00.000Z', 'gamma', token) // Friday evening
    at('2026-03-07T12:00:00.000Z') // Saturday noon
    await monitor.tick()
    at('2026-03-09T08:15:00.000Z') // Monday: 10 + 15 business minutes
    await monitor.tick()
    expect(take().filter((r) => r.text.includes('gamma-desk'))).toEqual([])
    at('2026-03-09T08:21:00.000Z')
    await monitor.tick()
    expect(
      take()
        .filter((r) => r.text.includes('gamma-desk'))
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/ops-1', '/ops-2'])
  })
})
