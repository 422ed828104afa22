import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import afterPack from '../../build/after-pack.mjs'
import { FUSES } from '../../build/fuses.mjs'
import { REPO_ROOT } from '../support/builtApp'

// How Electron's fuse wire spells a fuse's state: the ASCII digits '1' and '0'.
const FuseState = { ENABLE: 0x31, DISABLE: 0x30 } as const

const WANTED: Array<[keyof typeof FuseV1Options, boolean]> = [
  ['RunAsNode', false],
  ['EnableNodeOptionsEnvironmentVariable', false],
  ['EnableNodeCliInspectArguments', false],
  ['EnableEmbeddedAsarIntegrityValidation', true],
  ['OnlyLoadAppFromAsar', true],
  ['EnableCookieEncryption', true],
]

/**
 * A stand-in for the packed Electron binary (none is downloaded on build machines): the same fuse
 * wire Electron embeds, its sentinel, version 1 and eight fuses, all at Electron's defaults.
 */
function fakeElectron(dir: string, name: string): string {
  const defaults = [1, 1, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE))
  const wire = Buffer.concat([
    Buffer.from('\x7fELF padding before the wire'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, defaults.length, ...defaults]),
    Buffer.from('padding after'),
  ])
  const file = join(dir, name)
  writeFileSync(file, wire)
  return file
}

describe('Electron fuses in the packaging config', () => {
  it('electron-builder packs into app.asar and runs the fuse hook after packing', () => {
    const config = JSON.parse(readFileSync(join(REPO_ROOT, 'build', 'electron-builder.json'), 'utf8')) as {
      asar: boolean
      afterPack: string
    }
    expect(config.asar).toBe(true)
    expect(config.afterPack).toBe('build/after-pack.mjs')
    expect(existsSync(join(REPO_ROOT, config.afterPack))).toBe(true)
  })

  it.each(WANTED)('sets %s to %s', (fuse, on) => {
    expect(FUSES[FuseV1Options[fuse]]).toBe(on)
  })

  it('the afterPack hook flips every fuse in the packed Linux binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuses-'))
    const binary = fakeElectron(dir, 'pebble-desk')
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { executableName: 'pebble-desk', appInfo: { productFilename: 'Pebble Desk' } },
    })
    const wire = await getCurrentFuseWire(binary)
    for (const [fuse, on] of WANTED) {
      expect(wire[FuseV1Options[fuse]], fuse).toBe(on ? FuseState.ENABLE : FuseState.DISABLE)
    }
    // Fuses the config leaves alone keep Electron's default.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE)
  })
})
