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
import { uuidv7 } from '../../../src/shared/ids'
import { startTestHub, type TestHub } from '../../server/support/hub'
import { postIngest } from '../../server/support/records'
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

  it("hands the tenant's bid-portal templates from the hub to the page, which gives them to the desk", async () => {
    const tenant = freshTenant('worker-portal')
    const token = await hub.desk(tenant, 'wp-desk')
    const at = '2026-12-05T10:00:00.000Z'
    const template = {
      id: 'pt-1',
      portal: { key: 'web:pwd.state.gov.in', name: 'pwd.state.gov.in' },
      field: 'emdAmount',
      label: 'Bayana Rashi',
      example: '2,45,000',
      learnedFrom: { documentId: 'doc-1', name: 'pwd-1.pdf' },
      learnedBy: 'asha',
      learnedAt: at,
    }
    const record = {
      id: uuidv7(),
      tenant,
      kind: 'tenders.portalTemplate',
      entityTable: 'fieldTemplates',
      entityId: 'pt-1',
      createdAt: at,
      payload: { templateId: 'pt-1', action: 'learn', template, changedBy: 'asha', changedAt: at },
    }
    expect((await postIngest(hub.url, token, { records: [record] })).status).toBe(200)
    const { scope, worker } = pair()
    const host = hostSyncWorker(scope, { idlePollMs: 60_000 })
    const client = new SyncWorkerClient(worker)
    const idle = new Promise<void>((resolve) =>
      client.onStatus((_t, s) => {
        if (s.state === 'idle') resolve()
      }),
    )
    const handed = new Promise<unknown>((resolve) =>
      client.onPortalTemplates((t, list) => {
        expect(t).toBe(tenant)
        resolve(list)
      }),
    )
    client.send({ type: 'configure', tenant, settings: { hubUrl: hub.url, deskId: 'wp-desk', token } })
    expect(await handed).toEqual({ templates: [template], removed: [] })
    await idle
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
