import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeImage, DEFAULT_MAX_PIXELS, type RasterImage } from '../../../../src/main/services/imaging'
import { corpusFile } from '../../../support/corpus'

const decode = (name: string) =>
  decodeImage(new Uint8Array(readFileSync(corpusFile(name))), { file: name, maxPixels: DEFAULT_MAX_PIXELS })

/** Share of dark pixels: a decoded text page is mostly paper with some ink. */
function inkShare(image: RasterImage): number {
  let dark = 0
  const n = image.width * image.height
  for (let i = 0; i < n; i++) {
    const o = i * image.channels
    const v =
      image.channels === 1 ? image.data[o]! : (image.data[o]! + image.data[o + 1]! + image.data[o + 2]!) / 3
    if (v < 128) dark++
  }
  return dark / n
}

function expectWellFormed(image: RasterImage): void {
  expect(image.data.length).toBe(image.width * image.height * image.channels)
  const ink = inkShare(image)
  expect(ink).toBeGreaterThan(0.005)
  expect(ink).toBeLessThan(0.5)
}

describe('decodeImage on the corpus', () => {
  it('decodes a 1-bit uncompressed TIFF to gray with its 200 dpi', async () => {
    const [page, ...rest] = await decode('tess_phototest.tif')
    expect(rest).toHaveLength(0)
    expect(page).toMatchObject({ width: 640, height: 480, channels: 1, dpi: 200 })
    expectWellFormed(page!)
  })

  it('decodes an RGBA LZW TIFF of a gray page to one channel', async () => {
    const [page] = await decode('tess_phototestrot.tif')
    expect(page).toMatchObject({ width: 480, height: 640, channels: 1, dpi: 200 })
    expectWellFormed(page!)
  })

  it('decodes CCITT G4 TIFF pages', async () => {
    const [page] = await decode('unlv_8087_054.3B.tif')
    expect(page).toMatchObject({ width: 2560, height: 3300, channels: 1, dpi: 300 })
    expectWellFormed(page!)
  })

  it('decodes a palette PNG to gray and keeps its declared 300 dpi', async () => {
    const [page] = await decode('tess_devatest.png')
    expect(page).toMatchObject({ width: 1024, height: 486, channels: 1, dpi: 300 })
    expectWellFormed(page!)
  })

  it('treats a declared 96 dpi as unstated and assumes 300', async () => {
    const [page] = await decode('tess_hebrew.png')
    expect(page).toMatchObject({ width: 564, height: 243, dpi: 300 })
    expectWellFormed(page!)
  })

  it('decodes a colour JPEG receipt to RGBA', async () => {
    const [page] = await decode('sroie_005.jpg')
    expect(page!.channels === 4 || page!.channels === 1).toBe(true)
    expectWellFormed(page!)
  })
})

describe('decodeImage, the rest of the corpus images', () => {
  it.each([
    'tess_eurotext.tif',
    'unlv_8071_093.3B.tif',
    'tess_devatest-rotated-270.png',
    'ocrmypdf_typewriter.png',
    'tjs_bill.png',
    'sroie_100.jpg',
  ])('%s', async (name) => {
    const pages = await decode(name)
    expect(pages).toHaveLength(1)
    expectWellFormed(pages[0]!)
  })
})
