import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  markFailed,
  markSent,
  outboxDepth,
  pendingOutbox,
  recordChange,
  type TenantDb,
} from '../../../src/renderer/db'
import { openFresh } from './helpers'

async function scan(db: TenantDb, code: string) {
  const { outbox } = await recordChange(db, {
    table: 'decisions',
    action: 'create',
    actor: 'picker.7',
    entity: { kind: 'scan.link', subjectId: code, value: { gtin: code } },
    outbox: { kind: 'decision.recorded' },
  })
  return outbox
}

describe('outbox', () => {
  it('hands out pending rows oldest first, even when created in the same millisecond', async () => {
    // A frozen clock: every row has the same createdAt, so order must come from the UUIDv7 id.
    const db = await openFresh('wh', { clock: () => new Date('2026-03-01T08:00:00.000Z') })
    const rows = []
    for (let i = 0; i < 12; i++) rows.push(await scan(db, `0400638133393${i}`))
    expect((await pendingOutbox(db, 5)).map((r) => r.id)).toEqual(rows.slice(0, 5).map((r) => r.id))
    expect(await outboxDepth(db)).toBe(12)
  })

  it('orders by creation time across clock readings', async () => {
    let t = Date.parse('2026-03-01T08:00:00.000Z')
    const db = await openFresh('wh', { clock: () => new Date((t += 1000)) })
    const rows = [await scan(db, 'a'), await scan(db, 'b'), await scan(db, 'c')]
    expect((await pendingOutbox(db, 10)).map((r) => r.id)).toEqual(rows.map((r) => r.id))
  })

  it('marks acknowledged rows sent, keeps them, and stops offering them', async () => {
    const db = await openFresh()
    const [a, b, c] = [await scan(db, 'a'), await scan(db, 'b'), await scan(db, 'c')]
    expect(await markSent(db, [a.id, b.id], new Date('2026-03-01T09:00:00.000Z'))).toBe(2)
    expect(await outboxDepth(db)).toBe(1)
    expect((await pendingOutbox(db, 10)).map((r) => r.id)).toEqual([c.id])
    expect(await db.outbox.get(a.id)).toMatchObject({ state: 'sent', sentAt: '2026-03-01T09:00:00.000Z' })
    expect(await db.outbox.count()).toBe(3)
  })

  it('does not re-stamp rows on a duplicate ack', async () => {
    const db = await openFresh()
    const a = await scan(db, 'a')
    await markSent(db, [a.id], '2026-03-01T09:00:00.000Z')
    expect(await markSent(db, [a.id, 'unknown-id'], '2026-03-01T10:00:00.000Z')).toBe(0)
    expect((await db.outbox.get(a.id))?.sentAt).toBe('2026-03-01T09:00:00.000Z')
  })

  it('counts failed attempts and keeps the rows pending for retry', async () => {
    const db = await openFresh()
    const [a, b] = [await scan(db, 'a'), await scan(db, 'b')]
    await markFailed(db, [a.id], 'hub unreachable')
    await markFailed(db, [a.id, b.id], 'HTTP 503')
    expect(await db.outbox.get(a.id)).toMatchObject({ state: 'pending', attempts: 2, lastError: 'HTTP 503' })
    expect(await db.outbox.get(b.id)).toMatchObject({ attempts: 1 })
    expect(await outboxDepth(db)).toBe(2)
    await markSent(db, [a.id], new Date())
    expect(await markFailed(db, [a.id], 'late failure')).toBe(0)
    expect(await db.outbox.get(a.id)).toMatchObject({ state: 'sent', attempts: 2 })
  })
})
