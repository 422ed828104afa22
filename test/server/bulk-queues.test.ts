import type PgBoss from 'pg-boss'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BULK_DEAD_QUEUE,
  BULK_QUEUE,
  DEFAULT_QUEUE_SETTINGS,
  ensureQueues,
  openBoss,
} from '../../server/bulk/queue'
import { createTestDatabase, type TestDatabase } from './support/db'

// Bulk workers are started together (compose, KEDA, --autoscale): each creates the queues it needs on
// start. Unserialised, pg-boss's queue creation deadlocks in PostgreSQL and a worker dies at start.
let database: TestDatabase
const bosses: PgBoss[] = []

beforeAll(async () => {
  database = await createTestDatabase()
}, 60_000)

afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, wait: true }).catch(() => undefined)
  await database?.drop()
})

describe('bulk queues', () => {
  it('are created once when several workers start at the same moment', async () => {
    for (let i = 0; i < 4; i++) bosses.push(await openBoss(database.url, { supervise: false, max: 2 }))
    await Promise.all(bosses.map((boss) => ensureQueues(boss, DEFAULT_QUEUE_SETTINGS, database.url)))
    const queue = await bosses[0]!.getQueue(BULK_QUEUE)
    expect(queue?.deadLetter).toBe(BULK_DEAD_QUEUE)
    expect(await bosses[0]!.getQueue(BULK_DEAD_QUEUE)).toBeTruthy()
    // A worker starting later finds them and changes nothing.
    await ensureQueues(bosses[1]!, DEFAULT_QUEUE_SETTINGS, database.url)
    expect((await bosses[1]!.getQueues()).filter((q) => q.name.startsWith(BULK_QUEUE))).toHaveLength(2)
  }, 60_000)
})
