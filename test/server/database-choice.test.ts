import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../server/cli'
import { loadConfig } from '../../server/config'
import { createTestDatabase, type TestDatabase } from './support/db'

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false })
})
afterAll(() => database.drop())

/** A hub command in this process: exit code (or the error it threw) and what it wrote to stderr. */
async function hub(args: string[], env: Record<string, string>) {
  let stderr = ''
  const spies = [
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk)
      return true
    }),
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true),
  ]
  try {
    const code = await runCli(args, { LOG_LEVEL: 'silent', ...env }).catch((e: unknown) => e as Error)
    return { code, stderr }
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
}

async function hubTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const r = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'desk_tokens'",
    )
    return r.rows[0]?.n ?? 0
  } finally {
    await client.end()
  }
}

describe('hub commands name the database they act on', () => {
  it('refuse to run without DATABASE_URL or --database-url instead of using `postgres`', async () => {
    for (const command of [['migrate'], ['create-desk', '--tenant', 't', '--desk', 'd'], ['serve']]) {
      const { code } = await hub(command, {})
      expect(code).toBeInstanceOf(Error)
      expect((code as Error).message).toMatch(/DATABASE_URL: not set: .*--database-url/)
    }
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@h/db' })).toThrow(/DATABASE_URL: not a postgres/)
  })

  it('migrate with --database-url prints host, port, database and user, never the password', async () => {
    const url = new URL(database.url)
    url.password = 'hunter2-secret'
    const { code, stderr } = await hub(['migrate', '--database-url', url.toString()], {})
    expect(code).toBe(0)
    expect(stderr).toContain(`database 127.0.0.1:5432/${database.name} as postgres`)
    expect(stderr).not.toContain('hunter2')
    expect(await hubTables(database.url)).toBe(1)
  })

  it('takes the DATABASE_URL variable as the database too', async () => {
    const { code, stderr } = await hub(['migrate'], { DATABASE_URL: database.url })
    expect(code).toBe(0)
    expect(stderr).toContain(`/${database.name}`)
  })
})
