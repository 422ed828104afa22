import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { characterErrorRate } from '../../../../src/shared/text-metrics'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'

/** settings.ocr.engine = paddle: the document worker thread reads the page with PaddleOCR. */
let pipeline: DocumentPipeline

beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 1, ocrEngine: 'paddle' })
})
afterAll(() => pipeline.close())

it('reads a scan in a document worker with the paddle engine, words boxed on the page', async () => {
  const path = corpusFile('tess_phototest.tif')
  const { sha256, mediaType } = await identifyFile(path, 64 * 1024 * 1024)
  const text = await pipeline.extract({ path, file: path, sha256, mediaType })
  const page = text.pages[0]!
  expect(page.source).toBe('ocr')
  expect(page.notes.join('\n')).toMatch(/engine=paddleocr PP-OCRv4 \(onnxruntime\) eng/)
  const truth = readFileSync(corpusFile('tess_phototest.gt.txt'), 'utf8')
  expect(characterErrorRate(page.text, truth).cer).toBeLessThan(0.08)
  expect(page.words.length).toBeGreaterThan(40)
  for (const w of page.words) {
    expect(w.bbox[2]).toBeLessThanOrEqual(page.width)
    expect(w.bbox[3]).toBeLessThanOrEqual(page.height)
    expect(w.confidence).toBeGreaterThanOrEqual(0)
    expect(w.confidence).toBeLessThanOrEqual(100)
  }
  // Its readings are cached apart from tesseract's.
  expect(pipeline.cacheKey('eng')).toBe('eng.paddle')
}, 120_000)

it('reads with paddle for a tenant that chose it, on a desk whose default is tesseract', async () => {
  const desk = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 1 })
  try {
    const path = corpusFile('tess_phototest.tif')
    const { sha256, mediaType } = await identifyFile(path, 64 * 1024 * 1024)
    const text = await desk.extract({ path, file: path, sha256, mediaType, engine: 'paddle' })
    expect(text.pages[0]!.notes.join('\n')).toMatch(/engine=paddleocr/)
    expect(desk.defaultEngine).toBe('tesseract')
    expect(desk.cacheKey('eng', 'best', true, 'paddle')).toBe('eng.paddle')
    expect(desk.cacheKey('eng', 'best', true)).toBe('eng')
  } finally {
    await desk.close()
  }
}, 120_000)
