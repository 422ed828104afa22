import pg from 'pg'

export type Db = pg.Pool
export type Tx = pg.PoolClient

export const APP_ROLE = 'pebble_hub_app'

export function createPool(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 })
  // An idle client whose server went away emits 'error' on the pool; unhandled, it kills the hub.
  pool.on('error', () => undefined)
  // The pool listens only on idle clients. A checked-out client between two queries of a
  // transaction gets 'error' when the server shuts down (the DB-down game day): unhandled, that
  // kills the hub too. The failure still reaches the caller, through its next query.
  pool.on('connect', (client) => client.on('error', () => undefined))
  return pool
}

async function inTransaction<T>(
  db: Db,
  setup: (tx: Tx) => Promise<void>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const tx = await db.connect()
  try {
    await tx.query('BEGIN')
    await setup(tx)
    const result = await fn(tx)
    await tx.query('COMMIT')
    return result
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    tx.release()
  }
}

/**
 * Every request-serving query runs here: as the RLS-bound app role, with the tenant pinned for
 * this transaction only (is_local = true), so a pooled connection never carries one tenant's
 * setting into the next request.
 */
export function withTenant<T>(db: Db, tenant: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(
    db,
    async (tx) => {
      await tx.query(`SELECT set_config('role', $1, true), set_config('app.tenant_id', $2, true)`, [
        APP_ROLE,
        tenant,
      ])
    },
    fn,
  )
}

/** The app role with no tenant pinned: it can authenticate a token and read nothing else. */
export function withAppRole<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(
    db,
    async (tx) => {
      await tx.query(`SELECT set_config('role', $1, true)`, [APP_ROLE])
    },
    fn,
  )
}

/**
 * As the connecting (migrating) role, for the CLI's admin work on desk_tokens, which the app role
 * cannot see. RLS still applies to the other tables (FORCE), so `tenant` pins the one being edited.
 */
export function withOwner<T>(db: Db, tenant: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(
    db,
    async (tx) => {
      await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant])
    },
    fn,
  )
}
