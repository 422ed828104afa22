import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../server/build.mjs'
import { createPool } from '../../server/db/pool'
import { registerDesk } from '../../server/store/desks'
import { uuidv7 } from '../../src/shared/ids'
import { createTestDatabase, type TestDatabase } from './support/db'
import { correction, tenderDecision } from './support/records'

/** Personal data and credentials planted in every request; none may reach the hub's output. */
const PLANTED = {
  email: 'priya.sharma@example.co.in',
  phone: '98765 43210',
  phoneE164: '+919812345678',
  pan: 'ABCPS1234K',
  aadhaar: '2345 6789 0123',
  gstin: '27ABCPS1234K1Z5',
}
const ADMIN_TOKEN = 'hub-admin-token-planted-0123456789abcdef'
const root = join(import.meta.dirname, '..', '..')

let database: TestDatabase
let hubScript: string
let bundleDir: string
beforeAll(async () => {
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  bundleDir = mkdtempSync(join(cache, 'pebble-pii-'))
  ;[database, { hub: hubScript = '' }] = await Promise.all([
    createTestDatabase(),
    bundleForNode({ hub: join(root, 'server', 'main.ts') }, bundleDir),
  ])
}, 120_000)
afterAll(async () => {
  rmSync(bundleDir, { recursive: true, force: true })
  await database?.drop()
})

describe('the hub keeps personal data and tokens out of its logs', () => {
  it('logs requests by route with redacted queries, never planted PII or tokens', async () => {
    const db = createPool(database.url, 2)
    const deskToken = await registerDesk(db, 'acme', 'acme-desk-1')
    await db.end()

    const hub = spawn(process.execPath, [hubScript, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        HUB_ADMIN_TOKEN: ADMIN_TOKEN,
        MIGRATIONS_DIR: join(root, 'server', 'migrations'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    hub.stdout.on('data', (c: Buffer) => (output += c.toString()))
    hub.stderr.on('data', (c: Buffer) => (output += c.toString()))
    const exited = new Promise((r) => hub.once('exit', r))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const poll = setInterval(() => {
          const m = /"event":"listening","address":"([^"]+)"/.exec(output)
          if (m?.[1]) resolve(m[1])
          if (hub.exitCode !== null) reject(new Error(`hub exited: ${output}`))
        }, 50)
        void exited.then(() => clearInterval(poll))
        setTimeout(() => clearInterval(poll), 30_000)
      })
      const desk = { authorization: `Bearer ${deskToken}`, 'content-type': 'application/json' }

      // A query carrying an email, a phone and the admin token itself.
      const search = new URLSearchParams({
        split: 'train',
        q: PLANTED.email,
        phone: PLANTED.phone,
        token: ADMIN_TOKEN,
      })
      expect(
        (await fetch(`${url}/v1/tenants/acme/ground-truth?${search}`, { headers: desk })).status,
      ).toBeLessThan(500)

      // Decisions and corrections whose values are personal data: stored, as they are ground truth.
      const fix = correction('acme')
      Object.assign(fix.payload as Record<string, unknown>, {
        originalValue: PLANTED.pan,
        correctedValue: PLANTED.gstin,
        correctedBy: PLANTED.email,
      })
      const decision = tenderDecision('acme', 'doc-pii')
      Object.assign(decision.payload as Record<string, unknown>, { decidedBy: PLANTED.phoneE164 })
      const bad = {
        ...correction('acme'),
        id: uuidv7(),
        payload: { confidence: PLANTED.aadhaar, by: PLANTED.email },
      }
      const ingest = await fetch(`${url}/v1/ingest`, {
        method: 'POST',
        headers: desk,
        body: JSON.stringify({ records: [fix, decision, bad] }),
      })
      expect(ingest.status).toBe(200)
      expect(await ingest.json()).toMatchObject({ stored: 2, rejected: 1 })

      // Bad requests: malformed JSON full of PII, an unknown route with PII in its path and query,
      // a wrong token, the admin token in a header and a URL.
      const malformed = await fetch(`${url}/v1/ingest`, {
        method: 'POST',
        headers: desk,
        body: `{"records": [${PLANTED.email} ${PLANTED.aadhaar}`,
      })
      expect(malformed.status).toBe(400)
      await fetch(`${url}/v1/people/${PLANTED.email}?pan=${PLANTED.pan}`)
      await fetch(`${url}/v1/ingest`, {
        method: 'POST',
        headers: { ...desk, authorization: 'Bearer pdt_not-a-real-token-0123456789' },
        body: '{"records":[]}',
      })
      await fetch(`${url}/v1/ops/models?token=${deskToken}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })
      await fetch(`${url}/v1/tenants/acme/ground-truth?split=train`, {
        headers: { cookie: `session=${deskToken}`, authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    } finally {
      hub.kill('SIGTERM')
      await exited
    }

    // The flows were logged (so the greps below look at real request logs) ...
    expect(output).toContain('"route":"/v1/tenants/:t/ground-truth"')
    expect(output).toContain('"route":"/v1/ingest"')
    expect(output).toMatch(/"query":"split=train&q=\[email\]&phone=\[phone\]&token=\[token\]"/)
    // ... and nothing planted appears in them, in any spelling a URL would give it.
    const planted = [...Object.values(PLANTED), deskToken, ADMIN_TOKEN, 'pdt_not-a-real-token']
    for (const value of planted) {
      for (const spelling of [
        value,
        encodeURIComponent(value),
        value.replace(/ /g, '+'),
        value.replace(/ /g, ''),
      ]) {
        expect(output, `${value} in the hub's output`).not.toContain(spelling)
      }
    }
  })
})
