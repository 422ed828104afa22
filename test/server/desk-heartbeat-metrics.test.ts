import 'fake-indexeddb/auto'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createDesk, type Desk, type DeskSession } from '../../src/main/services/desk'
import { MemoryMetrics } from '../../src/renderer/sync/metrics-source'
import { MemorySettings, OutboxProcessor } from '../../src/renderer/sync'
import { deskMetricsSchema } from '../../src/shared/metrics'
import { openFresh } from '../renderer/db/helpers'
import { useTempDirs } from '../support/tempDir'
import { startTestHub, type TestHub } from './support/hub'

const tempDir = useTempDirs()
let hub: TestHub
let desk: Desk
beforeAll(async () => {
  hub = await startTestHub()
  desk = await createDesk({
    dataDir: tempDir(),
    host: 'cli',
    version: '9.9.9',
    modelsDir: join(resolve(__dirname, '../..'), 'models'),
  })
})
afterAll(async () => {
  await desk.close()
  await hub.close()
})

async function call(session: DeskSession, method: string, params: unknown = {}): Promise<unknown> {
  const outcome = await desk.registry.dispatch(method, params, session)
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.result
}

it('the desk times its contract calls, and the sync worker heartbeat brings them to /metrics', async () => {
  const session = desk.openSession(() => undefined)
  for (let i = 0; i < 3; i++) await call(session, 'app.info')
  await call(session, 'tenants.list')
  // A refused call is still a call the user waited for.
  await expect(call(session, 'documents.text', {})).rejects.toThrow(/documents\.text: documentId/)
  const metrics = deskMetricsSchema.parse(await call(session, 'sync.metrics'))
  expect(metrics.apiLatency?.['app.info']?.count).toBe(3)
  expect(metrics.apiLatency?.['documents.text']?.count).toBe(1)
  expect(metrics.workerQueueDepth).toBe(0)
  expect(metrics.ocrAccuracy).toBeNull() // no tenant on this session: nothing reviewed

  const db = await openFresh('heartbeat-metrics')
  const deskId = `${db.tenant}-desk`
  const token = await hub.desk(db.tenant, deskId)
  const source = new MemoryMetrics()
  source.set(metrics)
  const processor = new OutboxProcessor({
    db,
    settings: new MemorySettings({ hubUrl: hub.url, deskId, token }),
    metrics: source,
  })
  await processor.flush() // an empty outbox still heartbeats, the first time at once
  const lines = (await (await fetch(`${hub.url}/metrics`)).text()).split('\n')
  const base = `tenant="${db.tenant}",desk="${deskId}"`
  expect(lines).toContain(`hub_desk_api_latency_seconds_count{${base},channel="app.info"} 3`)
  expect(lines).toContain(`hub_desk_api_latency_seconds_bucket{${base},channel="app.info",le="+Inf"} 3`)
  expect(lines).toContain(`hub_desk_api_latency_seconds_count{${base},channel="documents.text"} 1`)
  expect(lines).toContain(`hub_desk_worker_queue_depth{${base}} 0`)
  await processor.stop()
})
