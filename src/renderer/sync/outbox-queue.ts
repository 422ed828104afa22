import Dexie from 'dexie'
import { markFailed, outboxDepth, type OutboxRow, type TenantDb } from '../db'

/**
 * The outbox has only 'pending' and 'sent'. A row the hub refused stays pending (it is never lost)
 * but is parked: marked through lastError with this prefix and skipped by the processor, so one
 * bad row cannot block the queue behind it. "Retry rejected" unparks them.
 */
export const PARKED_PREFIX = 'rejected by hub: '

export function isParked(row: OutboxRow): boolean {
  return row.lastError?.startsWith(PARKED_PREFIX) ?? false
}

function pendingInOrder(db: TenantDb) {
  return db.outbox.where('[state+createdAt]').between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
}

/** Oldest first (createdAt, then the UUIDv7 id), skipping parked rows. */
export function nextBatch(db: TenantDb, limit: number): Promise<OutboxRow[]> {
  return pendingInOrder(db)
    .filter((row) => !isParked(row))
    .limit(limit)
    .toArray()
}

/**
 * One getAll and a filter in JS: a filtered cursor count is quadratic in some IndexedDB
 * implementations (42 s for 10,000 rows in fake-indexeddb), getAll is one call.
 */
export async function countParked(db: TenantDb): Promise<number> {
  const rows = await pendingInOrder(db).toArray()
  return rows.filter(isParked).length
}

export async function park(db: TenantDb, rejections: ReadonlyArray<{ id: string; reason: string }>) {
  for (const { id, reason } of rejections) await markFailed(db, [id], `${PARKED_PREFIX}${reason}`)
}

export function unparkAll(db: TenantDb): Promise<number> {
  return pendingInOrder(db)
    .filter(isParked)
    .modify((row) => {
      delete row.lastError
    })
}

export { outboxDepth }
