import Dexie from 'dexie'
import { verifyChain, type AuditEntry } from '../../shared/audit'
import { DeskError, STORE_SNAPSHOT_FORMAT, type StoreSnapshot } from '../../shared/contract'
import type { TenantDb } from './database'
import { applySchema, LATEST_VERSION } from './schema'
import type { OutboxRow } from './types'

/** The meta row naming the last restore this store took back, so it takes each one once. */
export const RESTORE_META_KEY = 'store.restore'

/** Every table, read in one transaction, so the snapshot is one consistent moment of the store. */
export async function takeSnapshot(db: TenantDb): Promise<StoreSnapshot> {
  const tables: Record<string, unknown[]> = {}
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray()
  })
  return {
    format: STORE_SNAPSHOT_FORMAT,
    version: 1,
    tenantId: db.tenant,
    schemaVersion: LATEST_VERSION,
    takenAt: db.nowIso(),
    tables,
  }
}

export interface RestoredStore {
  takenAt: string
  rows: number
  /** Unsent outbox rows of this store that the snapshot did not have, kept so nothing unsent is lost. */
  outboxKept: number
}

/**
 * Replaces the store's contents with a snapshot, in one transaction. The snapshot's audit chain
 * must verify first. The outbox is merged, not replaced: rows this store still holds (sent or
 * not) win over the snapshot's copy, and its unsent rows the snapshot lacks stay, because the
 * hub stores each row once by id and anything never sent must still go.
 */
export async function applySnapshot(
  db: TenantDb,
  snapshot: StoreSnapshot,
  restoreId: string,
): Promise<RestoredStore> {
  if (snapshot.tenantId !== db.tenant)
    throw new DeskError(
      'INVALID_INPUT',
      `the backup's store is tenant ${snapshot.tenantId}'s, not ${db.tenant}'s`,
    )
  if (snapshot.schemaVersion > LATEST_VERSION)
    throw new DeskError(
      'INVALID_INPUT',
      `the backup's store was written by a newer Pebble Desk (store version ${snapshot.schemaVersion}; this desk has ${LATEST_VERSION}); update the desk, then open the tenant again`,
    )
  const tables = snapshot.schemaVersion < LATEST_VERSION ? await upgraded(snapshot) : snapshot.tables
  const known = new Set(db.tables.map((t) => t.name))
  const unknown = Object.keys(tables).filter((name) => !known.has(name))
  if (unknown.length > 0)
    throw new DeskError(
      'INVALID_INPUT',
      `the backup's store has tables this desk does not know: ${unknown.join(', ')}`,
    )
  const rawAudit = tables.audit ?? []
  if (!rawAudit.every(isAuditEntry))
    throw new DeskError(
      'CORRUPT_FILE',
      "the backup's audit chain has rows that are not audit entries; nothing was restored",
    )
  const audit = rawAudit.slice().sort((a, b) => a.seq - b.seq)
  const verdict = verifyChain(audit)
  if (!verdict.ok)
    throw new DeskError(
      'CORRUPT_FILE',
      `the backup's audit chain is broken at entry ${verdict.index + 1} (${verdict.reason}); nothing was restored`,
    )

  let rows = 0
  let outboxKept = 0
  await db.transaction('rw', db.tables, async () => {
    const local = await db.outbox.toArray()
    const incoming = (tables.outbox ?? []) as OutboxRow[]
    const incomingIds = new Set(incoming.map((r) => r.id))
    const kept = local.filter((r) => r.state === 'pending' && !incomingIds.has(r.id))
    outboxKept = kept.length
    const localIds = new Set(local.map((r) => r.id))
    for (const table of db.tables) {
      const incomingRows = tables[table.name] ?? []
      await table.clear()
      if (table.name === 'outbox') {
        await table.bulkPut([...incoming.filter((r) => !localIds.has(r.id)), ...local])
      } else {
        await table.bulkPut(incomingRows)
      }
      rows += incomingRows.length
    }
    await db.meta.put({ key: RESTORE_META_KEY, value: restoreId })
  })
  return { takenAt: snapshot.takenAt, rows, outboxKept }
}

function isAuditEntry(row: unknown): row is AuditEntry {
  if (typeof row !== 'object' || row === null) return false
  const r = row as Record<string, unknown>
  return (
    typeof r.seq === 'number' &&
    ['id', 'tenant', 'at', 'actor', 'action', 'entityTable', 'entityId', 'hash', 'prevHash'].every(
      (key) => typeof r[key] === 'string',
    )
  )
}

/**
 * A snapshot from an older release, brought to the current schema by the same upgrades a desk
 * runs: loaded into a scratch database at its own version, opened at the latest, read back.
 */
async function upgraded(snapshot: StoreSnapshot): Promise<Record<string, unknown[]>> {
  const name = `pebble-desk-restore:${crypto.randomUUID()}`
  try {
    const old = new Dexie(name)
    applySchema(old, snapshot.schemaVersion)
    await old.open()
    await old.transaction('rw', old.tables, async () => {
      for (const table of old.tables) await table.bulkPut(snapshot.tables[table.name] ?? [])
    })
    old.close()
    const current = new Dexie(name)
    applySchema(current)
    await current.open()
    const tables: Record<string, unknown[]> = {}
    for (const table of current.tables) tables[table.name] = await table.toArray()
    current.close()
    return tables
  } finally {
    await Dexie.delete(name)
  }
}
