import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHub, type TestHub } from './support/hub'

let hub: TestHub
beforeAll(async () => {
  hub = await startTestHub()
})
afterAll(() => hub.close())

// The desk UI (app://desk, or a loopback serve port) calls the hub from its sync worker.
describe('hub CORS for desk endpoints', () => {
  it('answers the preflight of an ingest from any origin, for POST with a bearer token', async () => {
    const r = await fetch(`${hub.url}/v1/ingest`, {
      method: 'OPTIONS',
      headers: {
        origin: 'app://desk',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    })
    expect(r.status).toBe(204)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
    expect(r.headers.get('access-control-allow-methods')).toBe('POST')
    expect(r.headers.get('access-control-allow-headers')).toContain('authorization')
  })

  it("answers the preflight of a desk's model fetch, for GET with a bearer token, and lets it read the answer", async () => {
    const pre = await fetch(`${hub.url}/v1/tenants/cors-m/models/relevance/current`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5555',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET')
    const token = await hub.desk('cors-m', 'cors-m-desk')
    const r = await fetch(`${hub.url}/v1/tenants/cors-m/models/relevance/current`, {
      headers: { origin: 'http://127.0.0.1:5555', authorization: `Bearer ${token}` },
    })
    // No model yet: the desk must still be able to read that answer.
    expect(r.status).toBe(404)
    expect(r.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('lets the page read ingest and heartbeat answers, errors included', async () => {
    const token = await hub.desk('cors-t', 'cors-desk')
    const ok = await fetch(`${hub.url}/v1/desks/cors-desk/heartbeat`, {
      method: 'POST',
      headers: {
        origin: 'http://127.0.0.1:5555',
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: '{}',
    })
    expect(ok.status).toBeLessThan(300)
    expect(ok.headers.get('access-control-allow-origin')).toBe('*')
    const refused = await fetch(`${hub.url}/v1/ingest`, {
      method: 'POST',
      headers: { origin: 'app://desk', 'content-type': 'application/json' },
      body: '{"records":[]}',
    })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('gives tenant reads and admin endpoints no CORS at all', async () => {
    const r = await fetch(`${hub.url}/v1/tenants/cors-t/retrain-status`, {
      headers: { origin: 'app://desk' },
    })
    expect(r.headers.get('access-control-allow-origin')).toBeNull()
    const pre = await fetch(`${hub.url}/v1/tenants/cors-t/trainings`, { method: 'OPTIONS' })
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
  })
})
