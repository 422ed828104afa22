// Sync throughput: desk outbox → hub → PostgreSQL on loopback, through the real processor (run in
// node over fake-indexeddb) and the real hub (its bundle, in a child process). Reference in the
// same run: psql COPY of the same rows into a scratch table, the floor for landing them in PostgreSQL.
import 'fake-indexeddb/auto'
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'

const PENDING = 10_000
const DESKS = 3

export default async function bench({ root }) {
  const { bundleForNode } = await import(pathToFileURL(join(root, 'server', 'build.mjs')).href)
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(join(cache, 'pebble-sync-bench-'))
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const dbName = `pebble_hub_bench_${randomBytes(4).toString('hex')}`
  const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString()
  let hub
  try {
    const out = await bundleForNode(
      {
        hub: join(root, 'server', 'main.ts'),
        sync: join(root, 'src', 'renderer', 'sync', 'index.ts'),
        db: join(root, 'src', 'renderer', 'db', 'index.ts'),
      },
      outDir,
    )
    const { OutboxProcessor, MemorySettings } = await import(pathToFileURL(out.sync).href)
    const { openTenantDb } = await import(pathToFileURL(out.db).href)
    await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`)
    const env = {
      ...process.env,
      DATABASE_URL: dbUrl,
      LOG_LEVEL: 'silent',
      MIGRATIONS_DIR: join(root, 'server', 'migrations'),
    }
    const token = (tenant, desk) =>
      execFileSync(process.execPath, [out.hub, 'create-desk', '--tenant', tenant, '--desk', desk], { env })
        .toString()
        .trim()

    const port = await freePort()
    hub = await startHub(out.hub, { ...env, PORT: String(port) })
    const hubUrl = `http://127.0.0.1:${port}`

    const makeDesk = async (tenant) => {
      const db = await openTenantDb(tenant)
      await db.outbox.bulkAdd(rows(tenant, PENDING))
      const settings = new MemorySettings({
        hubUrl,
        deskId: `${tenant}-desk`,
        token: token(tenant, `${tenant}-desk`),
      })
      return { db, settings }
    }

    // 1. Steady throughput: one desk, 10,000 pending, one flush.
    const one = await makeDesk('bench-one')
    let t = performance.now()
    const flushed = await new OutboxProcessor({ db: one.db, settings: one.settings }).flush()
    const oneSeconds = (performance.now() - t) / 1000
    if (flushed.sent !== PENDING) throw new Error(`one desk sent ${flushed.sent}`)

    // 2. Reconnect: the desk has been offline (backing off against a dead address) with 10,000 pending.
    const drainAfterReconnect = async (tenants) => {
      const desks = await Promise.all(tenants.map(makeDesk))
      const processors = desks.map(({ db, settings }) => {
        const live = settings
        const offline = new MemorySettings({ hubUrl: 'http://127.0.0.1:9', deskId: 'x', token: 'x' })
        const proxy = { current: offline, load: () => proxy.current.load() }
        const p = new OutboxProcessor({ db, settings: proxy, idlePollMs: 60_000 })
        p.start()
        return { p, proxy, live, db }
      })
      await until(() => processors.every(({ p }) => p.getStatus().consecutiveFailures > 0))
      const start = performance.now()
      const done = processors.map(
        ({ p }) =>
          new Promise((resolveDone) => {
            const off = p.onStatus((s) => {
              if (s.state === 'idle' && s.pending === 0) {
                off()
                resolveDone(performance.now() - start)
              }
            })
          }),
      )
      for (const x of processors) {
        x.proxy.current = x.live
        x.p.setOnline(true)
      }
      const times = await Promise.all(done)
      await Promise.all(processors.map(({ p }) => p.stop()))
      return Math.max(...times) / 1000
    }
    const reconnectOne = await drainAfterReconnect(['bench-reconnect'])
    const reconnectThree = await drainAfterReconnect(
      Array.from({ length: DESKS }, (_, i) => `bench-three-${i}`),
    )

    // 3. The hub alone: the same 10,000 records POSTed in batches of 200 straight from memory, so
    //    the desk-side store's cost (fake-indexeddb here, native IndexedDB in the app) is left out.
    const hubOnlyToken = token('bench-hub', 'bench-hub-desk')
    const direct = rows('bench-hub', PENDING).map(({ state: _s, attempts: _a, ...wire }) => wire)
    t = performance.now()
    for (let i = 0; i < direct.length; i += 200) {
      const r = await fetch(`${hubUrl}/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hubOnlyToken}` },
        body: JSON.stringify({ records: direct.slice(i, i + 200) }),
      })
      if (!r.ok) throw new Error(`hub answered ${r.status}`)
      await r.arrayBuffer()
    }
    const hubOnlySeconds = (performance.now() - t) / 1000

    const stored = Number((await adminQuery(dbUrl, 'SELECT count(*) AS n FROM ingest_records')).rows[0].n)
    if (stored !== PENDING * (3 + DESKS)) throw new Error(`hub holds ${stored} rows`)

    // Reference: psql COPY of the same 10,000 rows (id, payload) into an unlogged scratch table.
    const csv = rows('bench-copy', PENDING)
      .map((r) => `${r.id}\t${JSON.stringify(r.payload).replace(/\\/g, '\\\\')}`)
      .join('\n')
    await adminQuery(dbUrl, 'CREATE UNLOGGED TABLE copy_ref (id uuid PRIMARY KEY, payload jsonb)')
    t = performance.now()
    execFileSync('psql', [dbUrl, '-q', '-c', '\\copy copy_ref FROM STDIN'], { input: `${csv}\n` })
    const copySeconds = (performance.now() - t) / 1000

    const rate = (n, s) => Math.round(n / s)
    return {
      name: 'sync',
      cores: availableParallelism(),
      note: 'desks run in one node process over fake-indexeddb; the hub is its bundle in a child process; batch 200',
      ours: {
        oneDeskRecordsPerSecond: rate(PENDING, oneSeconds),
        oneDeskSeconds: round(oneSeconds),
        reconnectToDrained10kSeconds: round(reconnectOne),
        threeDesksReconnectToDrained30kSeconds: round(reconnectThree),
        threeDesksRecordsPerSecond: rate(PENDING * DESKS, reconnectThree),
        hubOnlyRecordsPerSecond: rate(PENDING, hubOnlySeconds),
      },
      native: { name: 'psql \\copy of the same 10,000 rows', recordsPerSecond: rate(PENDING, copySeconds) },
      ratio: round(rate(PENDING, oneSeconds) / rate(PENDING, copySeconds), 3),
      hubOnlyRatio: round(rate(PENDING, hubOnlySeconds) / rate(PENDING, copySeconds), 3),
    }
  } finally {
    hub?.kill('SIGTERM')
    await new Promise((r) => (hub ? hub.once('exit', r) : r()))
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined)
    rmSync(outDir, { recursive: true, force: true })
  }
}

function rows(tenant, n) {
  const base = Date.parse('2026-03-02T09:00:00.000Z')
  return Array.from({ length: n }, (_, i) => {
    const createdAt = new Date(base + i).toISOString()
    const id = uuid7(base + i)
    return {
      id,
      tenant,
      kind: 'field.correction',
      entityTable: 'decisions',
      entityId: id,
      payload: {
        documentId: `${tenant}-doc-${i}`,
        documentHash: 'ab'.repeat(32),
        field: 'batch_number',
        originalValue: `B-${i}O`,
        correctedValue: `B-${i}0`,
        modelVersion: 'coa-extract@1.4.0',
        confidence: 0.61,
        correctedBy: 'qa.lead',
        correctedAt: createdAt,
      },
      createdAt,
      state: 'pending',
      attempts: 0,
    }
  })
}

function uuid7(ms) {
  const b = randomBytes(16)
  b.writeUIntBE(ms, 0, 6)
  b[6] = 0x70 | (b[6] & 0x0f)
  b[8] = 0x80 | (b[8] & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

async function adminQuery(url, sql) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await c.query(sql)
  } finally {
    await c.end()
  }
}

async function freePort() {
  const s = createServer()
  await new Promise((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address()
  await new Promise((r) => s.close(r))
  return port
}

function startHub(script, env) {
  const child = spawn(process.execPath, [script, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolveHub, reject) => {
    child.once('exit', (code) => reject(new Error(`hub exited (${code})`)))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"listening"')) resolveHub(child)
    })
  })
}

async function until(predicate, timeoutMs = 30_000) {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  console.log(JSON.stringify(await bench({ root }), null, 2))
  process.exit(0)
}
