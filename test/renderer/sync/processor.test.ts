import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTenantDb, outboxDepth } from '../../../src/renderer/db'
import { MemorySettings, OutboxProcessor, type FetchLike, type SyncStatus } from '../../../src/renderer/sync'
import { uuidv7 } from '../../../src/shared/ids'
import { ingestBatchSchema, ingestRecordSchema } from '../../../src/shared/sync/wire'
import { withTenant } from '../../../server/db/pool'
import { revokeDesk } from '../../../server/store/desks'
import { startTestHub, type TestHub } from '../../server/support/hub'
import { openFresh } from '../db/helpers'
import { correctionPayload, recordCorrections, seedOutbox } from './helpers'

let hub: TestHub

beforeAll(async () => {
  hub = await startTestHub({ env: { INGEST_MAX_BYTES: String(48 * 1024) } })
})
afterAll(() => hub.close())

async function hubCount(tenant: string): Promise<number> {
  return withTenant(hub.db, tenant, async (tx) => {
    const r = await tx.query<{ n: string }>('SELECT count(*) AS n FROM ingest_records')
    return Number(r.rows[0]?.n)
  })
}

async function setup(label: string) {
  const db = await openFresh(label)
  const deskId = `${db.tenant}-desk`
  const token = await hub.desk(db.tenant, deskId)
  const settings = new MemorySettings({ hubUrl: hub.url, deskId, token })
  return { db, deskId, token, settings }
}

/** fetch that records each ingest batch and can misbehave on demand. */
function spyFetch(behaviour: { afterHub?: (n: number) => void } = {}) {
  const batches: string[][] = []
  let active = 0
  let maxActive = 0
  const impl: FetchLike = async (url, init) => {
    active += 1
    maxActive = Math.max(maxActive, active)
    try {
      if (url.endsWith('/v1/ingest')) {
        const body = ingestBatchSchema.parse(JSON.parse(String(init.body)))
        batches.push(body.records.map((r) => ingestRecordSchema.parse(r).id))
      }
      const response = await fetch(url, init)
      behaviour.afterHub?.(batches.length)
      return response
    } finally {
      active -= 1
    }
  }
  return { impl, batches, maxActive: () => maxActive }
}

describe('OutboxProcessor against a real hub', () => {
  it('drains the outbox oldest first in batches, marking rows sent only once acknowledged', async () => {
    const { db, settings } = await setup('drain')
    const rows = await recordCorrections(db, 120)
    const spy = spyFetch()
    const statuses: SyncStatus[] = []
    const p = new OutboxProcessor({ db, settings, fetch: spy.impl, batchSize: 50 })
    p.onStatus((s) => statuses.push(s))
    const result = await p.flush()
    expect(result).toEqual({ ok: true, sent: 120, error: null })
    expect(spy.batches.map((b) => b.length)).toEqual([50, 50, 20])
    expect(spy.batches.flat()).toEqual(rows.map((r) => r.id))
    expect(await outboxDepth(db)).toBe(0)
    expect(await hubCount(db.tenant)).toBe(120)
    const sent = await db.outbox.toArray()
    expect(sent.every((r) => r.state === 'sent' && typeof r.sentAt === 'string')).toBe(true)
    expect(p.getStatus()).toMatchObject({
      state: 'idle',
      pending: 0,
      online: true,
      lastError: null,
      sentTotal: 120,
    })
    expect(statuses.some((s) => s.state === 'syncing' && s.pending === 120)).toBe(true)
    expect(p.getStatus().lastSuccessAt).not.toBeNull()
  })

  it('keeps rows pending when the ack is lost, and the retry is acknowledged as a duplicate', async () => {
    const { db, settings } = await setup('lost-ack')
    await recordCorrections(db, 30)
    let cut = true
    const lossy: FetchLike = async (url, init) => {
      const response = await fetch(url, init)
      if (cut && url.endsWith('/v1/ingest')) {
        cut = false
        await response.body?.cancel()
        throw new TypeError('fetch failed: connection reset after the hub committed')
      }
      return response
    }
    const p = new OutboxProcessor({ db, settings, fetch: lossy, batchSize: 100 })
    const first = await p.flush()
    expect(first.ok).toBe(false)
    expect(await hubCount(db.tenant)).toBe(30) // the hub has them …
    expect(await outboxDepth(db)).toBe(30) // … but without an ack the desk does not assume so
    expect(p.getStatus()).toMatchObject({ online: false, state: 'waiting', consecutiveFailures: 1 })
    expect(p.getStatus().lastError).toMatch(/connection reset/)
    const again = await p.flush()
    expect(again).toMatchObject({ ok: true, sent: 30 })
    expect(await outboxDepth(db)).toBe(0)
    expect(await hubCount(db.tenant)).toBe(30)
    const rows = await db.outbox.toArray()
    expect(rows.every((r) => r.attempts === 1)).toBe(true)
  })

  it('is single-flight: concurrent flushes share one run and never overlap requests', async () => {
    const { db, settings } = await setup('single')
    await seedOutbox(db, 300)
    const spy = spyFetch()
    const p = new OutboxProcessor({ db, settings, fetch: spy.impl, batchSize: 40 })
    const runs = [p.flush(), p.flush(), p.flush()]
    expect(runs[1]).toBe(runs[0])
    const results = await Promise.all(runs)
    expect(results.map((r) => r.sent)).toEqual([300, 300, 300])
    expect(spy.maxActive()).toBe(1)
    expect(spy.batches.flat()).toHaveLength(300)
    expect(await hubCount(db.tenant)).toBe(300)
  })

  it('resumes after a restart from the outbox alone', async () => {
    const { db, settings } = await setup('restart')
    await seedOutbox(db, 100)
    const first = new OutboxProcessor({ db, settings, batchSize: 25 })
    // The desk "quits" after the second acknowledged batch.
    const stopAfter = first.onStatus((s) => {
      if (s.sentTotal >= 50) void first.stop()
    })
    await first.flush()
    stopAfter()
    const name = db.tenant
    db.close()
    const reopened = await openTenantDb(name)
    const left = await outboxDepth(reopened)
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThan(100)
    const second = new OutboxProcessor({ db: reopened, settings, batchSize: 25 })
    expect((await second.flush()).sent).toBe(left)
    expect(await hubCount(name)).toBe(100)
    reopened.close()
  })

  it('parks records the hub rejects, so they neither block the queue nor get lost', async () => {
    const { db, settings } = await setup('reject')
    const at = '2026-03-02T08:00:00.000Z'
    await db.outbox.add({
      id: uuidv7(),
      tenant: db.tenant,
      kind: 'field.correction',
      entityTable: 'decisions',
      entityId: 'x',
      payload: { ...correctionPayload('bad', at), confidence: 3 },
      createdAt: at,
      state: 'pending',
      attempts: 0,
    })
    await seedOutbox(db, 20)
    const p = new OutboxProcessor({ db, settings, batchSize: 5 })
    expect((await p.flush()).sent).toBe(20)
    expect(p.getStatus()).toMatchObject({ pending: 0, rejected: 1 })
    const [parked] = await db.outbox.where('state').equals('pending').toArray()
    expect(parked?.lastError).toMatch(/^rejected by hub: payload of field.correction: confidence/)
    expect(await p.flush()).toMatchObject({ ok: true, sent: 0 }) // not retried on its own
    expect(await p.retryRejected()).toBe(1)
    expect(p.getStatus()).toMatchObject({ pending: 1, rejected: 0 })
  })

  it('halves the batch when the hub says the body is too large', async () => {
    const { db, settings } = await setup('big')
    await seedOutbox(db, 400)
    const spy = spyFetch()
    const p = new OutboxProcessor({ db, settings, fetch: spy.impl, batchSize: 400 })
    expect((await p.flush()).sent).toBe(400)
    expect(spy.batches[0]).toHaveLength(400)
    expect(Math.max(...spy.batches.slice(-3).map((b) => b.length))).toBeLessThan(400)
    expect(await hubCount(db.tenant)).toBe(400)
  })

  it('backs off with full jitter while the hub is unreachable, and reports offline', async () => {
    const { db, token, deskId } = await setup('offline')
    await seedOutbox(db, 5)
    const settings = new MemorySettings({ hubUrl: 'http://127.0.0.1:9', deskId, token })
    const t0 = new Date('2026-03-02T09:00:00.000Z')
    const p = new OutboxProcessor({
      db,
      settings,
      clock: () => t0,
      random: () => 0.5,
      backoff: { baseMs: 60_000, capMs: 300_000 },
    })
    const waits: Array<string | null> = []
    p.onStatus((s) => {
      if (s.state === 'waiting' && s.nextAttemptAt !== null) waits.push(s.nextAttemptAt)
    })
    p.start()
    await until(() => waits.length >= 1)
    p.syncNow()
    await until(() => waits.length >= 2)
    p.syncNow()
    await until(() => waits.length >= 3)
    await p.stop()
    // 0.5 x min(cap, base x 2^n): 30 s, 60 s, 120 s
    expect(waits.slice(0, 3).map((w) => (Date.parse(w ?? '') - t0.getTime()) / 1000)).toEqual([30, 60, 120])
    expect(p.getStatus()).toMatchObject({ online: false, state: 'stopped', pending: 5 })
    expect(p.getStatus().lastError).toMatch(/hub unreachable/)

    settings.set({ hubUrl: hub.url, deskId, token })
    expect((await p.flush()).sent).toBe(5)
    expect(p.getStatus()).toMatchObject({ online: true, consecutiveFailures: 0, lastError: null })
  })

  it('reports a revoked token as an error and keeps every row', async () => {
    const { db, settings, deskId } = await setup('revoked')
    await seedOutbox(db, 3)
    await revokeDesk(hub.db, db.tenant, deskId)
    const p = new OutboxProcessor({ db, settings })
    const r = await p.flush()
    expect(r.ok).toBe(false)
    expect(r.error).toMatch(/401.*revoked/)
    expect(p.getStatus()).toMatchObject({ online: true, pending: 3 })
    expect(await outboxDepth(db)).toBe(3)
  })

  it('waits quietly when sync is not configured', async () => {
    const db = await openFresh('unconfigured')
    await seedOutbox(db, 2)
    const p = new OutboxProcessor({ db, settings: new MemorySettings(null) })
    expect(await p.flush()).toMatchObject({ ok: false, sent: 0 })
    expect(p.getStatus().state).toBe('unconfigured')
  })
})

async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}
