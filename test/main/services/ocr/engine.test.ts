import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createOcrEngine,
  packagedLanguageFolder,
  parseTsv,
  recognizePage,
  type OcrEngine,
} from '../../../../src/main/services/ocr'
import { enableRelaxedSimd } from '../../../../src/main/services/ocr/tesseract'
import { pageTextSchema } from '../../../../src/shared/document-text/schema'
import { useTempDirs } from '../../../support/tempDir'
import { corpusGray, turnClockwise } from '../vision/pages'

describe('tesseract TSV parsing', () => {
  it('groups words into lines and blocks with boxes and confidences', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t640\t480\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t30\t10\t90\tHello',
      '5\t1\t1\t1\t1\t2\t50\t22\t40\t10\t80\tworld',
      '5\t1\t1\t1\t2\t1\t10\t40\t20\t10\t70\tagain',
      '5\t1\t2\t1\t1\t1\t300\t40\t20\t10\t60\tright',
      '5\t1\t2\t1\t1\t2\t330\t40\t20\t10\t60\t ',
    ].join('\n')
    const { words, lines, blocks } = parseTsv(tsv)
    expect(words.map((w) => w.text)).toEqual(['Hello', 'world', 'again', 'right'])
    expect(words[1]!.bbox).toEqual([50, 22, 90, 32])
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'again', 'right'])
    expect(lines[0]!.bbox).toEqual([10, 20, 90, 32])
    expect(lines[0]!.confidence).toBe(85)
    expect(blocks.map((b) => b.lineIndexes)).toEqual([[0, 1], [2]])
    expect(blocks[0]!.bbox).toEqual([10, 20, 90, 50])
  })
})

describe('OCR engine', () => {
  const tempDir = useTempDirs()
  let engine: OcrEngine
  let cwdFiles: string[]

  beforeAll(async () => {
    cwdFiles = ['eng.traineddata', 'hin.traineddata'].filter((f) => existsSync(f))
    engine = await createOcrEngine({ langs: 'eng' })
  }, 60_000)
  afterAll(() => engine.terminate())

  it('runs on the relaxed-SIMD core, the faster of tesseract.js cores, under the Node that runs the desk', () => {
    // The engine above has started, so the flag is already set; asking again must still say yes.
    expect(enableRelaxedSimd()).toBe(true)
  })

  it('loads language data from the npm packages', () => {
    expect(existsSync(join(packagedLanguageFolder('eng'), 'eng.traineddata.gz'))).toBe(true)
    expect(existsSync(join(packagedLanguageFolder('hin'), 'hin.traineddata.gz'))).toBe(true)
  })

  it('reads words with boxes inside the image', async () => {
    const image = await corpusGray('tess_phototest.tif')
    const r = await engine.recognize(image, { psm: 'auto' })
    expect(r.text).toContain('The quick brown dog jumped over the')
    expect(r.confidence).toBeGreaterThan(80)
    expect(r.words.length).toBeGreaterThan(50)
    for (const w of r.words) {
      expect(w.bbox[0]).toBeGreaterThanOrEqual(0)
      expect(w.bbox[2]).toBeLessThanOrEqual(image.width)
      expect(w.bbox[3]).toBeLessThanOrEqual(image.height)
      expect(w.bbox[2]).toBeGreaterThan(w.bbox[0])
    }
    const sparse = await engine.recognize(image, { psm: 'sparse' })
    expect(sparse.psm).toBe('sparse')
    expect(sparse.text).toContain('quick')
  }, 60_000)

  it('returns a valid page whose boxes sit on the original, sideways page', async () => {
    const upright = await corpusGray('tess_phototest.tif')
    const page = turnClockwise(upright, 1)
    const result = await recognizePage(engine, page, { page: 3 })
    expect(pageTextSchema.parse(result)).toBeTruthy()
    expect(result.page).toBe(3)
    expect(result.rotation).toBe(270)
    expect(result.applied).toContain('rotate-270')
    expect(result.notes).toContain('psm=auto')
    expect(result.width).toBe(page.width)
    // Words run top to bottom on the sideways page, so their page boxes are tall and narrow.
    const long = result.words.filter((w) => w.text.length >= 5)
    expect(long.length).toBeGreaterThan(10)
    for (const w of long) expect(w.bbox[3] - w.bbox[1]).toBeGreaterThan(w.bbox[2] - w.bbox[0])
    for (const l of result.lines) for (const i of l.wordIndexes) expect(result.words[i]).toBeDefined()
  }, 60_000)

  it('serialises concurrent calls and refuses work after terminate', async () => {
    const image = await corpusGray('tess_phototest.tif')
    const other = await createOcrEngine({ langs: 'eng' })
    const [a, b] = await Promise.all([
      other.recognize(image),
      other.recognize(image, { psm: 'single-block' }),
    ])
    expect(a.text).toContain('quick')
    expect(b.text).toContain('quick')
    await other.terminate()
    await expect(other.recognize(image)).rejects.toThrow(/terminated/)
  }, 60_000)

  it('reads bilingual pages with the optional Hindi pack, without writing model files', async () => {
    const cachePath = tempDir()
    const bilingual = await createOcrEngine({ langs: 'eng+hin', cachePath })
    try {
      const page = await corpusGray('tess_devatest-rotated-270.png')
      const result = await recognizePage(bilingual, page)
      console.log(
        `devatest-rotated-270: rotation ${result.rotation}, conf ${result.confidence.toFixed(1)}, ` +
          `notes ${result.notes.join('; ')}\n${result.text.slice(0, 120)}`,
      )
      expect(result.rotation).toBe(90)
      expect(result.text).toMatch(/[\u0900-\u097F]{3}/)
    } finally {
      await bilingual.terminate()
    }
    expect(['eng.traineddata', 'hin.traineddata'].filter((f) => existsSync(f))).toEqual(cwdFiles)
  }, 120_000)
})
