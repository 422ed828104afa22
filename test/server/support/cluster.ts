import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const BIN = '/usr/lib/postgresql/15/bin'

export interface Cluster {
  url: string
  /** `pg_ctl stop -m immediate`: the database goes away the way a crash or a pulled disk does. */
  stop(): Promise<void>
  start(): Promise<void>
  destroy(): Promise<void>
}

/**
 * A PostgreSQL cluster of the test's own, on its own port and socket folder, for tests that stop
 * the database: the machine's shared cluster serves every other test and must never go down.
 * PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 */
export async function startCluster(port: number): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pebble-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), 0)
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]) : run(join(BIN, tool), args)
  const data = join(dir, 'data')
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  const pgCtl = (args: string[]) => pg('pg_ctl', ['-D', data, '-w', ...args])
  const cluster: Cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => void (await pgCtl(['-o', options, '-l', join(dir, 'log'), 'start'])),
    stop: async () => void (await pgCtl(['-m', 'immediate', 'stop'])),
    destroy: async () => {
      await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await cluster.start()
  return cluster
}
