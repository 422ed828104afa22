import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { z } from 'zod'
import { emptyLatencyHistogram, observeLatency } from '../../src/shared/sync'
import { startTestHub, type TestHub } from '../server/support/hub'
import { correction, postIngest } from '../server/support/records'

// The dashboard must chart what the hub really exports: its queries are checked against the
// /metrics of a live hub on PostgreSQL that has a desk reporting, not against a list kept here.
const run = promisify(execFile)
const FILE = join(__dirname, '..', '..', 'ops', 'grafana', 'pebble-desk.json')
const datasource = z.object({ type: z.literal('prometheus'), uid: z.literal('${datasource}') })
const dashboardSchema = z.object({
  title: z.string(),
  uid: z.string(),
  templating: z.object({
    list: z.array(z.object({ name: z.string(), type: z.string(), query: z.unknown() })),
  }),
  panels: z
    .array(
      z.object({
        title: z.string(),
        type: z.string(),
        datasource,
        targets: z.array(z.object({ refId: z.string(), datasource, expr: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
})
const dashboard = dashboardSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')))
const tmp = mkdtempSync(join(tmpdir(), 'pebble-grafana-'))
let hub: TestHub
/** Metric name → the label names seen on its samples. */
const exported = new Map<string, Set<string>>()

beforeAll(async () => {
  hub = await startTestHub()
  const token = await hub.desk('acme', 'desk-1')
  const latency = emptyLatencyHistogram()
  observeLatency(latency, 0.05)
  const heartbeat = await fetch(`${hub.url}/v1/desks/desk-1/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      queueDepth: 4,
      metrics: {
        apiLatency: { 'documents.list': latency },
        workerQueueDepth: 2,
        ocrPages: { count: 3, sumSeconds: 4.5 },
        ocrAccuracy: { reviewedChars: 100, correctedChars: 1, accuracy: 0.99 },
      },
    }),
  })
  expect(heartbeat.status).toBe(200)
  expect((await postIngest(hub.url, token, { records: [correction('acme')] })).status).toBe(200)
  // An error the hub counts by code (hub_http_errors_total).
  expect((await fetch(`${hub.url}/v1/desks/desk-1/heartbeat`, { method: 'POST' })).status).toBe(401)
  const text = await (await fetch(`${hub.url}/metrics`)).text()
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type?.[1] !== undefined) {
      const names =
        type[2] === 'histogram' ? ['_bucket', '_sum', '_count'].map((s) => `${type[1]}${s}`) : [type[1]]
      for (const n of names) exported.set(n, exported.get(n) ?? new Set())
      continue
    }
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? /.exec(line)
    if (sample?.[1] === undefined) continue
    for (const [, label] of (sample[2] ?? '').matchAll(/(\w+)="/g)) exported.get(sample[1])?.add(label ?? '')
  }
})
afterAll(async () => {
  await hub.close()
  rmSync(tmp, { recursive: true, force: true })
})

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
])
/** Metric names in a query: identifiers that are selected ({ or [ follows) or start with hub_. */
function metricsIn(expr: string): string[] {
  const bare = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""')
  const selected = [...bare.matchAll(/([a-zA-Z_:][\w:]*)\s*[{[]/g)].map((m) => m[1] ?? '')
  const named = [...bare.matchAll(/\bhub_\w+/g)].map((m) => m[0])
  return [...new Set([...selected, ...named])].filter((n) => !PROMQL_WORDS.has(n))
}

describe('ops/grafana/pebble-desk.json', () => {
  const targets = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ panel: p.title, expr: t.expr })))

  it('takes its data source from a template variable, and filters by tenant', () => {
    expect(dashboard.templating.list.map((v) => `${v.name}:${v.type}`)).toEqual([
      'datasource:datasource',
      'tenant:query',
    ])
    const tenantQuery = JSON.stringify(dashboard.templating.list[1]?.query)
    for (const metric of metricsIn(tenantQuery.replace(/\\"/g, '')))
      expect(exported.has(metric), metric).toBe(true)
  })

  it('charts what the issue asks for', () => {
    const all = targets.map((t) => t.expr).join('\n')
    for (const metric of [
      'hub_desk_api_latency_seconds_bucket',
      'hub_http_errors_total',
      'hub_desk_worker_queue_depth',
      'hub_desk_ocr_accuracy',
      'hub_model_daily_mean_confidence',
      'hub_desk_seconds_since_heartbeat',
      'hub_desk_queue_depth',
    ]) {
      expect(all).toContain(metric)
    }
  })

  it.each(targets)(
    '$panel: every metric it queries is one the hub exports, with the labels it groups by',
    ({ expr }) => {
      const metrics = metricsIn(expr)
      expect(metrics.length).toBeGreaterThan(0)
      for (const metric of metrics) expect([...exported.keys()], `${metric} in ${expr}`).toContain(metric)
      const grouped = [...expr.matchAll(/\bby \(([^)]*)\)/g)].flatMap((m) =>
        (m[1] ?? '').split(',').map((l) => l.trim()),
      )
      const seen = new Set(metrics.flatMap((m) => [...(exported.get(m) ?? [])]).concat('le'))
      // Only metrics with samples here show their labels (model figures need a trained model).
      if (metrics.some((m) => (exported.get(m)?.size ?? 0) > 0)) {
        for (const label of grouped) expect([...seen], `label ${label} in ${expr}`).toContain(label)
      }
    },
  )

  it('every query is valid PromQL (promtool checks them as recording rules)', async () => {
    const rules = {
      groups: [
        {
          name: 'dashboard',
          rules: targets.map((t, i) => ({
            record: `dashboard:panel_${i}`,
            expr: t.expr.replace(/\$tenant/g, '.*'),
          })),
        },
      ],
    }
    const file = join(tmp, 'dashboard.rules.yml')
    writeFileSync(file, stringify(rules))
    const { stdout } = await run('promtool', ['check', 'rules', file])
    expect(stdout).toMatch(new RegExp(`SUCCESS: ${targets.length} rules found`))
  })
})
