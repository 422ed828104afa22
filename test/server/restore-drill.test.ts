import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { buildHub } from '../../server/app'
import { runCli } from '../../server/cli'
import { loadConfig } from '../../server/config'
import { createPool, withTenant } from '../../server/db/pool'
import { ingestAckSchema } from '../../src/shared/sync/wire'
import type { IngestRecord } from '../../src/shared/sync/wire'
import { ADMIN_URL, createTestDatabase } from './support/db'
import { ADMIN_TOKEN } from './support/hub'
import { coaResult, correction, postIngest, scan, tenderDecision } from './support/records'

const TENANTS = ['drill-a', 'drill-b'] as const
const BATCHES = 5
const cleanup: (() => Promise<unknown>)[] = []
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined)
})

async function startHub(url: string) {
  const config = loadConfig({ DATABASE_URL: url, HUB_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'silent' })
  const db = createPool(url, 4)
  const { app } = buildHub(db, config, { logger: false })
  return { db, app, url: await app.listen({ host: '127.0.0.1', port: 0 }) }
}

async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  try {
    await admin.query(
      `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`,
    )
  } finally {
    await admin.end()
  }
}

function batchOf(tenant: string, n: number): IngestRecord[] {
  return [
    correction(tenant),
    tenderDecision(tenant, `doc-${n}`),
    coaResult(tenant, `coa-${n}`),
    scan(tenant, `(01)0950600013435${n % 10}`),
  ]
}

it('restores a destroyed hub from its nightly dump: tokens work, every record once, RLS holds, resends are duplicates', async () => {
  const source = await createTestDatabase()
  cleanup.push(() => dropDatabase(source.url))
  const before = await startHub(source.url)
  const tokens: Record<string, string> = {}
  const sent: Record<string, IngestRecord[][]> = {}
  const { registerDesk } = await import('../../server/store/desks')
  for (const tenant of TENANTS) {
    tokens[tenant] = await registerDesk(before.db, tenant, `${tenant}-desk-1`)
    sent[tenant] = []
    for (let n = 0; n < BATCHES; n++) {
      const records = batchOf(tenant, n)
      const ack = ingestAckSchema.parse(
        (await postIngest(before.url, tokens[tenant] ?? '', { records })).json,
      )
      expect(ack.stored).toBe(records.length)
      sent[tenant]?.push(records)
    }
  }
  await before.app.close()
  await before.db.end()

  const dir = await mkdtemp(join(tmpdir(), 'hub-backup-'))
  cleanup.push(() => rm(dir, { recursive: true, force: true }))
  const started = performance.now()
  // The same commands the runbook and deploy/install.sh run: npm run hub -- backup / restore.
  expect(await runCli(['backup', '--dir', dir], { DATABASE_URL: source.url })).toBe(0)
  const [dump] = (await readdir(dir)).filter((f) => f.endsWith('.dump'))
  expect(dump).toMatch(/^pebble-hub-\d{4}-\d{2}-\d{2}\.dump$/)
  await dropDatabase(source.url)

  const target = new URL(ADMIN_URL)
  target.pathname = `/pebble_hub_drill_${randomBytes(5).toString('hex')}`
  cleanup.push(() => dropDatabase(target.toString()))
  expect(
    await runCli(['restore', '--from', join(dir, dump ?? ''), '--database-url', target.toString()], {
      DATABASE_URL: target.toString(),
    }),
  ).toBe(0)
  const after = await startHub(target.toString())
  cleanup.push(async () => {
    await after.app.close()
    await after.db.end()
  })
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(
    `restore drill: backup + drop + restore + hub up in ${seconds.toFixed(2)} s (RTO bar 4 h)\n`,
  )

  for (const tenant of TENANTS) {
    const token = tokens[tenant] ?? ''
    const ids = (sent[tenant] ?? []).flat().map((r) => r.id)
    const stored = await withTenant(after.db, tenant, (tx) =>
      tx.query<{ id: string }>('SELECT id FROM ingest_records ORDER BY id'),
    )
    expect(stored.rows.map((r) => r.id)).toEqual([...ids].sort())

    const heartbeat = await fetch(`${after.url}/v1/desks/${tenant}-desk-1/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ queueDepth: 0 }),
    })
    expect(heartbeat.status).toBe(200)

    const resent = ingestAckSchema.parse(
      (await postIngest(after.url, token, { records: sent[tenant]?.[0] })).json,
    )
    expect(resent.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate'])
    const next = batchOf(tenant, BATCHES)
    const fresh = ingestAckSchema.parse((await postIngest(after.url, token, { records: next })).json)
    expect(fresh.stored).toBe(next.length)
    const total = await withTenant(after.db, tenant, (tx) =>
      tx.query<{ n: string; d: string }>('SELECT count(*) AS n, count(DISTINCT id) AS d FROM ingest_records'),
    )
    expect(Number(total.rows[0]?.n)).toBe(ids.length + next.length)
    expect(total.rows[0]?.d).toBe(total.rows[0]?.n)
  }

  const [a, b] = TENANTS
  const crossRows = await withTenant(after.db, a, (tx) =>
    tx.query(`SELECT 1 FROM ingest_records WHERE tenant_id = $1`, [b]),
  )
  expect(crossRows.rowCount).toBe(0)
  const crossRead = await fetch(`${after.url}/v1/tenants/${b}/ground-truth?split=train`, {
    headers: { authorization: `Bearer ${tokens[a] ?? ''}` },
  })
  expect(crossRead.status).toBe(403)
  expect(seconds).toBeLessThan(4 * 3600)
})

it('refuses to restore over a database that already has tables, and names a missing backup file', async () => {
  const busy = await createTestDatabase()
  cleanup.push(() => busy.drop())
  const dir = await mkdtemp(join(tmpdir(), 'hub-backup-'))
  cleanup.push(() => rm(dir, { recursive: true, force: true }))
  expect(await runCli(['backup', '--dir', dir], { DATABASE_URL: busy.url })).toBe(0)
  const [dump] = await readdir(dir)
  await expect(
    runCli(['restore', '--from', join(dir, dump ?? ''), '--database-url', busy.url], {}),
  ).rejects.toThrow(/already has tables/)
  await expect(
    runCli(['restore', '--from', join(dir, 'nope.dump'), '--database-url', busy.url], {}),
  ).rejects.toThrow(/nope\.dump: no such backup file/)
})
