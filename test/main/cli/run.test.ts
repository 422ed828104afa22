import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI_COMMANDS, resolveCommand, runCli } from '../../../src/main/cli/run'
import { REPO_ROOT } from '../../support/builtApp'
import { corpusFile } from '../../support/corpus'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

const harness = () => cliHarness(tempDir)

describe('pebble-desk command line', () => {
  it('prints help and version with exit code 0', async () => {
    const h = harness()
    expect(await runCli(['--help'], h.io)).toBe(0)
    expect(h.stdout()).toContain('Usage: pebble-desk')
    expect(h.stdout()).toContain('serve [--port N] [--open]')
    const v = harness()
    expect(await runCli(['--version'], v.io)).toBe(0)
    expect(v.stdout().trim()).toBe('1.2.3')
    const j = harness()
    expect(await runCli(['--version', '--json'], j.io)).toBe(0)
    expect(JSON.parse(j.stdout())).toEqual({ version: '1.2.3' })
  })

  it('exits 2 on usage errors and says what was wrong', async () => {
    for (const argv of [[], ['frobnicate'], ['--no-such-flag'], ['import'], ['serve', '--port', 'eighty']]) {
      const h = harness()
      expect(await runCli(argv, h.io)).toBe(2)
      expect(h.stderr()).toMatch(/^pebble-desk: .+/)
    }
  })

  it('imports a corpus file and prints its sha256 as JSON', async () => {
    const h = harness()
    const file = corpusFile('coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf')
    expect(await runCli(['import', file, '--json'], h.io)).toBe(0)
    const result = JSON.parse(h.stdout()) as { documents: { sha256: string; sourcePath: string }[] }
    const expected = createHash('sha256').update(readFileSync(file)).digest('hex')
    expect(result.documents).toEqual([expect.objectContaining({ sha256: expected, sourcePath: file })])
    const list = harness()
    list.io.env = h.io.env
    expect(await runCli(['documents'], list.io)).toBe(0)
    expect(list.stdout()).toContain(expected)
  })

  it('names the bad file and the reason, exits 1, and shows no stack trace', async () => {
    const h = harness()
    const bad = join(tempDir(), 'notes.pdf')
    writeFileSync(bad, 'not really a pdf')
    expect(await runCli(['import', bad], h.io)).toBe(1)
    expect(h.stderr()).toContain(`${bad}: not a PDF, PNG, JPEG or TIFF file`)
    expect(h.stderr()).not.toMatch(/\n\s+at /)
  })

  it('documents read names a bad file once, beside the reason', async () => {
    const h = cliHarness(tempDir, { appRoot: REPO_ROOT })
    const bad = join(tempDir(), 'notes.pdf')
    writeFileSync(bad, 'not really a pdf')
    expect(await runCli(['documents', 'read', bad], h.io)).toBe(1)
    expect(h.stdout()).toContain(`${bad}: not a PDF, PNG, JPEG or TIFF file`)
    expect(h.stdout()).not.toContain(`${bad}: ${bad}`)
  })

  it('shows the stack trace only with --debug', async () => {
    const h = harness()
    writeFileSync(join(h.dataDir, 'tenants.json'), '{ broken')
    expect(await runCli(['tenants'], h.io)).toBe(1)
    expect(h.stderr()).toContain(`${join(h.dataDir, 'tenants.json')}: not valid JSON`)
    expect(h.stderr()).not.toMatch(/\n\s+at /)
    const d = harness()
    d.io.env = h.io.env
    expect(await runCli(['tenants', '--debug'], d.io)).toBe(1)
    expect(d.stderr()).toMatch(/\n\s+at /)
  })

  it('serves the UI on loopback and stops cleanly', async () => {
    const h = harness()
    const running = runCli(['serve', '--json'], h.io)
    await expect.poll(() => h.stdout()).toContain('"url"')
    const { url } = JSON.parse(h.stdout()) as { url: string }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    const first = await fetch(url, { redirect: 'manual' })
    expect(first.status).toBe(303)
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const page = await fetch(new URL('/', url), { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Pebble Desk')
    h.stop()
    expect(await running).toBe(0)
  })

  it('manages tenants', async () => {
    const h = harness()
    expect(await runCli(['tenants', 'add', 'acme', 'Acme', 'Steel'], h.io)).toBe(0)
    const l = harness()
    l.io.env = h.io.env
    expect(await runCli(['tenants', '--json'], l.io)).toBe(0)
    expect(JSON.parse(l.stdout()).tenants).toContainEqual({ id: 'acme', name: 'Acme Steel' })
  })
})

describe('command names', () => {
  it('are "<capability> <job>", and the earlier one-word names reach the same commands', () => {
    expect(resolveCommand(['qc', 'check', 'a.pdf'])).toEqual({ command: 'qc check', rest: ['a.pdf'] })
    expect(resolveCommand(['coa', 'a.pdf'])).toEqual({ command: 'qc check', rest: ['a.pdf'] })
    expect(resolveCommand(['screen', 'bids'])).toEqual({ command: 'tenders screen', rest: ['bids'] })
    expect(resolveCommand(['ocr', 'x.png'])).toEqual({ command: 'documents read', rest: ['x.png'] })
    expect(resolveCommand(['documents'])).toEqual({ command: 'documents list', rest: [] })
    expect(resolveCommand(['tenants', 'add', 'a', 'A'])).toEqual({
      command: 'tenants',
      rest: ['add', 'a', 'A'],
    })
    expect(() => resolveCommand(['qc'])).toThrow('"qc" needs one of: qc check, qc sample')
  })

  it('are all in --help', async () => {
    const h = harness()
    expect(await runCli(['--help'], h.io)).toBe(0)
    for (const command of Object.keys(CLI_COMMANDS)) expect(h.stdout()).toContain(`  ${command}`)
  })
})
