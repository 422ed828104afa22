import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  loadMallocTuning,
  mallocTuningAddonPath,
  PAGE_BUFFER_MMAP_THRESHOLD,
  tuneMallocForPageBuffers,
  type MallocStats,
} from '../../../../src/main/services/memory'

const REPO = resolve(__dirname, '../../../..')
const ADDON = mallocTuningAddonPath(REPO)
const MB = 1024 * 1024
const BUFFERS = 4
const BUFFER_BYTES = 8 * MB // a gray 300-dpi page is about this size

interface Round {
  before: MallocStats
  held: MallocStats
  after: MallocStats
}

// Runs in a fresh `node --expose-gc`: page-sized Buffers are allocated (through malloc, as
// allocUnsafeSlow does), held, freed by a full GC, three times, with mallinfo2() read around each.
const CHILD = `
const addon = require(process.argv[1])
const threshold = Number(process.argv[2])
const applied = threshold > 0 ? addon.setMmapThreshold(threshold) : false
const rounds = []
for (let round = 0; round < 3; round++) {
  const before = addon.stats()
  let buffers = Array.from({ length: ${BUFFERS} }, () => Buffer.allocUnsafeSlow(${BUFFER_BYTES}))
  const held = addon.stats()
  buffers = null
  // Single-threaded GC frees on this call; the bound only guards against a deferred free.
  for (let i = 0; i < 5 && (i === 0 || addon.stats().mmappedChunks > before.mmappedChunks); i++) gc()
  rounds.push({ before, held, after: addon.stats() })
}
console.log(JSON.stringify({ applied, rounds }))
`

function runChild(threshold: number): { applied: boolean; rounds: Round[] } {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--single-threaded-gc', '-e', CHILD, ADDON, String(threshold)],
    { encoding: 'utf8' },
  )
  expect(child.stderr).toBe('')
  expect(child.status).toBe(0)
  return JSON.parse(child.stdout) as { applied: boolean; rounds: Round[] }
}

const grew = (round: Round, key: keyof MallocStats): number => round.held[key] - round.before[key]

describe.skipIf(process.platform !== 'linux')('malloc tuning for page buffers (glibc)', () => {
  it('is built by the postinstall', () => {
    expect(existsSync(ADDON), `${ADDON} missing: run "node scripts/build-native.mjs --verbose"`).toBe(true)
  })

  it('keeps page buffers mmapped, so each one goes back to the OS when freed', () => {
    const { applied, rounds } = runChild(PAGE_BUFFER_MMAP_THRESHOLD)
    expect(applied).toBe(true)
    for (const round of rounds) {
      expect(grew(round, 'mmappedChunks')).toBeGreaterThanOrEqual(BUFFERS)
      expect(grew(round, 'mmappedBytes')).toBeGreaterThanOrEqual(BUFFERS * BUFFER_BYTES)
      expect(grew(round, 'arenaBytes')).toBeLessThan(BUFFER_BYTES)
      expect(round.after.mmappedChunks).toBeLessThanOrEqual(round.before.mmappedChunks)
      expect(round.after.mmappedBytes).toBeLessThanOrEqual(round.before.mmappedBytes)
    }
  })

  it('without it, glibc raises its threshold after the first free and later buffers land in the arena', () => {
    const [first, ...later] = runChild(0).rounds
    expect(first && grew(first, 'mmappedChunks')).toBeGreaterThanOrEqual(BUFFERS)
    expect(later).toHaveLength(2)
    for (const round of later) {
      expect(grew(round, 'mmappedChunks')).toBeLessThan(BUFFERS)
      expect(grew(round, 'arenaBytes')).toBeGreaterThanOrEqual(BUFFERS * BUFFER_BYTES)
    }
  })
})

describe('tuneMallocForPageBuffers', () => {
  const elsewhere = resolve(REPO, 'no-such-app-root')

  it('finds no addon, without throwing, where none was built', () => {
    expect(loadMallocTuning(elsewhere)).toBeNull()
  })

  it.skipIf(process.platform !== 'linux')('applies once per process; later calls report that', () => {
    expect(tuneMallocForPageBuffers(elsewhere)).toBe(false)
    expect(tuneMallocForPageBuffers(REPO)).toBe(true)
    expect(tuneMallocForPageBuffers(elsewhere)).toBe(true)
  })
})
