import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { recordChange, verifyAuditChain, type TenantDb } from '../../../src/renderer/db'
import { openFresh } from './helpers'

async function approveCertificates(db: TenantDb, n: number) {
  const audits = []
  for (let i = 1; i <= n; i++) {
    const { audit } = await recordChange(db, {
      table: 'decisions',
      action: 'create',
      actor: 'qa.lead',
      entity: { kind: 'coa.approval', subjectId: `coa-${i}`, value: { approved: true } },
      outbox: { kind: 'decision.recorded' },
    })
    audits.push(audit)
  }
  return audits
}

describe('verifyAuditChain', () => {
  it('names the audit entry someone edited in the database', async () => {
    const db = await openFresh()
    const audits = await approveCertificates(db, 4)
    const victim = audits[2]
    if (!victim) throw new Error('no entry')
    // e.g. through devtools: flip an approval after the fact
    await db.audit.update(victim.id, { after: { ...(victim.after as object), value: { approved: false } } })
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      index: 2,
      entryId: victim.id,
      reason: 'hash-mismatch',
    })
  })

  it('names the entry after one that was deleted from the database', async () => {
    const db = await openFresh()
    const audits = await approveCertificates(db, 4)
    await db.audit.delete(audits[1]?.id ?? '')
    expect(await verifyAuditChain(db)).toEqual({
      ok: false,
      index: 1,
      entryId: audits[2]?.id,
      reason: 'sequence-gap',
    })
  })

  it('accepts an empty log', async () => {
    const db = await openFresh()
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0 })
  })
})
