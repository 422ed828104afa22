import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH } from '../../../src/shared/audit'
import { isUuidV7 } from '../../../src/shared/ids/uuidv7'
import { recordChange, verifyAuditChain, type TenantDb } from '../../../src/renderer/db'
import { openFresh, steppingClock } from './helpers'

const decide = (db: TenantDb, subjectId: string, relevant: boolean) =>
  recordChange(db, {
    table: 'decisions',
    action: 'create',
    actor: 'anna.buyer',
    entity: { kind: 'tender.relevance', subjectId, value: { relevant }, reason: 'matches CPV 33140000' },
    outbox: { kind: 'decision.recorded' },
  })

async function counts(db: TenantDb) {
  return {
    documents: await db.documents.count(),
    decisions: await db.decisions.count(),
    audit: await db.audit.count(),
    outbox: await db.outbox.count(),
  }
}

describe('recordChange', () => {
  it('stores the decision, a chained audit entry and a pending outbox row together', async () => {
    const db = await openFresh('acme', { clock: steppingClock() })
    const { entity, audit, outbox } = await decide(db, 'tender-41', true)

    expect(entity).toMatchObject({
      tenant: db.tenant,
      createdBy: 'anna.buyer',
      kind: 'tender.relevance',
      value: { relevant: true },
    })
    expect(isUuidV7(entity?.id ?? '')).toBe(true)
    expect(entity?.createdAt).toBe(entity?.updatedAt)
    expect(await db.decisions.get(entity?.id ?? '')).toEqual(entity)

    expect(audit).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, action: 'create', actor: 'anna.buyer' })
    expect(audit.after).toEqual(entity)
    expect(audit.before).toBeUndefined()

    expect(outbox).toMatchObject({
      state: 'pending',
      attempts: 0,
      kind: 'decision.recorded',
      entityId: entity?.id,
    })
    expect(outbox.payload).toEqual(entity)
    expect(await counts(db)).toEqual({ documents: 0, decisions: 1, audit: 1, outbox: 1 })
  })

  it('chains each audit entry to the previous one', async () => {
    const db = await openFresh()
    const first = await decide(db, 's-1', true)
    const second = await decide(db, 's-2', false)
    expect(second.audit.seq).toBe(2)
    expect(second.audit.prevHash).toBe(first.audit.hash)
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 2 })
  })

  it('keeps the chain intact when many changes race each other', async () => {
    const db = await openFresh()
    await Promise.all(Array.from({ length: 25 }, (_, i) => decide(db, `s-${i}`, i % 2 === 0)))
    const seqs = (await db.audit.orderBy('seq').toArray()).map((e) => e.seq)
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, i) => i + 1))
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 25 })
  })

  it('audits an update with before and after, keeping who created it and when', async () => {
    const db = await openFresh('acme', { clock: steppingClock() })
    const created = await recordChange(db, {
      table: 'documents',
      action: 'create',
      actor: 'lab.tech',
      entity: { documentId: 'doc-1', note: 'COA batch 7' },
      outbox: { kind: 'note.saved' },
    })
    const id = created.entity?.id ?? ''
    const updated = await recordChange(db, {
      table: 'documents',
      action: 'update',
      actor: 'qa.lead',
      entity: { id, note: 'COA batch 7, pH out of spec', tags: ['ph'] },
      outbox: { kind: 'note.saved' },
    })
    expect(updated.entity).toMatchObject({
      createdBy: 'lab.tech',
      createdAt: created.entity?.createdAt,
      tags: ['ph'],
    })
    expect(updated.entity?.updatedAt).not.toBe(created.entity?.updatedAt)
    expect(updated.audit).toMatchObject({ action: 'update', actor: 'qa.lead', before: created.entity })
    expect(updated.audit.after).toEqual(await db.documents.get(id))
  })

  it('audits a delete, and sends the id when no payload is given', async () => {
    const db = await openFresh()
    const created = await decide(db, 's-1', true)
    const id = created.entity?.id ?? ''
    const deleted = await recordChange(db, {
      table: 'decisions',
      action: 'delete',
      actor: 'anna.buyer',
      entity: { id },
      outbox: { kind: 'decision.deleted' },
    })
    expect(await db.decisions.get(id)).toBeUndefined()
    expect(deleted.audit.before).toEqual(created.entity)
    expect(deleted.audit.after).toBeUndefined()
    expect(deleted.outbox.payload).toEqual({ id })
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 2 })
  })

  it('leaves no half record when the outbox payload cannot be sent', async () => {
    const db = await openFresh()
    await decide(db, 'kept', true)
    const unsendable = { callback: () => 'not JSON' } as unknown as { callback: string }
    await expect(
      recordChange(db, {
        table: 'decisions',
        action: 'create',
        actor: 'anna.buyer',
        entity: { kind: 'tender.relevance', subjectId: 'lost', value: true },
        outbox: { kind: 'decision.recorded', payload: unsendable },
      }),
    ).rejects.toThrow(/function has no JSON form/)
    expect(await counts(db)).toEqual({ documents: 0, decisions: 1, audit: 1, outbox: 1 })
    expect(await db.decisions.where('subjectId').equals('lost').count()).toBe(0)
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 1 })
  })

  it('leaves no half record when storage fails at the last step', async () => {
    const db = await openFresh()
    // Stands in for a quota or disk error on the final write of the transaction.
    db.outbox.hook('creating', () => {
      throw new Error('QuotaExceededError: disk full')
    })
    await expect(decide(db, 's-1', true)).rejects.toThrow(/disk full/)
    expect(await counts(db)).toEqual({ documents: 0, decisions: 0, audit: 0, outbox: 0 })
  })

  it('leaves no half record when an update is rejected midway, and the old value stays', async () => {
    const db = await openFresh()
    const created = await decide(db, 's-1', true)
    const id = created.entity?.id ?? ''
    db.audit.hook('creating', () => {
      throw new Error('audit write failed')
    })
    await expect(
      recordChange(db, {
        table: 'decisions',
        action: 'update',
        actor: 'anna.buyer',
        entity: { id, value: { relevant: false } },
        outbox: { kind: 'decision.recorded' },
      }),
    ).rejects.toThrow(/audit write failed/)
    expect((await db.decisions.get(id))?.value).toEqual({ relevant: true })
    expect(await db.outbox.count()).toBe(1)
  })

  it('refuses an update or delete of something that does not exist, writing nothing', async () => {
    const db = await openFresh()
    const missing = '01890a5d-ac96-774b-bcce-b302099a8057'
    await expect(
      recordChange(db, {
        table: 'decisions',
        action: 'delete',
        actor: 'a',
        entity: { id: missing },
        outbox: { kind: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await counts(db)).toEqual({ documents: 0, decisions: 0, audit: 0, outbox: 0 })
  })

  it('refuses a duplicate id without touching the original', async () => {
    const db = await openFresh()
    const created = await decide(db, 's-1', true)
    await expect(
      recordChange(db, {
        table: 'decisions',
        action: 'create',
        actor: 'mallory',
        entity: { id: created.entity?.id, kind: 'tender.relevance', subjectId: 's-1', value: false },
        outbox: { kind: 'decision.recorded' },
      }),
    ).rejects.toThrow(/ConstraintError|Key already exists/)
    expect(await db.decisions.get(created.entity?.id ?? '')).toEqual(created.entity)
    expect(await counts(db)).toEqual({ documents: 0, decisions: 1, audit: 1, outbox: 1 })
  })

  it('validates input: callers cannot set base fields, and an actor is required', async () => {
    const db = await openFresh()
    await expect(
      recordChange(db, {
        table: 'decisions',
        action: 'create',
        actor: 'anna',
        entity: { kind: 'k', subjectId: 's', value: 1, tenant: 'other' } as never,
        outbox: { kind: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(
      recordChange(db, {
        table: 'decisions',
        action: 'create',
        actor: '',
        entity: { kind: 'k', subjectId: 's', value: 1 },
        outbox: { kind: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await counts(db)).toEqual({ documents: 0, decisions: 0, audit: 0, outbox: 0 })
  })
})
