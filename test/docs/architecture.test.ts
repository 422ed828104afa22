import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI_COMMANDS } from '../../src/main/cli/run'
import { METHOD_NAMES } from '../../src/shared/contract'
import { REPO_ROOT } from '../support/builtApp'

interface CapabilityRow {
  capability: string
  shared: string | null
  main: string | null
  entries: string[]
  commands: string[]
  channels: string[]
  renderer: string | null
}

const list = (cell: string) => (cell === '-' ? [] : cell.split(',').map((s) => s.trim()))
const folder = (cell: string) => (cell === '-' ? null : cell)

function capabilityMap(): CapabilityRow[] {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'architecture.md'), 'utf8')
  const section = text.slice(text.indexOf('## Capability map'))
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| capability') && !line.startsWith('| ---'))
  return rows.map((line) => {
    const [capability, shared, main, entries, commands, channels, renderer] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim())
    return {
      capability: capability!,
      shared: folder(shared!),
      main: folder(main!),
      entries: list(entries!),
      commands: list(commands!),
      channels: list(channels!),
      renderer: folder(renderer!),
    }
  })
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const map = capabilityMap()
const groups = new Set(METHOD_NAMES.map((m) => m.slice(0, m.indexOf('.'))))

describe('docs/architecture.md capability map', () => {
  it('lists the capabilities by the names users know', () => {
    expect(map.map((r) => r.capability)).toEqual(
      expect.arrayContaining(['tenders', 'qc', 'scanners', 'sync', 'audit', 'documents']),
    )
  })

  it.each(map)('$capability: every folder it names exists', (row) => {
    for (const dir of [row.shared, row.main, row.renderer]) {
      if (dir) expect(existsSync(join(REPO_ROOT, dir)), dir).toBe(true)
    }
  })

  it.each(map)('$capability: every core entry is exported from its folders', (row) => {
    const files = [row.shared, row.main]
      .filter((d): d is string => d !== null)
      .flatMap((d) => sourceFiles(join(REPO_ROOT, d)))
    for (const entry of row.entries) {
      const exported = new RegExp(`export (async )?(function|class|const) ${entry}\\b`)
      expect(
        files.some((f) => exported.test(readFileSync(f, 'utf8'))),
        `${entry} in ${row.capability}`,
      ).toBe(true)
    }
  })

  it.each(map)('$capability: its CLI commands and channel groups exist', (row) => {
    for (const command of row.commands) expect(Object.keys(CLI_COMMANDS)).toContain(command)
    for (const channel of row.channels) expect([...groups]).toContain(channel)
  })

  it('has a row for every CLI command and every channel group of the desk', () => {
    const mapped = new Set(map.flatMap((r) => r.commands))
    expect(Object.keys(CLI_COMMANDS).filter((c) => !mapped.has(c))).toEqual([])
    const mappedChannels = new Set(map.flatMap((r) => r.channels))
    expect([...groups].filter((g) => !mappedChannels.has(g))).toEqual([])
  })

  it('names each capability folder once per layer', () => {
    for (const layer of ['shared', 'main', 'renderer'] as const) {
      const dirs = map.map((r) => r[layer]).filter((d): d is string => d !== null)
      const owners = new Map<string, string[]>()
      for (const row of map) {
        const dir = row[layer]
        if (dir) owners.set(dir, [...(owners.get(dir) ?? []), row.capability])
      }
      // gs1 scans arrive on the Scanner page; every other capability has a page folder of its own.
      const shared = [...owners.entries()].filter(([, caps]) => caps.length > 1)
      expect(
        shared.every(([dir]) => dir === 'src/renderer/features/scanners'),
        JSON.stringify(shared),
      ).toBe(true)
      expect(dirs.length).toBeGreaterThan(0)
    }
  })
})
