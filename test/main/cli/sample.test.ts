import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

const harness = () => cliHarness(tempDir)

describe('pebble-desk sample', () => {
  it('reproduces the same pick list for the same seed', async () => {
    const run = async (seed: string) => {
      const h = harness()
      expect(
        await runCli(['sample', '--lot-size', '1000', '--level', 'II', '--seed', seed, '--json'], h.io),
      ).toBe(0)
      return JSON.parse(h.stdout()) as {
        codeLetter: string
        sampleSize: number
        seed: string
        picks: number[]
        pickList: string
      }
    }
    const a = await run('GRN-2025-0042')
    expect(a).toMatchObject({ codeLetter: 'J', sampleSize: 80, seed: 'GRN-2025-0042' })
    expect(a.picks).toHaveLength(80)
    expect((await run('GRN-2025-0042')).picks).toEqual(a.picks)
    expect((await run('GRN-2025-0043')).picks).not.toEqual(a.picks)
  })

  it('prints a √N+1 pick list as text', async () => {
    const h = harness()
    expect(await runCli(['sample', '--lot-size', '25', '--plan', 'sqrt', '--seed', 'x'], h.io)).toBe(0)
    expect(h.stdout()).toContain('Sample size: 6')
    expect(h.stdout().match(/\[ \]/g)).toHaveLength(6)
  })

  it('refuses bad options with exit 2', async () => {
    for (const args of [
      ['sample', '--lot-size', 'ten', '--seed', 'x'],
      ['sample', '--lot-size', '10'],
      ['sample', '--lot-size', '10', '--seed', 'x', '--level', 'IV'],
      ['sample', '--lot-size', '10', '--seed', 'x', '--plan', 'random'],
    ]) {
      const h = harness()
      expect(await runCli(args, h.io)).toBe(2)
      expect(h.stderr()).toMatch(/--lot-size|--seed|--level|--plan/)
    }
  })
})
