import type { FastifyInstance } from 'fastify'
import { buildHub, type HubDeps } from '../../../server/app'
import { loadConfig, type HubConfig } from '../../../server/config'
import { createPool, type Db } from '../../../server/db/pool'
import { registerDesk } from '../../../server/store/desks'
import { createTestDatabase, type TestDatabase } from './db'

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789'

export type TestHub = {
  url: string
  app: FastifyInstance
  deps: HubDeps
  db: Db
  database: TestDatabase
  config: HubConfig
  desk: (tenant: string, deskId: string) => Promise<string>
  close: () => Promise<void>
}

/** A hub on a loopback port over a fresh database, in this process. */
export async function startTestHub(
  options: { env?: Record<string, string>; clock?: () => Date } = {},
): Promise<TestHub> {
  const database = await createTestDatabase()
  const config = loadConfig({
    DATABASE_URL: database.url,
    HUB_ADMIN_TOKEN: ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    ...options.env,
  })
  const db = createPool(database.url, 4)
  const { app, deps } = buildHub(db, config, { clock: options.clock, logger: false })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    app,
    deps,
    db,
    database,
    config,
    desk: (tenant, deskId) => registerDesk(db, tenant, deskId),
    close: async () => {
      await app.close()
      await db.end()
      await database.drop()
    },
  }
}
