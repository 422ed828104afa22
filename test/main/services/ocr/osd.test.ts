import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MAX_PIXELS, decodeImage, type RasterImage } from '../../../../src/main/services/imaging'
import {
  createOcrEngine,
  createOsdDetector,
  recognizePage,
  type OcrEngine,
  type OsdDetector,
} from '../../../../src/main/services/ocr'
import { analysePage, toGray, type GrayImage, type Rotation } from '../../../../src/main/services/vision'
import { DEVELOPMENT, generateBids } from '../../../support/documents/bids'
import { scanPdfPage } from '../../../support/documents/scan'
import { quarterTurn, renderAffine } from '../../../../src/main/services/vision/transform'
import { corpusPages } from './corpusPages'

/** The page turned clockwise by `deg`, as a scanner would have fed it. */
function turned(page: GrayImage, deg: Rotation): GrayImage {
  const [map, width, height] = quarterTurn(deg, page.width, page.height)
  return renderAffine(page, map, deg, width, height, false)
}

/** The head of a scanned railway summary: a few short lines, too few for the heuristic to be sure. */
async function headerStrip(): Promise<GrayImage> {
  const layout = DEVELOPMENT.find((l) => l.name === 'railway-summary')!
  const [bid] = await generateBids(layout, 1, 77)
  const png = await scanPdfPage(bid!.pdf, 0, { dpi: 200, skewDeg: 1, blurPx: 0.4, speckle: 0.002, seed: 3 })
  const [page] = await decodeImage(new Uint8Array(png), { file: 'strip.png', maxPixels: DEFAULT_MAX_PIXELS })
  const gray = toGray(page as RasterImage)
  const height = Math.round(gray.height * 0.15)
  return { ...gray, height, data: gray.data.slice(0, gray.width * height) }
}

let osd: OsdDetector
let engine: OcrEngine
beforeAll(async () => {
  ;[osd, engine] = await Promise.all([createOsdDetector(), createOcrEngine({ langs: 'eng' })])
}, 60_000)
afterAll(async () => {
  await osd?.close()
  await engine?.terminate()
})

describe('orientation by tesseract OSD', () => {
  it('names the turn that makes a page upright, offline, with the legacy core', async () => {
    const [page] = await corpusPages('tess_phototest.tif')
    for (const deg of [0, 90, 180, 270] as const) {
      const guess = await osd.detect(turned(toGray(page!), deg))
      expect(guess?.rotation, `turned ${deg}`).toBe((360 - deg) % 360)
    }
  }, 60_000)

  it('turns a page the heuristic is unsure of, and says so; without OSD it is read upside down', async () => {
    const strip = turned(await headerStrip(), 180)
    expect(analysePage(strip).orientationConfidence).toBeLessThan(0.5)
    const asked: number[] = []
    const page = await recognizePage(engine, strip, {
      clean: 'never',
      orientation: async (image) => {
        asked.push(image.width)
        return osd.detect(image)
      },
    })
    expect(asked).toHaveLength(1)
    expect(page.rotation).toBe(180)
    expect(page.notes.join('\n')).toMatch(/orientation by osd=180/)
    expect(page.text).toMatch(/Tender/i)
    const scanned = await recognizePage(engine, strip, { clean: 'never' })
    expect(scanned.rotation).toBe(0)
    expect(scanned.notes.join('\n')).not.toMatch(/osd/)
    // Upside down, tesseract reads no word of it (it turns sideways text itself, not this).
    expect(scanned.text).not.toMatch(/Tender/i)
  }, 120_000)
})
