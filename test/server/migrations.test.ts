import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uuidv7 } from '../../src/shared/ids'
import { defaultMigrationsDir, migrate } from '../../server/db/migrate'
import { useTempDirs } from '../support/tempDir'
import { createTestDatabase, type TestDatabase } from './support/db'

// A hub already in production sits at schema v1 with real decisions in it; the upgrade must keep
// them and widen, not loosen, what the database itself accepts.
let database: TestDatabase
let client: pg.Client
const tempDir = useTempDirs()

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false })
  client = new pg.Client({ connectionString: database.url })
  await client.connect()
})
afterAll(async () => {
  await client.end()
  await database.drop()
})

/** Inserts as the owning superuser, past RLS, so only the table's own constraints decide. */
async function insertDecision(decision: string): Promise<void> {
  const id = uuidv7()
  await client.query('BEGIN')
  try {
    await client.query(
      `INSERT INTO ingest_records (tenant_id, id, desk_id, kind, entity_table, entity_id, payload, created_at)
       VALUES ('acme', $1, 'acme-desk-1', 'tender.decision', 'decisions', $2, '{}', now())`,
      [id, id],
    )
    await client.query(
      `INSERT INTO tender_decisions (tenant_id, record_id, document_id, split_bucket, tender_id, decision,
                                     decided_by, decided_at)
       VALUES ('acme', $1, 'doc-1', 7, 'T-1', $2, 'asha', now())`,
      [id, decision],
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
}

describe('002: tender decisions may be needs-review', () => {
  it('upgrades a v1 hub without losing its decisions; the CHECK still refuses anything else', async () => {
    const v1 = tempDir()
    copyFileSync(join(defaultMigrationsDir(), '001_init.sql'), join(v1, '001_init.sql'))
    expect((await migrate(database.url, v1)).applied).toEqual(['001_init.sql'])
    await client.query(`INSERT INTO tenants (tenant_id) VALUES ('acme')`)
    await insertDecision('irrelevant')
    await expect(insertDecision('needs-review')).rejects.toThrow(/tender_decisions_decision_check/)

    expect(await migrate(database.url)).toEqual({
      // Every later migration applies on top of v1 too (each new one must not need this test edited).
      applied: readdirSync(defaultMigrationsDir())
        .filter((f) => /^\d+_[\w-]+\.sql$/.test(f) && f !== '001_init.sql')
        .sort(),
      alreadyApplied: ['001_init.sql'],
    })
    await insertDecision('needs-review')
    await insertDecision('relevant')
    await expect(insertDecision('maybe')).rejects.toThrow(/tender_decisions_decision_check/)
    const rows = await client.query<{ decision: string }>(
      'SELECT decision FROM tender_decisions ORDER BY record_id',
    )
    expect(rows.rows.map((r) => r.decision)).toEqual(['irrelevant', 'needs-review', 'relevant'])
  })
})
