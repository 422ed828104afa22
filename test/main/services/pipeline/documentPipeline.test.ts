import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocumentPipeline, TextCache } from '../../../../src/main/services/pipeline'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DeskError } from '../../../../src/shared/contract'
import { characterErrorRate } from '../../../../src/shared/text-metrics'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'
import { encryptedPdf } from '../pdf/encryptedPdf'
import { pdfWithDamagedPage } from '../pdf/damagedPagePdf'
import { buildTiff, pngHeader } from '../imaging/tiffBuilder'

const tempDir = useTempDirs()
let pipeline: DocumentPipeline

beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 2 })
})
afterAll(() => pipeline.close())

async function extractFile(path: string, extra: Partial<Parameters<DocumentPipeline['extract']>[0]> = {}) {
  const { sha256, mediaType } = await identifyFile(path, 512 * 1024 * 1024)
  return pipeline.extract({ path, file: path, sha256, mediaType, ...extra })
}

async function failureOf(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  return error as DeskError
}

describe('document pipeline', () => {
  it('reads a text-layer PDF from its text layer, page by page, with word boxes on the page', async () => {
    const file = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
    const progress: number[] = []
    const text = await extractFile(file, { onProgress: (p) => progress.push(p.pagesDone) })
    expect(text.pages).toHaveLength(8)
    expect(text.pages.every((p) => p.source === 'text-layer')).toBe(true)
    expect(text.pages[0]?.text).toContain('GEM/2025/B/6572913')
    for (const page of text.pages) {
      for (const w of page.words) {
        expect(w.bbox[0]).toBeGreaterThanOrEqual(0)
        expect(w.bbox[2]).toBeLessThanOrEqual(page.width)
        expect(w.bbox[3]).toBeLessThanOrEqual(page.height)
      }
    }
    expect(progress.at(-1)).toBe(8)
  })

  it('gives the same page text without words when only the text is wanted, and whole pages when it caches', async () => {
    const file = corpusFile('tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf')
    const whole = await extractFile(file)
    const textOnly = await extractFile(file, { words: false })
    expect(textOnly.pages.map((p) => [p.page, p.source, p.text])).toEqual(
      whole.pages.map((p) => [p.page, p.source, p.text]),
    )
    const fromLayers = textOnly.pages.filter((p) => p.source === 'text-layer')
    expect(fromLayers.length).toBeGreaterThan(55)
    expect(fromLayers.every((p) => p.words.length === 0 && p.lines.length === 0)).toBe(true)
    // A cache keeps whole pages, so a reading that fills it brings the words back whatever was asked.
    const cache = new TextCache(tempDir())
    const cached = await extractFile(file, { words: false, cache })
    expect(cached.pages.reduce((n, p) => n + p.words.length, 0)).toBe(
      whole.pages.reduce((n, p) => n + p.words.length, 0),
    )
  })

  it('reads a long PDF in slices and returns every page once, in order', async () => {
    const text = await extractFile(corpusFile('tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf'))
    expect(text.pages.map((p) => p.page)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1))
    expect(text.pages.filter((p) => p.source === 'text-layer').length).toBeGreaterThan(55)
  })

  it('OCRs a page whose text layer is garbage (Balchem COA) and reads the batch number', async () => {
    const text = await extractFile(corpusFile('coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf'))
    const first = text.pages[0]
    expect(first?.source).toBe('ocr')
    expect(first?.notes.join(' ')).toMatch(/OCR because/)
    expect(first?.text).toContain('BN19000000015')
    expect(first?.words.length).toBeGreaterThan(50)
    expect(first?.confidence).toBeGreaterThan(70)
  })

  it('turns a rotated scan upright and keeps its boxes on the original page', async () => {
    const text = await extractFile(corpusFile('tess_phototestrot.tif'))
    const page = text.pages[0]
    expect(page).toMatchObject({ source: 'ocr', rotation: 90 })
    const truth = readFileSync(corpusFile('tess_phototest.gt.txt'), 'utf8')
    expect(characterErrorRate(page?.text ?? '', truth).cer).toBeLessThan(0.03)
    // The file is 480 wide and 640 tall; boxes of the upright text must lie on that portrait page.
    expect(page).toMatchObject({ width: 480, height: 640 })
    expect(page?.words.every((w) => w.bbox[2] <= 480 && w.bbox[3] <= 640)).toBe(true)
  })

  it('honours text-only and reuses cached text for the same content', async () => {
    const cache = new TextCache(tempDir())
    const file = corpusFile('tess_phototest.tif')
    const textOnly = await extractFile(file, { mode: 'text-only', cache })
    expect(textOnly.pages[0]).toMatchObject({ source: 'text-layer', text: '' })
    const before = pipeline.stats().completed
    const again = await extractFile(file, { mode: 'text-only', cache })
    expect(again).toEqual(textOnly)
    expect(pipeline.stats().completed).toBe(before) // served from the cache, no worker touched
  })

  it('gives each bad file a clear error naming it, while the rest of the batch finishes', async () => {
    const dir = tempDir()
    const write = (name: string, bytes: Uint8Array | string) => {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      return path
    }
    const gem = readFileSync(corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf'))
    const huge = pngHeader(30000, 30000)
    const bad = {
      zero: write('zero.pdf', ''),
      random: write('random.pdf', createHash('sha512').update('noise').digest()),
      truncated: write('truncated.pdf', gem.subarray(0, Math.floor(gem.length / 2))),
      encrypted: write('locked.pdf', encryptedPdf('secret')),
      huge: write('huge.png', huge),
      // Chunks and checksums sound, the compressed pixels not: found where the page is decoded.
      brokenStream: write('broken-stream.png', pngWithBrokenStream()),
      tiff: write(
        'odd.tif',
        buildTiff([{ width: 8, height: 8, strip: new Uint8Array(64), compression: 34712 }]),
      ),
    }
    const good = corpusFile('tess_phototest.tif')
    const results = await Promise.allSettled([...Object.values(bad), good].map((f) => extractFile(f)))
    const codes = results
      .slice(0, -1)
      .map((r) => (r.status === 'rejected' ? (r.reason as DeskError).code : 'ok'))
    expect(codes).toEqual([
      'CORRUPT_FILE',
      'UNSUPPORTED_FILE',
      'CORRUPT_FILE',
      'ENCRYPTED',
      'FILE_TOO_LARGE',
      'CORRUPT_FILE',
      'UNSUPPORTED_FILE',
    ])
    results.slice(0, -1).forEach((r, i) => {
      expect((r as PromiseRejectedResult).reason.message).toContain(Object.values(bad)[i])
    })
    const last = results.at(-1)
    expect(last?.status).toBe('fulfilled')
  })

  it('keeps the readable pages of a PDF with one damaged page and fails that page alone, naming it', async () => {
    const lines = (n: number) =>
      Array.from(
        { length: 12 },
        (_, i) => `Page ${n} line ${i + 1}: supply of rockwool insulation slabs, EMD 25000`,
      )
    const path = join(tempDir(), 'one-bad-page.pdf')
    writeFileSync(path, pdfWithDamagedPage([lines(1), null, lines(3)]))
    for (const mode of ['auto', 'text-only'] as const) {
      const text = await extractFile(path, { mode })
      expect(text.pages.map((p) => p.page)).toEqual([1, 2, 3])
      const [first, damaged, third] = text.pages
      expect(first).toMatchObject({ source: 'text-layer' })
      expect(first?.text).toContain('Page 1 line 12')
      expect(third?.text).toContain('Page 3 line 1:')
      expect(first?.error).toBeUndefined()
      expect(damaged?.error?.code).toBe('CORRUPT_FILE')
      expect(damaged?.error?.message).toContain(`${path}: page 2 cannot be read`)
    }
  })

  it('OCRs the pages of a PDF whose page tree pdf.js cannot count, drawn by PDFium', async () => {
    const lines = (n: number) => Array.from({ length: 6 }, (_, i) => `Page ${n} line ${i + 1}: EMD 25000`)
    const path = join(tempDir(), 'count-zero.pdf')
    // /Count 0 over two listed pages: pdf.js finds no pages in the file, PDFium finds both.
    writeFileSync(path, pdfWithDamagedPage([lines(1), lines(2)], 0))
    const text = await extractFile(path, { mode: 'force-ocr' })
    expect(text.pages.map((p) => [p.page, p.source, p.error])).toEqual([
      [1, 'ocr', undefined],
      [2, 'ocr', undefined],
    ])
    expect(text.pages[0]?.text).toContain('Page 1 line 6')
    expect(text.pages[1]?.text).toContain('Page 2 line 1')
  })

  it('fails a page that makes OCR time out on its own, and keeps serving', async () => {
    const impatient = new DocumentPipeline({
      workerScript: builtDocumentWorker(),
      workers: 1,
      pageTimeoutMs: 50,
    })
    try {
      const file = corpusFile('tess_phototest.tif')
      const { sha256, mediaType } = await identifyFile(file, 1e9)
      const text = await impatient.extract({ path: file, file, sha256, mediaType })
      expect(text.pages[0]?.error).toMatchObject({ code: 'TIMEOUT' })
      const gem = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
      const next = await impatient.extract({ path: gem, file: gem, ...(await identifyFile(gem, 1e9)) })
      expect(next.pages).toHaveLength(8)
    } finally {
      await impatient.close()
    }
  })
})

describe('failing input outside the pipeline', () => {
  it('an empty file is refused before any worker sees it', async () => {
    const path = join(tempDir(), 'empty.pdf')
    writeFileSync(path, '')
    const error = await failureOf(identifyFile(path, 1e9))
    expect(error.code).toBe('CORRUPT_FILE')
    expect(error.message).toBe(`${path}: the file is empty`)
  })
})

/** An 8×8 gray PNG whose chunks and checksums are sound but whose IDAT is not a zlib stream. */
function pngWithBrokenStream(): Uint8Array {
  const chunk = (type: string, data: number[]) => {
    const body = Buffer.from([...Buffer.from(type, 'latin1'), ...data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', [0, 0, 0, 8, 0, 0, 0, 8, 8, 0, 0, 0, 0]),
    chunk('IDAT', [0x78, 0x9c, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa]),
    chunk('IEND', []),
  ])
}
