import { execFile } from 'node:child_process'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/** `pebble-hub-2026-12-05.dump`: one file a day, so retention counts days, not runs. */
const NAME = /^pebble-hub-(\d{4}-\d{2}-\d{2})\.dump$/

export const DEFAULT_KEEP_DAYS = 30

export function backupName(at: Date): string {
  return `pebble-hub-${at.toISOString().slice(0, 10)}.dump`
}

export interface BackupResult {
  file: string
  bytes: number
  seconds: number
  deleted: string[]
}

/**
 * pg_dump -Fc into DIR, named by the day; a second run on the same day replaces that day's file.
 * The dump goes to a temporary name first, so a failed or interrupted dump never replaces a good
 * file, then retention keeps the newest `keep` days.
 */
export async function backupDatabase(options: {
  databaseUrl: string
  dir: string
  keep?: number
  now?: Date
}): Promise<BackupResult> {
  const keep = options.keep ?? DEFAULT_KEEP_DAYS
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`--keep: expected a whole number ≥ 1, got ${keep}`)
  const started = performance.now()
  await mkdir(options.dir, { recursive: true })
  const file = join(options.dir, backupName(options.now ?? new Date()))
  const temp = `${file}.${process.pid}.partial`
  try {
    await pgTool('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--file=${temp}`,
      `--dbname=${options.databaseUrl}`,
    ])
    await rename(temp, file)
  } finally {
    await rm(temp, { force: true })
  }
  const deleted = await pruneBackups(options.dir, keep)
  return { file, bytes: (await stat(file)).size, seconds: (performance.now() - started) / 1000, deleted }
}

/** Deletes all but the newest `keep` daily dumps in DIR (other files are left alone). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const dumps = (await readdir(dir)).filter((f) => NAME.test(f)).sort()
  const old = dumps.slice(0, Math.max(0, dumps.length - keep))
  for (const f of old) await rm(join(dir, f))
  return old
}

/**
 * Restores a dump into the database at `databaseUrl`, creating it when missing. It refuses a
 * database that already has tables: restoring over live data would mix two histories. The
 * cluster-wide app role is created first (a fresh cluster lacks it; the dump's GRANTs need it).
 */
export async function restoreDatabase(options: {
  from: string
  databaseUrl: string
}): Promise<{ seconds: number }> {
  const started = performance.now()
  const info = await stat(options.from).catch(() => null)
  if (!info?.isFile()) throw new Error(`--from ${options.from}: no such backup file`)
  await createDatabaseIfMissing(options.databaseUrl)
  const client = new pg.Client({ connectionString: options.databaseUrl })
  await client.connect()
  try {
    const tables = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`,
    )
    if (Number(tables.rows[0]?.n) > 0) {
      throw new Error(
        `--database-url: database "${client.database}" already has tables; restore into an empty or new database`,
      )
    }
    await client.query(APP_ROLE_SQL)
  } finally {
    await client.end()
  }
  await pgTool('pg_restore', [
    '--no-owner',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${options.databaseUrl}`,
    options.from,
  ])
  return { seconds: (performance.now() - started) / 1000 }
}

// The same statements as migration 001: roles live outside any one database's dump.
const APP_ROLE_SQL = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pebble_hub_app') THEN
    CREATE ROLE pebble_hub_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT pebble_hub_app TO %I', current_user);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$`

async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.slice(1))
  if (!name) throw new Error(`--database-url ${databaseUrl}: names no database`)
  url.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }
}

async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT')
      throw new Error(`${tool} is not installed (Debian: apt-get install postgresql-client)`)
    // The URL may carry a password; the tool's own message names the database without it.
    throw new Error(`${tool} failed: ${(e.stderr ?? e.message).trim()}`)
  }
}
