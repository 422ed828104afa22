import { sha256Hex } from '../crypto/sha256'
import { canonicalJson, type JsonValue } from './canonical'

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEntry {
  id: string
  /** 1, 2, 3... with no gaps, so a deleted entry shows as a hole. */
  seq: number
  tenant: string
  /** ISO 8601 time of the change. */
  at: string
  actor: string
  action: string
  entityTable: string
  entityId: string
  before?: JsonValue
  after?: JsonValue
  /** `hash` of the entry with seq - 1, or GENESIS_HASH for seq 1. */
  prevHash: string
  hash: string
}

export type UnhashedAuditEntry = Omit<AuditEntry, 'hash' | 'prevHash'>

export type ChainBreak = 'hash-mismatch' | 'broken-link' | 'sequence-gap'

export type ChainVerdict =
  { ok: true; count: number } | { ok: false; index: number; entryId: string; reason: ChainBreak }

/** Where a chain segment starts: the genesis, or the last entry already verified (e.g. by the hub). */
export interface ChainAnchor {
  seq: number
  hash: string
}

export const GENESIS_ANCHOR: ChainAnchor = { seq: 0, hash: GENESIS_HASH }

/** Hashes every field but `hash`, with `prevHash` taken from the argument so the link is covered. */
export function hashAuditEntry(entry: UnhashedAuditEntry, prevHash: string): string {
  const {
    hash: _hash,
    prevHash: _prev,
    ...rest
  } = entry as UnhashedAuditEntry & {
    hash?: unknown
    prevHash?: unknown
  }
  return sha256Hex(canonicalJson({ ...rest, prevHash }))
}

/**
 * Verifies entries in the order given (ascending seq) and names the FIRST entry that was tampered
 * with:
 * - 'hash-mismatch': the entry's content no longer matches its own hash (edited in place).
 * - 'sequence-gap': seq is not its predecessor's + 1 (an entry was deleted, or entries reordered);
 *   the named entry is the first one out of place.
 * - 'broken-link': every entry hashes correctly but the chain does not pass through the named one:
 *   it was inserted, or rewritten and re-hashed so its successor no longer points at it.
 *
 * A chain is only as trustworthy as its head: truncating the newest entries, or rewriting and
 * re-hashing everything after some point, is invisible without an anchor held elsewhere.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  anchor: ChainAnchor = GENESIS_ANCHOR,
): ChainVerdict {
  // Hash -> index of entries seen so far, to tell an inserted entry from a rewritten one.
  const seen = new Map<string, number>([[anchor.hash, -1]])
  let prevSeq = anchor.seq
  let prevHash = anchor.hash

  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as AuditEntry
    const fail = (index: number, reason: ChainBreak): ChainVerdict => ({
      ok: false,
      index,
      entryId: (entries[index] ?? entry).id,
      reason,
    })

    if (safeHash(entry) !== entry.hash) return fail(i, 'hash-mismatch')

    if (entry.prevHash !== prevHash) {
      const linkedTo = seen.get(entry.prevHash)
      // This entry points further back: everything between was slipped in.
      if (linkedTo !== undefined && linkedTo < i - 1) return fail(linkedTo + 1, 'broken-link')
      if (entry.seq !== prevSeq + 1) return fail(i, 'sequence-gap')
      // Consecutive seq but an unknown link: the predecessor was rewritten and re-hashed.
      return fail(i > 0 ? i - 1 : i, 'broken-link')
    }
    if (entry.seq !== prevSeq + 1) return fail(i, 'sequence-gap')

    seen.set(entry.hash, i)
    prevSeq = entry.seq
    prevHash = entry.hash
  }
  return { ok: true, count: entries.length }
}

function safeHash(entry: AuditEntry): string | null {
  try {
    return hashAuditEntry(entry, entry.prevHash)
  } catch {
    // Tampering that makes an entry unhashable (e.g. a non-JSON value) is still tampering.
    return null
  }
}
