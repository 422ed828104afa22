import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { bundleForNode } from '../../../server/build.mjs'
import { createTestDatabase, type TestDatabase } from '../../server/support/db'
import { freePort, startNode, type Managed } from '../../server/support/processes'
import { ROOT } from './serve'

export interface RealHub {
  url: string
  /** Issues a desk token for a tenant (the hub's own create-desk command). */
  createDesk(tenant: string, desk: string): string
  /** Runs one of the hub's own commands (e.g. `train --tenant T --kind relevance`); its stdout. */
  cli(...args: string[]): string
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>
  stop(): Promise<void>
  start(): Promise<void>
  close(): Promise<void>
}

/**
 * The hub as it ships: its bundle, in its own process, on a free loopback port, over a fresh
 * PostgreSQL database it migrates itself. stop()/start() keep the port and the data.
 */
export async function startRealHub(): Promise<RealHub> {
  // Inside node_modules/.cache so the bundle's bare imports (fastify, pg) resolve.
  const cache = join(ROOT, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(join(cache, 'pebble-e2e-hub-'))
  const { hub: script = '' } = await bundleForNode({ hub: join(ROOT, 'server', 'main.ts') }, outDir)
  const database: TestDatabase = await createTestDatabase({ migrate: false })
  const port = await freePort()
  const env = {
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MIGRATIONS_DIR: join(ROOT, 'server', 'migrations'),
  }
  let process_: Managed | null = null
  const start = async () => {
    process_ = startNode(script, ['serve'], env)
    await process_.waitFor((e) => e.event === 'listening')
  }
  const stop = async () => {
    await process_?.kill()
    process_ = null
  }
  await start()
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [script, ...args], { env: { ...process.env, ...env } })
      .toString()
      .trim()
  return {
    url: `http://127.0.0.1:${port}`,
    createDesk: (tenant, desk) => cli('create-desk', '--tenant', tenant, '--desk', desk),
    cli,
    async query(sql, params = []) {
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      try {
        return (await client.query(sql, params)).rows
      } finally {
        await client.end()
      }
    },
    stop,
    start,
    async close() {
      await stop()
      await database.drop()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
