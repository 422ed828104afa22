import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine, recognizePage, type OcrEngine } from '../../../../src/main/services/ocr'
import type { GrayImage } from '../../../../src/main/services/vision'
import { characterErrorRate } from '../../../../src/shared/text-metrics'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'
import { corpusGray } from '../vision/pages'

/** Each pixel as a 3×3 block: the same page as if scanned at three times the resolution. */
function tripled(page: GrayImage): GrayImage {
  const width = page.width * 3
  const height = page.height * 3
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data[y * width + x] = page.data[Math.floor(y / 3) * page.width + Math.floor(x / 3)]!
  return { width, height, channels: 1, data, dpi: page.dpi * 3 }
}

/** Each 2×2 block as one pixel (their mean): the same page as if scanned at half the resolution. */
function halved(page: GrayImage): GrayImage {
  const width = Math.floor(page.width / 2)
  const height = Math.floor(page.height / 2)
  const data = new Uint8Array(width * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = 2 * y * page.width + 2 * x
      const sum =
        page.data[at]! + page.data[at + 1]! + page.data[at + page.width]! + page.data[at + page.width + 1]!
      data[y * width + x] = Math.round(sum / 4)
    }
  return { width, height, channels: 1, data, dpi: page.dpi / 2 }
}

const tempDir = useTempDirs()
let engine: OcrEngine

beforeAll(async () => {
  engine = await createOcrEngine({ langs: 'eng', cachePath: tempDir() })
}, 60_000)
afterAll(() => engine.terminate())

describe('large print is read scaled down', () => {
  it('reads the phototest page scanned at 600 dpi as well as at 200, with boxes on the page as scanned', async () => {
    const page = await corpusGray('tess_phototest.tif')
    const big = tripled(page)
    const [small, large] = [await recognizePage(engine, page), await recognizePage(engine, big)]
    expect(small.applied).not.toContain('shrink')
    expect(large.applied).toContain('shrink')
    expect(large.notes.join(' ')).toMatch(/shrink: glyphs [\d.]+px tall, read at \d+ dpi/)
    const truth = readFileSync(corpusFile('tess_phototest.gt.txt'), 'utf8')
    expect(characterErrorRate(large.text, truth).cer).toBeLessThanOrEqual(0.03)
    // Boxes are in the 600-dpi page's pixels: each word sits at three times where the 200-dpi reading put it.
    expect([large.width, large.height]).toEqual([big.width, big.height])
    for (const word of ['quick', 'brown', 'lazy']) {
      const a = small.words.find((w) => w.text === word)!.bbox
      const b = large.words.find((w) => w.text === word)!.bbox
      b.forEach((v, i) => expect(Math.abs(v - 3 * a[i]!)).toBeLessThanOrEqual(9))
    }
  }, 120_000)
})

describe('small print is read enlarged', () => {
  it('reads the phototest page scanned at 100 dpi better enlarged than as it is, with boxes on the page as scanned', async () => {
    const page = halved(await corpusGray('tess_phototest.tif'))
    const truth = readFileSync(corpusFile('tess_phototest.gt.txt'), 'utf8')
    const asIs = await recognizePage(engine, page, { preprocess: { glyphMinPx: 0 } })
    const enlarged = await recognizePage(engine, page)
    expect(asIs.applied).not.toContain('enlarge')
    expect(enlarged.applied).toContain('enlarge')
    expect(enlarged.notes.join(' ')).toMatch(/enlarge: glyphs [\d.]+px tall, read at \d+ dpi \(×2\.00\)/)
    const [before, after] = [asIs, enlarged].map((r) => characterErrorRate(r.text, truth).cer)
    expect(after).toBeLessThan(before!)
    expect(after).toBeLessThanOrEqual(0.03)
    expect([enlarged.width, enlarged.height]).toEqual([page.width, page.height])
    const quick = enlarged.words.find((w) => w.text === 'quick')!.bbox
    expect(quick[2]).toBeLessThanOrEqual(page.width)
    expect(quick[3]).toBeLessThanOrEqual(page.height)
  }, 120_000)
})
