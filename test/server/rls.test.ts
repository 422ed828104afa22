import { readdirSync } from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultMigrationsDir, migrate } from '../../server/db/migrate'
import { APP_ROLE } from '../../server/db/pool'
import { createTestDatabase, type TestDatabase } from './support/db'
import { startTestHub, type TestHub } from './support/hub'
import { correction, postIngest } from './support/records'

// Direct SQL, not the hub's code: the database itself must keep tenants apart even if a query in
// the app forgot its WHERE clause.
let hub: TestHub
let client: pg.Client

beforeAll(async () => {
  hub = await startTestHub()
  const a = await hub.desk('tenant-a', 'desk-a')
  const b = await hub.desk('tenant-b', 'desk-b')
  expect(
    (await postIngest(hub.url, a, { records: [correction('tenant-a'), correction('tenant-a')] })).status,
  ).toBe(200)
  expect((await postIngest(hub.url, b, { records: [correction('tenant-b')] })).status).toBe(200)
  client = new pg.Client({ connectionString: hub.database.url })
  await client.connect()
})
afterAll(async () => {
  await client.end()
  await hub.close()
})

/** Runs `fn` as the app role with `tenant` pinned, then rolls back whatever it did. */
async function asTenant<T>(tenant: string | null, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN')
  try {
    await client.query(`SET LOCAL ROLE ${APP_ROLE}`)
    if (tenant !== null) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant])
    return await fn()
  } finally {
    await client.query('ROLLBACK')
  }
}

const TABLES = ['ingest_records', 'field_corrections', 'desks', 'ground_truth']

describe('row-level security', () => {
  it('the app role is an ordinary role that cannot bypass RLS', async () => {
    const r = await client.query(
      'SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    )
    expect(r.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false })
    const forced = await client.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relname = ANY($1) ORDER BY 1`,
      [
        [
          'alerts',
          'coa_results',
          'desks',
          'field_corrections',
          'ingest_records',
          'model_events',
          'model_rollouts',
          'model_scores',
          'model_split_records',
          'model_versions',
          'scans',
          'tender_decisions',
          'trainings',
        ],
      ],
    )
    expect(forced.rows).toHaveLength(13)
  })

  for (const [me, other, mine] of [
    ['tenant-a', 'tenant-b', 2],
    ['tenant-b', 'tenant-a', 1],
  ] as const) {
    it(`${me} sees only its own rows, even when asking for ${other}'s`, async () => {
      await asTenant(me, async () => {
        for (const table of TABLES) {
          const all = await client.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${table}`)
          expect(all.rows.map((r) => r.tenant_id)).toEqual([me])
          const theirs = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [
            other,
          ])
          expect(theirs.rows[0]).toEqual({ n: 0 })
        }
        const ingest = await client.query('SELECT count(*)::int AS n FROM ingest_records')
        expect(ingest.rows[0]).toEqual({ n: mine })
      })
    })

    it(`${me} cannot insert, update, move or delete ${other}'s rows`, async () => {
      await asTenant(me, async () => {
        await client.query('SAVEPOINT s')
        await expect(
          client.query(
            `INSERT INTO ingest_records (tenant_id, id, desk_id, kind, entity_table, entity_id, payload, created_at)
             VALUES ($1, gen_random_uuid(), 'x', 'scan', 't', 'e', '{}', now())`,
            [other],
          ),
        ).rejects.toThrow(/row-level security/)
        await client.query('ROLLBACK TO SAVEPOINT s')
        const upd = await client.query(`UPDATE desks SET reported_queue_depth = 999 WHERE tenant_id = $1`, [
          other,
        ])
        expect(upd.rowCount).toBe(0)
        await expect(client.query(`UPDATE desks SET tenant_id = $1`, [other])).rejects.toThrow(
          /row-level security|permission denied/,
        )
        await client.query('ROLLBACK TO SAVEPOINT s')
        // DELETE is not granted at all; RLS would leave nothing to delete anyway.
        await expect(client.query('DELETE FROM ingest_records')).rejects.toThrow(/permission denied/)
      })
      // Nothing changed for the other tenant.
      await asTenant(other, async () => {
        const r = await client.query('SELECT max(reported_queue_depth) AS m FROM desks')
        expect(r.rows[0]).toEqual({ m: null })
      })
    })
  }

  it('with no tenant pinned the app role sees nothing', async () => {
    await asTenant(null, async () => {
      for (const table of TABLES) {
        const r = await client.query(`SELECT count(*)::int AS n FROM ${table}`)
        expect(r.rows[0]).toEqual({ n: 0 })
      }
    })
  })

  it('the app role cannot read token hashes, only check one through hub_authenticate', async () => {
    await asTenant('tenant-a', async () => {
      await client.query('SAVEPOINT s')
      await expect(client.query('SELECT * FROM desk_tokens')).rejects.toThrow(/permission denied/)
      await client.query('ROLLBACK TO SAVEPOINT s')
      const r = await client.query(`SELECT * FROM hub_authenticate($1)`, ['0'.repeat(64)])
      expect(r.rows).toEqual([])
    })
  })

  it("the API refuses a record claiming another tenant's id space", async () => {
    const a = await hub.desk('tenant-a', 'desk-a2')
    const r = await postIngest(hub.url, a, { records: [correction('tenant-b')] })
    expect(r.status).toBe(403)
    await asTenant('tenant-b', async () => {
      const n = await client.query('SELECT count(*)::int AS n FROM ingest_records')
      expect(n.rows[0]).toEqual({ n: 1 })
    })
  })
})

// Every migration in the folder, so a new one does not need this list edited.
const MIGRATIONS = readdirSync(defaultMigrationsDir())
  .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
  .sort()

describe('migrations', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false })
  })
  afterAll(() => database.drop())

  it('two hubs migrating at once: one applies, the other waits on the lock and finds nothing to do', async () => {
    const [x, y] = await Promise.all([migrate(database.url), migrate(database.url)])
    expect([x.applied.length, y.applied.length].sort()).toEqual([0, MIGRATIONS.length])
    const again = await migrate(database.url)
    expect(again).toEqual({ applied: [], alreadyApplied: MIGRATIONS })
  })
})
