import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHub } from '../../server/app'
import { createPool } from '../../server/db/pool'
import { emptyLatencyHistogram, observeLatency } from '../../src/shared/sync'
import { startTestHub, type TestHub } from './support/hub'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(async () => {
  await hub.close()
})

async function heartbeat(deskId: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${hub.url}/v1/desks/${deskId}/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function scrape(): Promise<string[]> {
  const res = await fetch(`${hub.url}/metrics`)
  expect(res.status).toBe(200)
  return (await res.text()).split('\n')
}

describe('desk metrics from heartbeats at /metrics', () => {
  it('exports latency histograms, queue depth, OCR time and accuracy per tenant and desk', async () => {
    const token = await hub.desk('acme', 'acme-desk-1')
    const list = emptyLatencyHistogram()
    for (const s of [0.01, 0.15, 0.15, 0.3, 5]) observeLatency(list, s)
    const res = await heartbeat('acme-desk-1', token, {
      queueDepth: 3,
      metrics: {
        apiLatency: { 'documents.list': list },
        workerQueueDepth: 600,
        ocrPages: { count: 12, sumSeconds: 30.5 },
        ocrAccuracy: { reviewedChars: 200, correctedChars: 4, accuracy: 0.98 },
      },
    })
    expect(res.status).toBe(200)

    const lines = await scrape()
    const base = 'tenant="acme",desk="acme-desk-1"'
    expect(lines).toContain('# TYPE hub_desk_api_latency_seconds histogram')
    expect(lines).toContain(
      `hub_desk_api_latency_seconds_bucket{${base},channel="documents.list",le="0.025"} 1`,
    )
    expect(lines).toContain(
      `hub_desk_api_latency_seconds_bucket{${base},channel="documents.list",le="0.2"} 3`,
    )
    expect(lines).toContain(
      `hub_desk_api_latency_seconds_bucket{${base},channel="documents.list",le="3.2"} 4`,
    )
    expect(lines).toContain(
      `hub_desk_api_latency_seconds_bucket{${base},channel="documents.list",le="+Inf"} 5`,
    )
    expect(lines).toContain(`hub_desk_api_latency_seconds_count{${base},channel="documents.list"} 5`)
    expect(
      lines.some((l) =>
        l.startsWith(`hub_desk_api_latency_seconds_sum{${base},channel="documents.list"} 5.61`),
      ),
    ).toBe(true)
    expect(lines).toContain(`hub_desk_worker_queue_depth{${base}} 600`)
    expect(lines).toContain(`hub_desk_ocr_page_seconds_sum{${base}} 30.5`)
    expect(lines).toContain(`hub_desk_ocr_page_seconds_count{${base}} 12`)
    expect(lines).toContain(`hub_desk_ocr_accuracy{${base}} 0.98`)
    expect(lines).toContain('hub_database_up 1')
    // The older per-desk families keep their names.
    expect(lines).toContain(`hub_desk_queue_depth{${base}} 3`)
  })

  it('replaces the desk figures with each heartbeat and keeps them through one without metrics', async () => {
    const token = await hub.desk('acme', 'acme-desk-2')
    expect((await heartbeat('acme-desk-2', token, { metrics: { workerQueueDepth: 600 } })).status).toBe(200)
    expect((await heartbeat('acme-desk-2', token, { metrics: { workerQueueDepth: 12 } })).status).toBe(200)
    expect((await heartbeat('acme-desk-2', token, {})).status).toBe(200)
    const lines = await scrape()
    expect(lines).toContain('hub_desk_worker_queue_depth{tenant="acme",desk="acme-desk-2"} 12')
    expect(lines.filter((l) => l.includes('desk="acme-desk-2"') && l.includes('worker_queue'))).toHaveLength(
      1,
    )
  })

  it('refuses channel names that are not contract methods, and broken histograms, naming the field', async () => {
    const token = await hub.desk('acme', 'acme-desk-3')
    const bad = await heartbeat('acme-desk-3', token, {
      metrics: { apiLatency: { 'x"} 1\nevil': emptyLatencyHistogram() } },
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/apiLatency/)
    const unsorted = await heartbeat('acme-desk-3', token, {
      metrics: { apiLatency: { 'app.info': { buckets: [0.2, 0.1], counts: [0, 0], count: 0, sum: 0 } } },
    })
    expect(unsorted.status).toBe(400)
    expect(((await unsorted.json()) as { message: string }).message).toMatch(/ascending/)
    const tooMany = Object.fromEntries(
      Array.from({ length: 129 }, (_, i) => [`app.c${i}`, emptyLatencyHistogram()]),
    )
    expect((await heartbeat('acme-desk-3', token, { metrics: { apiLatency: tooMany } })).status).toBe(400)
    expect((await scrape()).some((l) => l.includes('acme-desk-3') && l.startsWith('hub_desk_api'))).toBe(
      false,
    )
  })

  it("keeps each tenant's desk metrics under row-level security", async () => {
    const token = await hub.desk('globex', 'globex-desk')
    await heartbeat('globex-desk', token, { metrics: { workerQueueDepth: 5 } })
    const client = new pg.Client({ connectionString: hub.database.url })
    await client.connect()
    try {
      await client.query('BEGIN')
      await client.query(
        `SELECT set_config('role', 'pebble_hub_app', true), set_config('app.tenant_id', 'globex', true)`,
      )
      const seen = await client.query<{ desk_id: string }>('SELECT desk_id FROM desk_metrics ORDER BY 1')
      expect(seen.rows.map((r) => r.desk_id)).toEqual(['globex-desk'])
      await client.query('ROLLBACK')
    } finally {
      await client.end()
    }
  })
})

describe('hub_database_up', () => {
  it('is 0 when the database does not answer, and /metrics still answers', async () => {
    // A port nothing listens on: the hub's own counters must still be scraped.
    const dead = createPool('postgres://postgres@127.0.0.1:1/none', 1)
    const { app } = buildHub(dead, hub.config, { logger: false })
    try {
      const res = await app.inject({ method: 'GET', url: '/metrics' })
      expect(res.statusCode).toBe(200)
      expect(res.body.split('\n')).toContain('hub_database_up 0')
      expect(res.body).toContain('hub_ingest_batches_total 0')
    } finally {
      await app.close()
      await dead.end()
    }
  })
})
