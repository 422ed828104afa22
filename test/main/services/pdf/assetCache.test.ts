import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CachedAssetFactory } from '../../../../src/main/services/pdf/assetCache'
import { pdfjsAssetPaths } from '../../../../src/main/services/pdf/pdfjs'

describe('CachedAssetFactory', () => {
  const paths = pdfjsAssetPaths()
  const factory = new CachedAssetFactory(paths)

  it('serves pdf.js its standard font files, a fresh copy each time', async () => {
    const first = await factory.fetch({ kind: 'standardFontDataUrl', filename: 'LiberationSans-Regular.ttf' })
    expect(first).toEqual(
      new Uint8Array(readFileSync(`${paths.standardFontDataUrl}LiberationSans-Regular.ttf`)),
    )
    // pdf.js may transfer a buffer to its parser; the next document must still get the bytes.
    structuredClone(first, { transfer: [first.buffer] })
    expect(first.byteLength).toBe(0)
    const second = await factory.fetch({
      kind: 'standardFontDataUrl',
      filename: 'LiberationSans-Regular.ttf',
    })
    expect(second.byteLength).toBeGreaterThan(10_000)
  })

  it('fails like pdf.js for a missing file or an unset folder, and tries again next time', async () => {
    await expect(factory.fetch({ kind: 'cMapUrl', filename: 'no-such.bcmap' })).rejects.toThrow(/ENOENT/)
    await expect(factory.fetch({ kind: 'cMapUrl', filename: 'no-such.bcmap' })).rejects.toThrow(/ENOENT/)
    await expect(new CachedAssetFactory({}).fetch({ kind: 'wasmUrl', filename: 'x.wasm' })).rejects.toThrow(
      /wasmUrl/,
    )
  })
})
