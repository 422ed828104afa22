import Dexie from 'dexie'
import { canonicalJson, type JsonValue } from '../../shared/audit'
import { uuidv7 } from '../../shared/ids/uuidv7'
import type { TenantDb } from './database'
import type { OutboxRow } from './types'

/**
 * Outbox rows for records the desk's main side keeps and audits in its own chain (a bid portal's
 * learned template): the renderer only carries the change to the hub. All rows land in one
 * transaction, oldest first in the order given; a payload that is not JSON fails them all.
 */
export function enqueueOutbox(
  db: TenantDb,
  rows: readonly { kind: string; entityTable: string; entityId: string; payload: JsonValue }[],
): Promise<OutboxRow[]> {
  for (const row of rows) canonicalJson(row.payload)
  return db.transaction('rw', db.outbox, async () => {
    const added: OutboxRow[] = []
    for (const row of rows) {
      const outbox: OutboxRow = {
        id: uuidv7(),
        tenant: db.tenant,
        ...row,
        createdAt: db.nowIso(),
        state: 'pending',
        attempts: 0,
      }
      await db.outbox.add(outbox)
      added.push(outbox)
    }
    return added
  })
}

/** Ids of the records of `kind` with a change still waiting for the hub. */
export async function waitingEntityIds(db: TenantDb, kind: string): Promise<Set<string>> {
  return new Set(
    (await db.outbox.where('state').equals('pending').toArray())
      .filter((row) => row.kind === kind)
      .map((row) => row.entityId),
  )
}

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
