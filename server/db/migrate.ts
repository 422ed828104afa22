import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

/** Arbitrary but fixed: every hub takes the same lock, so only one migrates at a time. */
const MIGRATION_LOCK = 0x7065_6262

/** server/migrations from the source tree (server/db/) or from the bundle (out/hub/). */
export function defaultMigrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, '..', 'migrations'), join(here, '..', '..', 'server', 'migrations')]
  const found = candidates.find((dir) => existsSync(join(dir, '001_init.sql')))
  if (found === undefined) throw new Error(`server/migrations not found near ${here}`)
  return found
}

export type MigrationResult = { applied: string[]; alreadyApplied: string[] }

/**
 * Applies pending migrations in name order, all in ONE transaction behind an advisory lock: two hubs
 * starting together serialise here, and the second finds nothing left to do. A failing migration
 * rolls back everything, so the schema is never half-upgraded.
 */
export async function migrate(
  connectionString: string,
  dir = defaultMigrationsDir(),
): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .sort()
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const done = new Set(
      (await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    )
    const applied: string[] = []
    for (const file of files) {
      if (done.has(file)) continue
      await client.query(readFileSync(join(dir, file), 'utf8'))
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file])
      applied.push(file)
    }
    await client.query('COMMIT')
    return { applied, alreadyApplied: files.filter((f) => done.has(f)) }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    await client.end()
  }
}
