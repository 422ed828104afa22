import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTenantDb, tenantDbName } from '../../../src/renderer/db'
import {
  fromWorkerSchema,
  hostSyncWorker,
  SyncWorkerClient,
  type FromWorker,
  type WorkerLike,
} from '../../../src/renderer/sync'
import { startTestHub, type TestHub } from '../../server/support/hub'
import { freshTenant } from '../db/helpers'
import { seedOutbox } from './helpers'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(() => hub.close())

/** A MessageChannel-like pair: the worker host on one side, the UI client on the other. */
function pair() {
  const toUi: Array<(e: { data: unknown }) => void> = []
  const toWorker: Array<(e: { data: unknown }) => void> = []
  const scope = {
    postMessage: (m: FromWorker) =>
      queueMicrotask(() => toUi.forEach((l) => l({ data: structuredClone(m) }))),
    addEventListener: (_t: 'message', l: (e: { data: unknown }) => void) => void toWorker.push(l),
  }
  const worker: WorkerLike = {
    postMessage: (m) => toWorker.forEach((l) => l({ data: structuredClone(m) })),
    addEventListener: (_t, l) => void toUi.push(l),
  }
  return { scope, worker }
}

describe('sync worker host', () => {
  it('runs the loop for the configured tenant and posts validated status', async () => {
    const tenant = freshTenant('worker')
    const db = await openTenantDb(tenant)
    await seedOutbox(db, 42)
    db.close()
    const token = await hub.desk(tenant, 'w-desk')
    const { scope, worker } = pair()
    const host = hostSyncWorker(scope, { idlePollMs: 60_000 })
    const client = new SyncWorkerClient(worker)
    const drained = new Promise<void>((resolve) =>
      client.onStatus((t, s) => {
        expect(t).toBe(tenant)
        if (s.state === 'idle' && s.pending === 0 && s.sentTotal === 42) resolve()
      }),
    )
    client.send({ type: 'configure', tenant, settings: { hubUrl: hub.url, deskId: 'w-desk', token } })
    await drained
    client.send({ type: 'stop' })
    await host.idle()
    await Dexie.delete(tenantDbName(tenant))
  })

  it('answers a malformed message with an error instead of acting on it', async () => {
    const { scope, worker } = pair()
    hostSyncWorker(scope)
    const errors: string[] = []
    new SyncWorkerClient(worker).onError((m) => errors.push(m))
    worker.postMessage({ type: 'configure', tenant: 'Bad Tenant!', settings: null } as never)
    await new Promise((r) => setTimeout(r, 20))
    expect(errors[0]).toMatch(/bad message: tenant/)
    expect(fromWorkerSchema.safeParse({ type: 'status', tenant: 'x', status: {} }).success).toBe(false)
  })
})
