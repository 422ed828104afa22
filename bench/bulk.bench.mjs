// Bulk screening at scale: BENCH_BULK_FILES (default 10,000) generated text-layer bids with faults
// (about 8% corrupt, 10% byte-identical duplicates) through the hub and 1, 2 and 4 worker processes
// (npm run workers, --concurrency 2 each), each worker count on a fresh database so nothing is
// reused between runs; then the same files through one desk process (the `tenders screen` core).
// Prints JSON: per worker count files, screened, duplicates, failed, lost, doubled, unnamedFailures,
// wrongState, filesPerSecond, peakRssMb per worker and a queue-depth curve; the desk's figures.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pg from 'pg'

const FILES = Number(process.env.BENCH_BULK_FILES ?? 10_000)
const WORKER_COUNTS = (process.env.BENCH_BULK_WORKERS ?? '1,2,4').split(',').map(Number)
const CONCURRENCY = 2

export default async function bench({ root }) {
  const documentWorker = join(root, 'out', 'main', 'document-worker.js')
  if (!existsSync(documentWorker))
    throw new Error(`${documentWorker} is missing: run npx electron-vite build first`)
  const { bundleForNode } = await import(pathToFileURL(join(root, 'server', 'build.mjs')).href)
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const work = mkdtempSync(join(cache, 'pebble-bulk-bench-'))
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  try {
    const out = await bundleForNode(
      {
        hub: join(root, 'server', 'main.ts'),
        workers: join(root, 'server', 'workers', 'main.ts'),
        corpus: join(root, 'test', 'server', 'support', 'bulk-corpus.ts'),
        bulk: join(root, 'src', 'main', 'services', 'bulk', 'index.ts'),
        tenders: join(root, 'src', 'main', 'services', 'tenders', 'index.ts'),
        core: join(root, 'src', 'main', 'services', 'core', 'deskCore.ts'),
        profile: join(root, 'src', 'shared', 'tenders', 'screening', 'profile.ts'),
      },
      join(work, 'out'),
    )
    const { bulkCorpus, IT_PROFILE } = await import(pathToFileURL(out.corpus).href)
    const { submitBulk, bulkResults, bulkStatus } = await import(pathToFileURL(out.bulk).href)
    const { parseProfile } = await import(pathToFileURL(out.profile).href)
    const profile = parseProfile(IT_PROFILE).profile

    let t = Date.now()
    const corpus = await bulkCorpus(FILES, { seed: 10_000, corruptShare: 0.08, duplicateShare: 0.1 })
    const inDir = join(work, 'in')
    for (const f of corpus) {
      mkdirSync(dirname(join(inDir, f.name)), { recursive: true })
      writeFileSync(join(inDir, f.name), f.bytes)
    }
    const generated = { files: FILES, seconds: round((Date.now() - t) / 1000) }
    const expected = new Map(corpus.map((f) => [f.name, f]))

    const runs = []
    for (const workerCount of WORKER_COUNTS) {
      runs.push(
        await bulkRun({
          workerCount,
          out,
          adminUrl,
          root,
          inDir,
          profile,
          expected,
          submitBulk,
          bulkResults,
          bulkStatus,
        }),
      )
      console.error(JSON.stringify(runs.at(-1).summary))
    }

    // The same files through one desk process: the `tenders screen` core over its own pipeline.
    const { openDeskCore } = await import(pathToFileURL(out.core).href)
    const { screenDocuments } = await import(pathToFileURL(out.tenders).href)
    const core = await openDeskCore({
      dataDir: join(work, 'desk'),
      workerScript: documentWorker,
      workers: CONCURRENCY,
    })
    t = Date.now()
    const results = await screenDocuments(core, { paths: [inDir], profiles: [profile], useCache: false })
    const deskSeconds = (Date.now() - t) / 1000
    await core.close()
    const perFile = new Map()
    for (const r of results) perFile.set(r.file, (perFile.get(r.file) ?? 0) + 1)
    const desk = {
      files: results.length,
      oneResultPerFile: perFile.size === FILES && [...perFile.values()].every((n) => n === 1),
      screened: results.filter((r) => !r.error).length,
      failed: results.filter((r) => r.error).length,
      filesPerSecond: round(FILES / deskSeconds),
      seconds: round(deskSeconds),
    }
    return {
      bench: 'bulk',
      files: FILES,
      concurrencyPerWorker: CONCURRENCY,
      cores: (await import('node:os')).availableParallelism(),
      generated,
      workers: runs.map((r) => r.summary),
      queueDepthCurves: Object.fromEntries(runs.map((r) => [r.summary.workers, r.curve])),
      desk,
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function bulkRun({
  workerCount,
  root,
  out,
  adminUrl,
  inDir,
  profile,
  expected,
  submitBulk,
  bulkResults,
  bulkStatus,
}) {
  const dbName = `pebble_bulk_bench_${randomBytes(4).toString('hex')}`
  const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString()
  await adminQuery(adminUrl, `CREATE DATABASE ${dbName}`)
  const children = []
  const client = new pg.Client({ connectionString: dbUrl })
  try {
    const port = await freePort()
    const env = {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MIGRATIONS_DIR: join(root, 'server', 'migrations'),
      INGEST_MAX_BYTES: String(32 * 1024 * 1024),
    }
    const hub = spawn(process.execPath, [out.hub, 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(hub)
    await waitForLine(hub, (l) => l.includes('"listening"'))
    const token = execFileSync(
      process.execPath,
      [out.hub, 'create-desk', '--tenant', 'bench', '--desk', 'bench-1'],
      { env },
    )
      .toString()
      .trim()
    await client.connect()
    const workers = []
    for (let i = 0; i < workerCount; i += 1) {
      const w = spawn(
        process.execPath,
        [out.workers, '--database-url', dbUrl, '--concurrency', String(CONCURRENCY), '--app-root', root],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      )
      children.push(w)
      workers.push(w)
    }
    await Promise.all(workers.map((w) => waitForLine(w, (l) => l.includes('"ready"'))))
    const target = { hubUrl: `http://127.0.0.1:${port}`, token }

    const submitStart = Date.now()
    const submitted = await submitBulk({
      ...target,
      paths: [inDir],
      base: inDir,
      profiles: [profile],
      tenant: 'bench',
    })
    const start = Date.now()
    const curve = []
    const peakRss = new Map()
    let status
    for (;;) {
      const snap = (
        await client.query(`SELECT count(*) FILTER (WHERE state IN ('created','retry'))::int AS depth,
        count(*) FILTER (WHERE state = 'active')::int AS active FROM pgboss.job WHERE name = 'bulk-screen'`)
      ).rows[0]
      curve.push({ t: round((Date.now() - start) / 1000, 1), depth: snap.depth, active: snap.active })
      for (const w of workers) peakRss.set(w.pid, Math.max(peakRss.get(w.pid) ?? 0, peakRssMb(w.pid)))
      ;[status] = await bulkStatus(target, submitted.runId)
      if (status.done) break
      await new Promise((r) => setTimeout(r, 1000))
    }
    const seconds = (Date.now() - start) / 1000
    const { files } = await bulkResults(target, submitted.runId)
    const seen = new Map()
    for (const f of files) seen.set(f.name, (seen.get(f.name) ?? 0) + 1)
    const resultRows = (
      await client.query(`SELECT count(*)::int AS n, count(DISTINCT sha256)::int AS d FROM bulk_results`)
    ).rows[0]
    const wrong = files.filter((f) => {
      const e = expected.get(f.name)
      if (!e) return true
      if (e.kind === 'corrupt') return f.state !== 'failed'
      if (e.kind === 'duplicate') return f.state !== 'duplicate' || f.duplicateOf?.name !== e.of
      return f.state !== 'screened' || f.result?.relevant !== e.relevant
    })
    const summary = {
      workers: workerCount,
      files: files.length,
      screened: status.screened,
      duplicates: status.duplicate,
      failed: status.failed,
      lost:
        [...expected.keys()].filter((n) => !seen.has(n)).length +
        files.filter((f) => f.state === 'queued').length,
      doubled:
        [...seen.values()].filter((n) => n > 1).length +
        (resultRows.n - resultRows.d) +
        Math.max(0, resultRows.n - status.screened),
      unnamedFailures: files.filter((f) => f.state === 'failed' && !f.reason?.includes(f.name)).length,
      wrongState: wrong.length,
      reruns: files.filter((f) => f.attempts > 1).length,
      uploadSeconds: round((start - submitStart) / 1000),
      seconds: round(seconds),
      filesPerSecond: round(files.length / seconds),
      peakRssMb: [...peakRss.values()],
    }
    return { summary, curve: thin(curve, 40) }
  } finally {
    await client.end().catch(() => undefined)
    for (const c of children.reverse()) {
      c.kill('SIGTERM')
      await new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', r)))
    }
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  }
}

/** VmHWM: the process's peak resident set (its document worker threads included), in MB. */
function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Math.round(Number(m[1]) / 1024) : 0
  } catch {
    return 0
  }
}

function thin(points, n) {
  if (points.length <= n) return points
  const step = points.length / n
  return Array.from({ length: n }, (_, i) => points[Math.floor(i * step)]).concat([points.at(-1)])
}

async function adminQuery(url, sql) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

function waitForLine(child, match) {
  return new Promise((resolveLine, reject) => {
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before it was ready`)))
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (match(line)) resolveLine()
    })
  })
}

async function freePort() {
  const s = createServer()
  await new Promise((r) => s.listen(0, '127.0.0.1', r))
  const { port } = s.address()
  await new Promise((r) => s.close(r))
  return port
}

const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  console.log(JSON.stringify(await bench({ root }), null, 2))
  process.exit(0)
}
