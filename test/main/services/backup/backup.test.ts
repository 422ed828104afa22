import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run'
import { backupFiles, DailyBackups } from '../../../../src/main/services/backup'
import { cliHarness } from '../../../support/cliHarness'
import { textPdf } from '../../../support/documents/textPdf'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

/** A desk with two tenants, documents in each, settings and the person at the desk. */
async function filledDesk() {
  const cli = cliHarness(tempDir)
  const run = async (...argv: string[]) => {
    const code = await runCli(argv, cli.io)
    expect(code, cli.stderr()).toBe(0)
  }
  const files = tempDir()
  writeFileSync(join(files, 'bid-0042.pdf'), await textPdf('GeM bid GEM/2026/B/0042: sodium hypochlorite'))
  writeFileSync(join(files, 'coa-b107.pdf'), await textPdf('Certificate of Analysis, batch B-107'))
  writeFileSync(
    join(cli.dataDir, 'settings.json'),
    JSON.stringify({ pipeline: { workers: 2 }, backup: { keepDays: 3 } }),
  )
  await run('tenants', 'add', 'acme', 'Acme Chemicals')
  await run('tenants', 'add', 'globex', 'Globex')
  await run('documents', 'import', join(files, 'bid-0042.pdf'), '--tenant', 'acme')
  await run('documents', 'import', join(files, 'coa-b107.pdf'), '--tenant', 'globex')
  return { cli, run }
}

async function listed(cli: ReturnType<typeof cliHarness>, tenant: string): Promise<unknown> {
  const before = cli.stdout().length
  expect(await runCli(['documents', 'list', '--tenant', tenant, '--json'], cli.io)).toBe(0)
  return JSON.parse(cli.stdout().slice(before))
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name)
        return [path.slice(dir.length), readFileSync(path).toString('base64')]
      }),
  )
}

describe('pebble-desk backup / restore', () => {
  it('brings back every tenant, document, blob and setting after the data folder is wiped', async () => {
    const { cli, run } = await filledDesk()
    const before = { acme: await listed(cli, 'acme'), globex: await listed(cli, 'globex') }
    const files = snapshot(cli.dataDir)
    const out = join(tempDir(), 'desk.backup')
    await run('backup', '--out', out)
    expect(cli.stdout()).toMatch(/backed up \d+ files/)

    for (const name of readdirSync(cli.dataDir)) rmSync(join(cli.dataDir, name), { recursive: true })
    await run('restore', out)

    expect(snapshot(cli.dataDir)).toEqual(files)
    expect(await listed(cli, 'acme')).toEqual(before.acme)
    expect(await listed(cli, 'globex')).toEqual(before.globex)
    expect(cli.stdout()).toMatch(/tenants default, acme, globex, 2 document\(s\)/)
    const kept = /kept at (\S+)/.exec(cli.stdout())?.[1]
    expect(kept && existsSync(kept)).toBe(true)
    rmSync(kept ?? '', { recursive: true, force: true })
  })

  it('refuses a backup whose contents were altered, naming the file inside it, and leaves the desk as it was', async () => {
    const { cli } = await filledDesk()
    const out = join(tempDir(), 'desk.backup')
    expect(await runCli(['backup', '--out', out], cli.io)).toBe(0)
    const raw = gunzipSync(readFileSync(out)).toString('latin1')
    writeFileSync(out, gzipSync(Buffer.from(raw.replace('"Acme Chemicals"', '"Acme Chemicalz"'), 'latin1')))
    const files = snapshot(cli.dataDir)

    expect(await runCli(['restore', out], cli.io)).toBe(1)
    expect(cli.stderr()).toContain(`${out}: tenants.json does not match its recorded checksum`)
    expect(cli.stderr()).toContain('nothing was restored')
    expect(snapshot(cli.dataDir)).toEqual(files)
    expect(readdirSync(join(cli.dataDir, '..')).some((n) => n.includes('.restoring-'))).toBe(false)
  })

  it('refuses a truncated backup and a file that is not a backup', async () => {
    const { cli } = await filledDesk()
    const out = join(tempDir(), 'desk.backup')
    expect(await runCli(['backup', '--out', out], cli.io)).toBe(0)
    const whole = gunzipSync(readFileSync(out))
    writeFileSync(out, gzipSync(whole.subarray(0, whole.length - 40)))
    expect(await runCli(['restore', out], cli.io)).toBe(1)
    expect(cli.stderr()).toMatch(/truncated/)

    const notOne = join(tempDir(), 'notes.txt')
    writeFileSync(notOne, 'hello')
    expect(await runCli(['restore', notOne], cli.io)).toBe(1)
    expect(cli.stderr()).toContain(`${notOne}: not a readable desk backup`)
  })

  it('leaves out caches and earlier backups', async () => {
    const { cli } = await filledDesk()
    mkdirSync(join(cli.dataDir, 'cache', 'text'), { recursive: true })
    writeFileSync(join(cli.dataDir, 'cache', 'text', 'x.json'), '{}')
    mkdirSync(join(cli.dataDir, 'backups'))
    writeFileSync(join(cli.dataDir, 'backups', 'pebble-desk-2026-01-01.backup'), '')
    const files = await backupFiles(cli.dataDir)
    expect(files).toContain('tenants.json')
    expect(files).toContain('settings.json')
    expect(files.filter((f) => f.startsWith('cache/') || f.startsWith('backups/'))).toEqual([])
  })
})

describe('daily automatic backup', () => {
  it('makes one backup a day on a controlled clock and keeps the last keepDays days', async () => {
    const { cli } = await filledDesk()
    const directory = join(tempDir(), 'daily')
    let now = new Date('2026-12-01T09:00:00Z')
    const made: string[] = []
    const daily = new DailyBackups({
      dataDir: cli.dataDir,
      directory,
      keepDays: 3,
      now: () => now,
      report: (e) => e.made && made.push(e.made.file),
    })
    let fire: () => void = () => undefined
    const stop = daily.start(3_600_000, (run) => ((fire = run), () => (fire = () => undefined)))
    await daily.settled()
    for (const at of [
      '2026-12-01T15:00:00Z',
      '2026-12-02T09:00:00Z',
      '2026-12-03T09:00:00Z',
      '2026-12-04T09:00:00Z',
    ]) {
      now = new Date(at)
      fire()
      await daily.settled()
    }
    stop()
    expect(made.map((f) => f.slice(directory.length + 1))).toEqual([
      'pebble-desk-2026-12-01.backup',
      'pebble-desk-2026-12-02.backup',
      'pebble-desk-2026-12-03.backup',
      'pebble-desk-2026-12-04.backup',
    ])
    expect(readdirSync(directory).sort()).toEqual([
      'pebble-desk-2026-12-02.backup',
      'pebble-desk-2026-12-03.backup',
      'pebble-desk-2026-12-04.backup',
    ])
    // The daily file is a backup like any other: it restores.
    expect(await runCli(['restore', join(directory, 'pebble-desk-2026-12-04.backup')], cli.io)).toBe(0)
    rmSync(/kept at (\S+)/.exec(cli.stdout())?.[1] ?? '', { recursive: true, force: true })
  })
})
