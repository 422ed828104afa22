import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestAckSchema, hubErrorSchema } from '../../src/shared/sync/wire'
import { revokeDesk } from '../../server/store/desks'
import { withTenant } from '../../server/db/pool'
import { startTestHub, type TestHub } from './support/hub'
import { coaResult, correction, postIngest, scan, tenderDecision } from './support/records'

let hub: TestHub
let tokenA: string
let tokenB: string

beforeAll(async () => {
  hub = await startTestHub({ env: { INGEST_MAX_BYTES: String(64 * 1024) } })
  tokenA = await hub.desk('acme', 'acme-desk-1')
  tokenB = await hub.desk('globex', 'globex-desk-1')
})
afterAll(() => hub.close())

async function count(tenant: string, table = 'ingest_records'): Promise<number> {
  return withTenant(hub.db, tenant, async (tx) => {
    const r = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)
    return Number(r.rows[0]?.n)
  })
}

describe('POST /v1/ingest', () => {
  it('stores every kind in its ground-truth table and acknowledges each record', async () => {
    const records = [
      correction('acme'),
      tenderDecision('acme', 'doc-t'),
      coaResult('acme', 'doc-c'),
      scan('acme', '(01)09506000134352'),
    ]
    const r = await postIngest(hub.url, tokenA, { records })
    expect(r.status).toBe(200)
    const ack = ingestAckSchema.parse(r.json)
    expect(ack.results.map((a) => [a.id, a.status])).toEqual(records.map((rec) => [rec.id, 'stored']))
    for (const table of ['field_corrections', 'tender_decisions', 'coa_results', 'scans']) {
      expect(await count('acme', table)).toBeGreaterThanOrEqual(1)
    }
  })

  it('stores a needs-review decision as it was sent, next to the verdicts for the same document', async () => {
    const records = [
      tenderDecision('acme', 'doc-review', 'relevant'),
      tenderDecision('acme', 'doc-review', 'needs-review'),
    ]
    const ack = ingestAckSchema.parse((await postIngest(hub.url, tokenA, { records })).json)
    expect(ack).toMatchObject({ stored: 2, rejected: 0 })
    const stored = await withTenant(hub.db, 'acme', async (tx) => {
      const r = await tx.query<{ record_id: string; decision: string }>(
        `SELECT record_id, decision FROM tender_decisions WHERE document_id = 'doc-review' ORDER BY record_id`,
      )
      return r.rows
    })
    expect(stored).toEqual(
      records.map((rec, i) => ({ record_id: rec.id, decision: ['relevant', 'needs-review'][i] })),
    )
  })

  it('still rejects a tender decision outside relevant / irrelevant / needs-review', async () => {
    const bogus = tenderDecision('acme', 'doc-bogus')
    bogus.payload = { ...(bogus.payload as object), decision: 'maybe' }
    const before = await count('acme', 'tender_decisions')
    const ack = ingestAckSchema.parse((await postIngest(hub.url, tokenA, { records: [bogus] })).json)
    expect(ack).toMatchObject({ stored: 0, rejected: 1 })
    expect(ack.results[0]?.reason).toMatch(/payload of tender.decision: decision/)
    expect(await count('acme', 'tender_decisions')).toBe(before)
  })

  it('acknowledges a replayed record as a duplicate without storing it twice', async () => {
    const rec = correction('acme')
    const before = await count('acme')
    const first = ingestAckSchema.parse((await postIngest(hub.url, tokenA, { records: [rec] })).json)
    const again = ingestAckSchema.parse((await postIngest(hub.url, tokenA, { records: [rec, rec] })).json)
    expect(first.results[0]?.status).toBe('stored')
    expect(again.results.map((a) => a.status)).toEqual(['duplicate', 'duplicate'])
    expect(await count('acme')).toBe(before + 1)
    expect(await count('acme', 'field_corrections')).toBeGreaterThan(0)
  })

  it('stores the same id concurrently once', async () => {
    const rec = correction('acme')
    const before = await count('acme')
    const acks = await Promise.all(
      Array.from({ length: 6 }, () => postIngest(hub.url, tokenA, { records: [rec] })),
    )
    const statuses = acks.map((a) => ingestAckSchema.parse(a.json).results[0]?.status)
    expect(statuses.filter((s) => s === 'stored')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(5)
    expect(await count('acme')).toBe(before + 1)
  })

  it('rejects a bad record with its reason and stores the rest', async () => {
    const good = correction('acme')
    const badPayload = correction('acme')
    badPayload.payload = { ...(badPayload.payload as object), confidence: 7 }
    const unknownKind = { ...correction('acme'), kind: 'coffee.order' }
    const before = await count('acme')
    const r = await postIngest(hub.url, tokenA, { records: [good, badPayload, unknownKind, { id: 42 }] })
    expect(r.status).toBe(200)
    const ack = ingestAckSchema.parse(r.json)
    expect(ack).toMatchObject({ stored: 1, rejected: 3, duplicates: 0 })
    expect(ack.results[1]).toMatchObject({ id: badPayload.id, status: 'rejected' })
    expect(ack.results[1]?.reason).toMatch(/payload of field.correction: confidence/)
    expect(ack.results[2]?.reason).toMatch(/unknown kind "coffee.order"/)
    expect(ack.results[3]).toMatchObject({ id: null, status: 'rejected' })
    expect(await count('acme')).toBe(before + 1)
  })
})

describe('bad input: a clear 4xx, nothing stored, the hub keeps serving', () => {
  async function expectRefused(
    call: Promise<{ status: number; json: unknown }>,
    status: number,
    code: string,
    message: RegExp,
  ) {
    const before = (await count('acme')) + (await count('globex'))
    const r = await call
    expect(r.status).toBe(status)
    const body = hubErrorSchema.parse(r.json)
    expect(body.error).toBe(code)
    expect(body.message).toMatch(message)
    expect((await count('acme')) + (await count('globex'))).toBe(before)
    const health = await fetch(`${hub.url}/v1/health`)
    expect(health.status).toBe(200)
  }

  it('malformed JSON → 400', () =>
    expectRefused(
      postIngest(hub.url, tokenA, null, '{"records": [ {'),
      400,
      'MALFORMED_JSON',
      /not valid JSON/,
    ))

  it('a batch of the wrong shape → 400 with the path', async () => {
    await expectRefused(
      postIngest(hub.url, tokenA, { records: 'all of them' }),
      400,
      'INVALID_INPUT',
      /records/,
    )
    await expectRefused(postIngest(hub.url, tokenA, { records: [] }), 400, 'INVALID_INPUT', /records/)
    await expectRefused(
      postIngest(hub.url, tokenA, [correction('acme')]),
      400,
      'INVALID_INPUT',
      /ingest batch/,
    )
  })

  it('no token or an unknown token → 401', async () => {
    await expectRefused(
      postIngest(hub.url, null, { records: [correction('acme')] }),
      401,
      'UNAUTHORIZED',
      /missing/,
    )
    await expectRefused(
      postIngest(hub.url, 'pdt_not-a-real-token', { records: [correction('acme')] }),
      401,
      'UNAUTHORIZED',
      /unknown desk token/,
    )
  })

  it('a revoked token → 401, and a new token for the desk works', async () => {
    const old = await hub.desk('acme', 'acme-desk-2')
    expect((await postIngest(hub.url, old, { records: [correction('acme')] })).status).toBe(200)
    await revokeDesk(hub.db, 'acme', 'acme-desk-2')
    await expectRefused(
      postIngest(hub.url, old, { records: [correction('acme')] }),
      401,
      'UNAUTHORIZED',
      /revoked/,
    )
    const fresh = await hub.desk('acme', 'acme-desk-2')
    expect((await postIngest(hub.url, fresh, { records: [correction('acme')] })).status).toBe(200)
  })

  it('a record for another tenant → 403 for the whole batch', () =>
    expectRefused(
      postIngest(hub.url, tokenA, { records: [correction('acme'), correction('globex')] }),
      403,
      'FORBIDDEN',
      /record 1 claims tenant "globex".*nothing was stored/,
    ))

  it('an oversized body → 413 with the limit', () => {
    const records = Array.from({ length: 200 }, () => correction('acme'))
    return expectRefused(postIngest(hub.url, tokenA, { records }), 413, 'PAYLOAD_TOO_LARGE', /exceeds/)
  })

  it('a desk cannot read or heartbeat as another tenant or desk', async () => {
    const gt = await fetch(`${hub.url}/v1/tenants/acme/ground-truth?split=train`, {
      headers: { authorization: `Bearer ${tokenB}` },
    })
    expect(gt.status).toBe(403)
    const hb = await fetch(`${hub.url}/v1/desks/acme-desk-1/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(hb.status).toBe(403)
  })
})

describe('heartbeat, health and metrics', () => {
  it('records a heartbeat and exposes per-desk gauges in Prometheus text', async () => {
    const hb = await fetch(`${hub.url}/v1/desks/acme-desk-1/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queueDepth: 17 }),
    })
    expect(hb.status).toBe(200)
    const metrics = await fetch(`${hub.url}/metrics`)
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await metrics.text()
    expect(text).toMatch(/^hub_desk_queue_depth\{tenant="acme",desk="acme-desk-1"\} 17$/m)
    expect(text).toMatch(/^hub_desk_seconds_since_heartbeat\{tenant="acme",desk="acme-desk-1"\} [\d.]+$/m)
    expect(text).toMatch(/^hub_desk_ingest_lag_seconds\{tenant="acme",desk="acme-desk-1"\} [\d.]+$/m)
    expect(text).toMatch(
      /^hub_ingest_records_total\{tenant="acme",desk="acme-desk-1",status="stored"\} \d+$/m,
    )
    expect(text).toMatch(/^hub_ingest_records_per_second [\d.e-]+$/m)
    expect(text).toMatch(/^hub_http_errors_total\{code="\w+"\} \d+$/m)
    const health = await (await fetch(`${hub.url}/v1/health`)).json()
    expect(health).toMatchObject({ ok: true, database: 'up' })
  })
})
