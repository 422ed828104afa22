import { describe, expect, it } from 'vitest'
import {
  GENESIS_HASH,
  hashAuditEntry,
  verifyChain,
  type AuditEntry,
  type UnhashedAuditEntry,
} from '../../../src/shared/audit'

function entry(seq: number, prevHash: string, extra: Partial<UnhashedAuditEntry> = {}): AuditEntry {
  const unhashed: UnhashedAuditEntry = {
    id: `entry-${seq}`,
    seq,
    tenant: 'acme',
    at: `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    actor: 'qa.lead',
    action: 'update',
    entityTable: 'decisions',
    entityId: `decision-${seq}`,
    after: { kind: 'coa.approval', value: { approved: seq % 2 === 0 } },
    ...extra,
  }
  return { ...unhashed, prevHash, hash: hashAuditEntry(unhashed, prevHash) }
}

/** A correctly chained log of `n` entries, the way the store writes it. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = []
  for (let seq = 1; seq <= n; seq++) out.push(entry(seq, out[out.length - 1]?.hash ?? GENESIS_HASH))
  return out
}

const at = (entries: AuditEntry[], i: number): AuditEntry => entries[i] as AuditEntry

describe('verifyChain', () => {
  it('accepts an untouched chain and an empty one', () => {
    expect(verifyChain(chain(6))).toEqual({ ok: true, count: 6 })
    expect(verifyChain([])).toEqual({ ok: true, count: 0 })
  })

  it('covers every field and the link: changing any of them changes the hash', () => {
    const e = at(chain(1), 0)
    const { hash: _h, prevHash: _p, ...rest } = e
    expect(hashAuditEntry({ ...rest, actor: 'someone.else' }, GENESIS_HASH)).not.toBe(e.hash)
    expect(hashAuditEntry(rest, 'f'.repeat(64))).not.toBe(e.hash)
    expect(hashAuditEntry({ ...rest }, GENESIS_HASH)).toBe(e.hash)
  })

  it('names an entry whose field was edited in place', () => {
    const entries = chain(5)
    entries[2] = { ...at(entries, 2), after: { kind: 'coa.approval', value: { approved: true } } }
    expect(verifyChain(entries)).toEqual({ ok: false, index: 2, entryId: 'entry-3', reason: 'hash-mismatch' })
  })

  it('names an entry whose stored hash was replaced', () => {
    const entries = chain(4)
    entries[1] = { ...at(entries, 1), hash: 'a'.repeat(64) }
    expect(verifyChain(entries)).toMatchObject({ ok: false, index: 1, reason: 'hash-mismatch' })
  })

  it('names an entry that was edited and re-hashed, from its successor no longer pointing at it', () => {
    const entries = chain(5)
    const forged = entry(3, at(entries, 1).hash, { actor: 'mallory' })
    entries[2] = forged
    expect(verifyChain(entries)).toEqual({ ok: false, index: 2, entryId: 'entry-3', reason: 'broken-link' })
  })

  it('detects a deleted entry and names the first one after the hole', () => {
    const entries = chain(5)
    entries.splice(2, 1)
    expect(verifyChain(entries)).toEqual({ ok: false, index: 2, entryId: 'entry-4', reason: 'sequence-gap' })
  })

  it('detects a deleted first entry', () => {
    const entries = chain(3).slice(1)
    expect(verifyChain(entries)).toEqual({ ok: false, index: 0, entryId: 'entry-2', reason: 'sequence-gap' })
  })

  it('detects reordered entries and names the first one out of place', () => {
    const entries = chain(5)
    const [third, fourth] = [at(entries, 2), at(entries, 3)]
    entries[2] = fourth
    entries[3] = third
    expect(verifyChain(entries)).toEqual({ ok: false, index: 2, entryId: 'entry-4', reason: 'sequence-gap' })
  })

  it('names a well-formed entry slipped into the middle of the chain', () => {
    const entries = chain(5)
    // The forger knows the algorithm: the intruder is correctly hashed and linked to entry 2.
    const intruder = entry(3, at(entries, 1).hash, { actor: 'mallory', id: 'intruder' })
    entries.splice(2, 0, intruder)
    expect(verifyChain(entries)).toEqual({ ok: false, index: 2, entryId: 'intruder', reason: 'broken-link' })
  })

  it('names a badly forged inserted entry', () => {
    const entries = chain(4)
    entries.splice(1, 0, { ...at(entries, 1), id: 'intruder', actor: 'mallory' })
    expect(verifyChain(entries)).toEqual({
      ok: false,
      index: 1,
      entryId: 'intruder',
      reason: 'hash-mismatch',
    })
  })

  it('reports only the FIRST tampered entry when several were changed', () => {
    const entries = chain(6)
    entries[4] = { ...at(entries, 4), actor: 'mallory' }
    entries[1] = { ...at(entries, 1), action: 'delete' }
    expect(verifyChain(entries)).toMatchObject({ ok: false, index: 1, entryId: 'entry-2' })
  })

  it('treats an entry made unhashable (a non-JSON value) as tampered, not as a crash', () => {
    const entries = chain(3)
    entries[1] = { ...at(entries, 1), after: Number.NaN }
    expect(verifyChain(entries)).toMatchObject({ ok: false, index: 1, reason: 'hash-mismatch' })
  })

  it('verifies a segment continuing from an anchor, e.g. the last entry the hub accepted', () => {
    const entries = chain(6)
    const anchor = { seq: 3, hash: at(entries, 2).hash }
    expect(verifyChain(entries.slice(3), anchor)).toEqual({ ok: true, count: 3 })
    expect(verifyChain(entries.slice(4), anchor)).toMatchObject({
      ok: false,
      index: 0,
      reason: 'sequence-gap',
    })
  })
})
