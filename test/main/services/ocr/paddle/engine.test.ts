import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RasterImage } from '../../../../../src/main/services/imaging'
import { createOcrEngine, recognizePage, type OcrEngine } from '../../../../../src/main/services/ocr'
import type { PageText } from '../../../../../src/shared/document-text/schema'
import { characterErrorRate } from '../../../../../src/shared/text-metrics'
import { corpusFile } from '../../../../support/corpus'
import { corpusPages } from '../corpusPages'

/**
 * The second OCR engine (PaddleOCR PP-OCRv4 on onnxruntime-node) on real corpus scans: CER against
 * the corpus truth under stated bounds, and word boxes and confidences the viewer, the COA table
 * reader and the review queue can use. Measured when written: linn page 1 CER 0.022 (tesseract
 * best_int 0.010), phototest 0.042 (the model runs some words together: "Thisisalotof12point…").
 */
const truth = (name: string) => readFileSync(corpusFile(name), 'utf8')
const CASES = [
  { file: 'ocrmypdf_linn.pdf', gt: 'ocrmypdf_linn.gt.txt', maxCer: 0.05 },
  { file: 'tess_phototest.tif', gt: 'tess_phototest.gt.txt', maxCer: 0.08 },
]

let engine: OcrEngine
const read = new Map<string, { image: RasterImage; page: PageText }>()

beforeAll(async () => {
  engine = await createOcrEngine({ langs: 'eng', engine: 'paddle' })
  for (const c of CASES) {
    const [image] = await corpusPages(c.file)
    read.set(c.file, { image: image!, page: await recognizePage(engine, image!, { clean: 'never' }) })
  }
}, 300_000)

afterAll(() => engine?.terminate())

describe('the paddle OCR engine', () => {
  it.each(CASES)('reads $file with CER under $maxCer', ({ file, gt, maxCer }) => {
    const { page } = read.get(file)!
    expect(characterErrorRate(page.text, truth(gt)).cer).toBeLessThan(maxCer)
    expect(page.notes).toContain('engine=paddleocr PP-OCRv4 (onnxruntime) eng')
  })

  it('gives every word a box inside the page and a confidence 0..100, lines and blocks in order', () => {
    const { image, page } = read.get('ocrmypdf_linn.pdf')!
    expect(page.words.length).toBeGreaterThan(300)
    for (const w of page.words) {
      const [x0, y0, x1, y1] = w.bbox
      expect(x0).toBeGreaterThanOrEqual(0)
      expect(y0).toBeGreaterThanOrEqual(0)
      expect(x1).toBeLessThanOrEqual(image.width)
      expect(y1).toBeLessThanOrEqual(image.height)
      expect(x1).toBeGreaterThan(x0)
      expect(y1).toBeGreaterThan(y0)
      expect(w.confidence).toBeGreaterThanOrEqual(0)
      expect(w.confidence).toBeLessThanOrEqual(100)
    }
    // Each word lies in its line's box, and a line's words run left to right.
    for (const line of page.lines) {
      const ws = line.wordIndexes.map((i) => page.words[i]!)
      expect(line.text).toBe(ws.map((w) => w.text).join(' '))
      for (const w of ws) {
        expect(w.bbox[0]).toBeGreaterThanOrEqual(line.bbox[0])
        expect(w.bbox[2]).toBeLessThanOrEqual(line.bbox[2])
      }
      for (let i = 1; i < ws.length; i++) expect(ws[i]!.bbox[0]).toBeGreaterThanOrEqual(ws[i - 1]!.bbox[0])
    }
    expect(page.blocks.flatMap((b) => b.lineIndexes)).toEqual(page.lines.map((_, i) => i))
    // A word's box is where the word is: "LinnSequencer" in the title sits in the top tenth.
    const title = page.words.find((w) => /^Linn/.test(w.text))!
    expect(title.bbox[3]).toBeLessThan(image.height / 10)
  })

  it('says clearly when the image is empty or its pixels are missing', async () => {
    const empty: RasterImage = { width: 0, height: 0, channels: 1, data: new Uint8Array(0), dpi: 300 }
    await expect(engine.recognize(empty)).rejects.toThrow(/paddle OCR: empty image \(0×0 pixels\)/)
    const corrupt: RasterImage = { width: 100, height: 50, channels: 3, data: new Uint8Array(10), dpi: 300 }
    await expect(engine.recognize(corrupt)).rejects.toThrow(
      /paddle OCR: corrupt image \(10 bytes for 100×50×3/,
    )
  })

  it('reads a blank page as no text, without an error', async () => {
    const blank: RasterImage = {
      width: 640,
      height: 480,
      channels: 1,
      data: new Uint8Array(640 * 480).fill(255),
      dpi: 300,
    }
    const result = await engine.recognize(blank)
    expect(result.text).toBe('')
    expect(result.words).toEqual([])
  })

  it('refuses Hindi, which the models cannot read', async () => {
    await expect(createOcrEngine({ langs: 'eng+hin', engine: 'paddle' })).rejects.toThrow(/English .* only/)
  })
})
