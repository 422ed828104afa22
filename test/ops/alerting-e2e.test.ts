import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ADMIN_TOKEN, startTestHub, type TestHub } from '../server/support/hub'
import { freePort } from '../server/support/processes'

// The whole alerting path with Debian's prometheus and prometheus-alertmanager binaries: a desk's
// heartbeat reaches a real hub on PostgreSQL, Prometheus scrapes it and evaluates the shipped rules
// (copied by ops/render.mjs with one-second intervals and the queue rule's `for` shortened, the
// documented override), Alertmanager routes by SEV tier to a local webhook receiver and to the hub.
const run = promisify(execFile)
const OPS = join(__dirname, '..', '..', 'ops')
const dir = mkdtempSync(join(tmpdir(), 'pebble-alerting-'))

const notificationSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(
    z.object({
      status: z.enum(['firing', 'resolved']),
      labels: z.record(z.string(), z.string()),
      annotations: z.record(z.string(), z.string()),
    }),
  ),
})
type Notification = { path: string; body: z.infer<typeof notificationSchema> }

let receiver: Server
const received: Notification[] = []
let hub: TestHub
const children: ChildProcess[] = []
let logs = ''

function start(binary: string, args: string[]): ChildProcess {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (c: Buffer) => (logs += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (logs += c.toString()))
  children.push(child)
  return child
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 45_000,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}\n--- prometheus/alertmanager log tail ---\n${logs.slice(-3000)}`,
      )
    await new Promise((r) => setTimeout(r, 200))
  }
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: notificationSchema.parse(JSON.parse(body)) })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`
  hub = await startTestHub()
  const hubAddress = new URL(hub.url).host

  const [promPort, amPort] = [await freePort(), await freePort()]
  const tokenFile = join(dir, 'admin-token')
  writeFileSync(tokenFile, ADMIN_TOKEN)
  await run(
    process.execPath,
    [join(OPS, 'render.mjs'), 'alertmanager', '--out', join(dir, 'alertmanager.yml'), '--group-wait', '1s'],
    {
      env: {
        ...process.env,
        PEBBLE_PAGER_WEBHOOK_URL: `${hooks}/pager`,
        PEBBLE_CHAT_WEBHOOK_URL: `${hooks}/chat`,
        PEBBLE_TICKET_WEBHOOK_URL: `${hooks}/ticket`,
        PEBBLE_HUB_URL: hub.url,
        PEBBLE_HUB_TOKEN_FILE: tokenFile,
      },
    },
  )
  const promDir = join(dir, 'prometheus')
  await run(process.execPath, [
    join(OPS, 'render.mjs'),
    'prometheus',
    '--out',
    promDir,
    '--hub',
    hubAddress,
    '--alertmanager',
    `127.0.0.1:${amPort}`,
    '--interval',
    '1s',
    '--for',
    'DeskWorkerQueueBacklog=0s',
  ])
  start('/usr/bin/prometheus-alertmanager', [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'am-data')}`,
    `--web.listen-address=127.0.0.1:${amPort}`,
    '--cluster.listen-address=',
  ])
  start('/usr/bin/prometheus', [
    `--config.file=${join(promDir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'prom-data')}`,
    `--web.listen-address=127.0.0.1:${promPort}`,
    '--rules.alert.resend-delay=1s',
  ])
  await until('Alertmanager to be ready', async () =>
    (await fetch(`http://127.0.0.1:${amPort}/-/ready`).catch(() => null))?.ok ? true : undefined,
  )
  await until('Prometheus to be ready', async () =>
    (await fetch(`http://127.0.0.1:${promPort}/-/ready`).catch(() => null))?.ok ? true : undefined,
  )
}, 60_000)

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  }
  await hub?.close()
  await new Promise((r) => receiver.close(r))
  rmSync(dir, { recursive: true, force: true })
})

async function heartbeat(token: string, workerQueueDepth: number) {
  const res = await fetch(`${hub.url}/v1/desks/press-desk/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ queueDepth: 0, metrics: { workerQueueDepth } }),
  })
  expect(res.status).toBe(200)
}

const queueAlert = (status: 'firing' | 'resolved') => (n: Notification) =>
  n.body.alerts.some(
    (a) =>
      a.status === status &&
      a.labels.alertname === 'DeskWorkerQueueBacklog' &&
      a.labels.desk === 'press-desk',
  )

type IncidentList = {
  incidents: Array<{ severity: string; state: string; desk: string | null; runbook: string | null }>
}
async function incidents(): Promise<IncidentList['incidents']> {
  const res = await fetch(`${hub.url}/v1/incidents?which=all`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  })
  return ((await res.json()) as IncidentList).incidents
}

describe('Prometheus → Alertmanager → webhooks, against a real hub', () => {
  it('a desk with 600 queued jobs pages chat as SEV-2 and opens an incident; below 500 both resolve', async () => {
    const token = await hub.desk('acme', 'press-desk')
    await heartbeat(token, 600)

    const firing = await until('the SEV-2 notification at the chat webhook', () =>
      received.find(queueAlert('firing')),
    )
    expect(firing.path).toBe('/chat')
    const alert = firing.body.alerts.find((a) => a.labels.alertname === 'DeskWorkerQueueBacklog')
    expect(alert?.labels).toMatchObject({ severity: 'SEV-2', tenant: 'acme', desk: 'press-desk' })
    expect(alert?.annotations).toMatchObject({
      summary: 'Desk press-desk (tenant acme): 600 document jobs waiting (> 500)',
      runbook: 'docs/runbooks/queue-backlog.md',
    })
    // Alertmanager's "hub" receiver opened an incident in the hub.
    await until('the hub incident', async () =>
      (await incidents()).find((i) => i.desk === 'press-desk' && i.state === 'detected'),
    )

    await heartbeat(token, 120)
    const resolved = await until('the resolved notification at the chat webhook', () =>
      received.find(queueAlert('resolved')),
    )
    expect(resolved.path).toBe('/chat')
    const incident = await until('the hub incident to resolve', async () =>
      (await incidents()).find((i) => i.desk === 'press-desk' && i.state === 'resolved'),
    )
    expect(incident).toMatchObject({ severity: 'SEV-2', runbook: 'docs/runbooks/queue-backlog.md' })
    // SEV-2 goes to chat only: neither the pager nor the ticket queue heard about this desk.
    expect(
      received.filter((n) => n.path !== '/chat' && (queueAlert('firing')(n) || queueAlert('resolved')(n))),
    ).toEqual([])
  })
})
