import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHub } from '../../server/build.mjs'
import { createPool } from '../../server/db/pool'
import { registerDesk } from '../../server/store/desks'
import { modelSha256, parseRelevanceModel } from '../../src/shared/learning'
import { servedModelSchema } from '../../src/shared/sync/hub-api'
import { trainingBids } from '../support/documents/relevance/bids'
import { createTestDatabase, type TestDatabase } from './support/db'
import { bidDecision } from './support/learning'
import { freePort, startNode, type Managed } from './support/processes'
import { postIngest } from './support/records'

// The shipped hub (server/build.mjs's bundle, train-worker.mjs beside main.mjs) retrains on its own:
// `serve` checks every LEARNING_CHECK_SECONDS, finds the tenant due, trains in its worker thread.
let database: TestDatabase
let outDir: string
let hub: Managed | undefined

beforeAll(async () => {
  const cache = join(import.meta.dirname, '..', '..', 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  outDir = mkdtempSync(join(cache, 'pebble-hub-serve-'))
  ;[database] = await Promise.all([createTestDatabase(), buildHub(outDir)])
}, 120_000)
afterAll(async () => {
  await hub?.kill()
  rmSync(outDir, { recursive: true, force: true })
  await database?.drop()
})

describe('serve retrains a tenant that is due', () => {
  it('promotes a model in its worker thread and serves it to the desk', async () => {
    const db = createPool(database.url, 1)
    const token = await registerDesk(db, 'acme', 'acme-desk-1').finally(() => db.end())
    const port = await freePort()
    hub = startNode(join(outDir, 'main.mjs'), ['serve'], {
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LEARNING_CHECK_SECONDS: '1',
      MIGRATIONS_DIR: join(import.meta.dirname, '..', '..', 'server', 'migrations'),
    })
    await hub.waitFor((e) => e.event === 'listening')
    const url = `http://127.0.0.1:${port}`
    const current = () =>
      fetch(`${url}/v1/tenants/acme/models/relevance/current`, {
        headers: { authorization: `Bearer ${token}` },
      })
    expect((await current()).status).toBe(404)

    const at = new Date().toISOString()
    const records = trainingBids(50).map((b) =>
      bidDecision('acme', b, b.relevant ? 'relevant' : 'irrelevant', at),
    )
    expect((await postIngest(url, token, { records })).json).toMatchObject({ stored: 50 })

    const deadline = Date.now() + 60_000
    let response = await current()
    while (response.status === 404 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500))
      response = await current()
    }
    expect(response.status).toBe(200)
    const served = servedModelSchema.parse(await response.json())
    expect(served).toMatchObject({ channel: 'stable', previous: null })
    expect(modelSha256(parseRelevanceModel(served.model, 'served model'))).toBe(served.sha256)

    const status = await fetch(`${url}/v1/tenants/acme/retrain-status`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(await status.json()).toMatchObject({ due: false, lastTrainingAt: expect.any(String) })
  })
})
