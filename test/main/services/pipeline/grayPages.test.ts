import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskSettingsSchema, pipelineOptionsFrom } from '../../../../src/main/services/config/settings'
import { decodeImage } from '../../../../src/main/services/imaging'
import { rasterisePage, withPdf } from '../../../../src/main/services/pdf'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { handleDocumentTask } from '../../../../src/main/services/pipeline/documentTasks'
import type { GrayPagesResult } from '../../../../src/main/services/pipeline/tasks'
import { toGray, type GrayImage } from '../../../../src/main/services/vision'
import type { TaskReply } from '../../../../src/main/services/worker-pool'
import { DeskError } from '../../../../src/shared/contract'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'
import { pngHeader } from '../imaging/tiffBuilder'

const tempDir = useTempDirs()
const COA = corpusFile('coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf')
const GEM = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
const PDF = 'application/pdf'

let pipeline: DocumentPipeline

beforeAll(() => {
  // The desk's own settings with nothing set: the intake limit of 50 MP.
  const settings = deskSettingsSchema.parse({})
  pipeline = new DocumentPipeline(pipelineOptionsFrom(settings, builtDocumentWorker(), 2))
})
afterAll(() => pipeline.close())

async function failureOf(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  return error as DeskError
}

/** What the COA vision checks got when they rasterised on the main thread. */
async function rasterisedHere(path: string, pages: number[], dpi = 100): Promise<Map<number, GrayImage>> {
  const out = new Map<number, GrayImage>()
  await withPdf(new Uint8Array(readFileSync(path)), path, async (pdf) => {
    for (const n of pages) {
      if (n <= pdf.numPages) out.set(n, toGray(await rasterisePage(await pdf.doc.getPage(n), dpi)))
    }
  })
  return out
}

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return path
}

describe('gray pages for the COA vision checks', () => {
  it('rasterises a COA PDF page in a worker at 100 dpi, pixel for pixel as rasterising directly', async () => {
    const images = await pipeline.grayPages({ path: COA, file: COA, mediaType: PDF, pages: [1, 2] })
    // One US Letter page (612 × 792 pt); the page past the end is left out, as before.
    expect([...images.keys()]).toEqual([1])
    const image = images.get(1)!
    expect(image).toMatchObject({ width: 850, height: 1100, channels: 1, dpi: 100 })
    // The page arrives in a buffer of its own (moved from the worker), not a view into a bigger one.
    expect(image.data.byteLength).toBe(850 * 1100)
    expect(image.data.buffer.byteLength).toBe(850 * 1100)
    const direct = await rasterisedHere(COA, [1])
    expect(Buffer.from(image.data).equals(Buffer.from(direct.get(1)!.data))).toBe(true)
  })

  it('rasterises several pages of a PDF in one go, each as rasterising directly, at any dpi', async () => {
    const pages = [2, 5, 8]
    const images = await pipeline.grayPages({ path: GEM, file: GEM, mediaType: PDF, pages, dpi: 50 })
    expect([...images.keys()]).toEqual(pages)
    const direct = await rasterisedHere(GEM, pages, 50)
    for (const n of pages) {
      // A4 (595 × 842 pt) at 50 dpi, rounded up.
      expect(images.get(n)).toMatchObject({ width: 414, height: 585, channels: 1, dpi: 50 })
      expect(Buffer.from(images.get(n)!.data).equals(Buffer.from(direct.get(n)!.data))).toBe(true)
    }
  })

  it('decodes an image page at its own resolution, as decoding it directly', async () => {
    const file = corpusFile('tess_phototestrot.tif') // RGBA, 480 × 640, 200 dpi
    const images = await pipeline.grayPages({ path: file, file, mediaType: 'image/tiff', pages: [1, 2] })
    expect([...images.keys()]).toEqual([1])
    const [frame] = await decodeImage(new Uint8Array(readFileSync(file)), { file, maxPixels: 50_000_000 })
    const direct = toGray(frame!)
    expect(images.get(1)).toMatchObject({ width: 480, height: 640, channels: 1, dpi: direct.dpi })
    expect(Buffer.from(images.get(1)!.data).equals(Buffer.from(direct.data))).toBe(true)
  })

  it('refuses an image over the configured megapixel limit, naming the file', async () => {
    const huge = write('huge.png', pngHeader(10_000, 6_000)) // 60 MP: over the desk's 50 MP
    const error = await failureOf(
      pipeline.grayPages({ path: huge, file: huge, mediaType: 'image/png', pages: [1] }),
    )
    expect(error.code).toBe('FILE_TOO_LARGE')
    expect(error.message).toContain(huge)
    expect(error.message).toContain('50.0 MP limit')

    // The limit is the one from settings, not a fixed one: a 0.8 MP page under a 0.5 MP limit.
    const settings = deskSettingsSchema.parse({ limits: { maxMegapixels: 0.5 } })
    const strict = new DocumentPipeline(pipelineOptionsFrom(settings, builtDocumentWorker(), 1))
    try {
      const file = corpusFile('tess_eurotext.tif') // 1024 × 800
      const refused = await failureOf(
        strict.grayPages({ path: file, file, mediaType: 'image/tiff', pages: [1] }),
      )
      expect(refused.code).toBe('FILE_TOO_LARGE')
      expect(refused.message).toContain(file)
      const fine = await pipeline.grayPages({ path: file, file, mediaType: 'image/tiff', pages: [1] })
      expect(fine.get(1)).toMatchObject({ width: 1024, height: 800 })
    } finally {
      await strict.close()
    }
  })

  it('gives a corrupt or missing file an error naming it, and keeps serving', async () => {
    const coa = readFileSync(COA)
    // pdf.js recovers a COA cut anywhere after its first tenth, so cut it before.
    const truncated = write('truncated.pdf', coa.subarray(0, Math.floor(coa.length / 10)))
    const noise = write('noise.pdf', createHash('sha512').update('noise').digest())
    const badPng = write('bad.png', pngHeader(100, 100))
    const missing = join(tempDir(), 'gone.pdf')
    const before = pipeline.stats().crashed
    const results = await Promise.allSettled(
      [truncated, noise, badPng, missing].map((path) =>
        pipeline.grayPages({
          path,
          file: path,
          mediaType: path.endsWith('.png') ? 'image/png' : PDF,
          pages: [1],
        }),
      ),
    )
    const errors = results.map((r) => {
      expect(r.status, JSON.stringify(r)).toBe('rejected')
      return (r as PromiseRejectedResult).reason as DeskError
    })
    expect(errors.map((e) => e.code)).toEqual(['CORRUPT_FILE', 'CORRUPT_FILE', 'CORRUPT_FILE', 'IO_ERROR'])
    errors.forEach((e, i) => {
      expect(e).toBeInstanceOf(DeskError)
      expect(e.message).toContain([truncated, noise, badPng, missing][i])
    })
    expect(pipeline.stats().crashed).toBe(before)

    const after = await pipeline.grayPages({ path: COA, file: COA, mediaType: PDF, pages: [1] })
    expect(after.get(1)).toMatchObject({ width: 850, height: 1100 })
  })

  it('is cancelled by its signal, naming the file', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failureOf(
      pipeline.grayPages({ path: COA, file: COA, mediaType: PDF, pages: [1], signal: controller.signal }),
    )
    expect(error).toMatchObject({ code: 'CANCELLED', message: `${COA}: cancelled` })
  })
})

describe('the gray-pages task in the worker', () => {
  it('hands every page buffer to the transfer list, once each', async () => {
    const reply = (await handleDocumentTask({
      op: 'gray-pages',
      path: GEM,
      file: GEM,
      mediaType: PDF,
      pages: [1, 2],
      dpi: 100,
      maxPixels: 50_000_000,
    })) as TaskReply<GrayPagesResult>
    const buffers = reply.value.pages.map((p) => p.data.buffer)
    expect(buffers).toHaveLength(2)
    expect(reply.transfer).toHaveLength(2)
    buffers.forEach((buffer, i) => expect(reply.transfer?.[i]).toBe(buffer))
    expect(buffers[0]).not.toBe(buffers[1])
    for (const page of reply.value.pages) expect(page.data.byteLength).toBe(page.data.buffer.byteLength)
  })

  it('refuses a malformed task', async () => {
    const error = await failureOf(
      handleDocumentTask({ op: 'gray-pages', path: COA, file: COA, mediaType: PDF, pages: [0], dpi: 100 }),
    )
    expect(error.code).toBe('INVALID_INPUT')
  })
})
