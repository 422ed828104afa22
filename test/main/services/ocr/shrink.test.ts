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
