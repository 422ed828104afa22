import Dexie from 'dexie'
import type { TenantDb } from './database'
import type { OutboxRow } from './types'

/** Oldest first, so the hub receives changes in the order the user made them. */
export function pendingOutbox(db: TenantDb, limit: number): Promise<OutboxRow[]> {
  return db.outbox
    .where('[state+createdAt]')
    .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
    .limit(limit)
    .toArray()
}

/**
 * Marks acknowledged rows sent. Rows are never deleted here: the ack is the only proof the hub
 * has them. Already-sent rows are left alone so a duplicate ack does not move sentAt.
 * Returns how many rows changed state.
 */
export function markSent(db: TenantDb, ids: readonly string[], at: Date | string): Promise<number> {
  const sentAt = typeof at === 'string' ? at : at.toISOString()
  return db.outbox
    .where('id')
    .anyOf([...ids])
    .and((row) => row.state === 'pending')
    .modify({ state: 'sent', sentAt })
}

/** Records a failed push; rows stay pending so the processor retries them after its backoff. */
export function markFailed(db: TenantDb, ids: readonly string[], error: string): Promise<number> {
  return db.outbox
    .where('id')
    .anyOf([...ids])
    .and((row) => row.state === 'pending')
    .modify((row) => {
      row.attempts += 1
      row.lastError = error
    })
}

/** Number of rows still waiting for the hub (the sync badge). */
export function outboxDepth(db: TenantDb): Promise<number> {
  return db.outbox.where('state').equals('pending').count()
}
