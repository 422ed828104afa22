import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { UserService } from '../../../src/main/services/users'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

async function deskWithTrail(dataDir: string) {
  const users = new UserService(dataDir, { cost: { N: 1024, r: 8, p: 1 } })
  const admin = await users.setup('Priya Admin', 'first admin passphrase')
  await users.add(admin.name, 'Ann Lee', ['qc-technician'], '583920', 'new technician, starts Monday')
  return users
}

describe('pebble-desk audit', () => {
  it('verify: says the chain is intact with its head hash; exit 1 naming the first bad entry', async () => {
    const h = cliHarness(tempDir)
    const users = await deskWithTrail(h.dataDir)
    expect(await runCli(['audit', 'verify', '--data', h.dataDir], h.io)).toBe(0)
    expect(h.stdout()).toMatch(/2 entries, chain intact, head [0-9a-f]{64}/)

    const text = readFileSync(users.audit.file, 'utf8').replace('starts Monday', 'starts Tuesday')
    writeFileSync(users.audit.file, text)
    const broken = cliHarness(tempDir)
    expect(await runCli(['audit', 'verify', '--data', h.dataDir, '--json'], broken.io)).toBe(1)
    expect(JSON.parse(broken.stdout())).toMatchObject({
      chain: { ok: false, index: 1, reason: 'hash-mismatch' },
    })
  })

  it('export: the date range as CSV or JSON with every hash, refusing a bad date by name', async () => {
    const h = cliHarness(tempDir)
    await deskWithTrail(h.dataDir)
    const today = new Date().toISOString().slice(0, 10)
    expect(
      await runCli(
        ['audit', 'export', '--data', h.dataDir, '--from', today, '--to', today, '--format', 'csv'],
        h.io,
      ),
    ).toBe(0)
    const [header, ...rows] = h.stdout().trim().split('\r\n')
    expect(header).toBe('seq,at,tenant,actor,action,entityTable,entityId,before,after,prevHash,hash')
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain('"new technician, starts Monday"')
    expect(rows[1]).toMatch(/,[0-9a-f]{64},[0-9a-f]{64}$/)

    const json = cliHarness(tempDir)
    expect(
      await runCli(
        ['audit', 'export', '--data', h.dataDir, '--to', '2000-01-01', '--format', 'json'],
        json.io,
      ),
    ).toBe(0)
    expect(JSON.parse(json.stdout())).toMatchObject({ entries: [], chain: { ok: true, count: 2 } })

    const bad = cliHarness(tempDir)
    expect(await runCli(['audit', 'export', '--data', h.dataDir, '--from', '5 May'], bad.io)).toBe(2)
    expect(bad.stderr()).toContain('--from must be a date yyyy-mm-dd (got "5 May")')
  })
})
