import { readFileSync } from 'node:fs'
import { DeskError, formatZodIssues } from '../../../shared/contract'
import { groupLines, type DocumentText, type PageText } from '../../../shared/document-text'
import { parseProfile, Screener } from '../../../shared/tenders/screening'
import { countImagePages, decodeImage, type RasterImage } from '../imaging'
import {
  createOcrEngine,
  createOsdDetector,
  readCells,
  recognizePage,
  type OcrEngine,
  type OsdDetector,
} from '../ocr'
import { mergeReadings, OTHER_SCRIPT_SHARE, unsureLatinShare } from '../ocr/script'
import {
  assessTextLayer,
  drawPdfPage,
  isPdfjsFailure,
  pageError,
  rasterisePage,
  withPdf,
  withTextLayers,
  type TextLayer,
  type TextLayerReader,
  type TextLayerSource,
} from '../pdf'
import { screenPages } from '../../../shared/tenders/screenText'
import { toGray, type GrayImage } from '../vision'
import type { TaskReply } from '../worker-pool'
import { rereadKeyFigures } from './keyFigures'
import { packPages } from './packedPages'
import { encodeCrop, encodePagePicture } from './pagePicture'
import {
  documentTaskSchema,
  PIPELINE_VERSION,
  type GrayPagesResult,
  type GrayPagesTask,
  type LineImagesResult,
  type LineImagesTask,
  type OcrTask,
  type ReadCellsResult,
  type ReadCellsTask,
  type RenderResult,
  type RenderTask,
  type SurveyResult,
  type SurveyTask,
} from './tasks'
import { TextCache } from './textCache'

const isPdf = (mediaType: string) => mediaType === 'application/pdf'

async function readSource(path: string, file: string): Promise<Uint8Array> {
  try {
    // Synchronous on purpose: this thread has nothing else to do meanwhile, and the promise API's
    // separate open, stat, read and close steps cost more than reading a small bid.
    return readFileSync(path)
  } catch (error) {
    throw new DeskError('IO_ERROR', `${file}: cannot read (${(error as Error).message})`, { file })
  }
}

function emptyPage(
  page: number,
  size: { width: number; height: number; dpi: number },
  note: string,
): PageText {
  return {
    page,
    source: 'text-layer',
    rotation: 0,
    skewDeg: 0,
    ...size,
    confidence: 0,
    text: '',
    words: [],
    lines: [],
    blocks: [],
    applied: [],
    notes: [note],
  }
}

async function survey(task: SurveyTask): Promise<SurveyResult> {
  const bytes = await readSource(task.path, task.file)
  if (!isPdf(task.mediaType)) {
    const options = { file: task.file, maxPixels: task.maxPixels }
    // The OCR task decodes the page anyway; a survey that only needs the page count skips the decode.
    const count = task.mode === 'text-only' ? undefined : await countImagePages(bytes, options)
    if (count !== undefined) {
      const ocrPages = Array.from({ length: count }, (_, i) => ({ page: i + 1, reason: 'image' }))
      return { pageCount: count, textPages: [], ocrPages }
    }
    const frames = await decodeImage(bytes, options)
    const textPages =
      task.mode === 'text-only'
        ? frames.map((f, i) =>
            emptyPage(i + 1, f, 'an image has no text layer; OCR skipped (text-only mode)'),
          )
        : []
    const ocrPages = task.mode === 'text-only' ? [] : frames.map((_, i) => ({ page: i + 1, reason: 'image' }))
    return { pageCount: frames.length, textPages, ocrPages }
  }
  return withTextLayers(
    bytes,
    task.file,
    async (pdf) => {
      const result: SurveyResult = { pageCount: pdf.numPages, textPages: [], ocrPages: [] }
      const last = Math.min(pdf.numPages, task.to ?? pdf.numPages)
      for (let n = task.from ?? 1; n <= last; n++) {
        if (task.mode === 'force-ocr') {
          result.ocrPages.push({ page: n, reason: 'force-ocr mode' })
          continue
        }
        const layer = await readableTextLayer(pdf, n, task.file, task.dpi)
        if ('unreadable' in layer) {
          // One damaged page costs that page only. Another reader may still draw it: pdf.js
          // rasterises the page for OCR, and if it cannot either, that page alone fails.
          if (task.mode === 'text-only') {
            const size = { width: 1, height: 1, dpi: task.dpi }
            result.textPages.push({
              ...emptyPage(n, size, layer.unreadable.message),
              error: layer.unreadable,
            })
          } else
            result.ocrPages.push({ page: n, reason: `text layer unreadable (${layer.unreadable.message})` })
          continue
        }
        const verdict = assessTextLayer(layer.words, layer.width * layer.height)
        const size = { width: layer.width, height: layer.height, dpi: layer.dpi }
        if (verdict.usable) {
          const { lines, blocks, text } = groupLines(layer.words)
          result.textPages.push({
            ...emptyPage(n, size, verdict.reason),
            // The text layer's own signal (see scoreTextLayer), so the document's confidence and the
            // review queues are not fed a constant.
            confidence: meanConfidence(layer.words),
            text,
            ...(task.textOnly ? {} : { words: layer.words, lines, blocks }),
          })
        } else if (task.mode === 'text-only') {
          result.textPages.push(emptyPage(n, size, `${verdict.reason}; OCR skipped (text-only mode)`))
        } else {
          result.ocrPages.push({ page: n, reason: verdict.reason })
        }
      }
      if (task.screen && result.ocrPages.length === 0 && (task.from ?? 1) === 1 && last === pdf.numPages) {
        return screenHere(task, result)
      }
      return result
    },
    textLayerReader(),
  )
}

/**
 * Page `n`'s text layer, or why it cannot be read: PDFium's refusal of the page (an error naming
 * file and page already) or pdf.js's account of the damage. Anything else fails the document.
 */
async function readableTextLayer(
  pdf: TextLayerSource,
  n: number,
  file: string,
  dpi: number,
): Promise<TextLayer | { unreadable: { code: string; message: string } }> {
  try {
    return await pdf.textLayer(n, dpi)
  } catch (error) {
    if (error instanceof DeskError && error.code === 'CORRUPT_FILE') return { unreadable: error.toEnvelope() }
    if (isPdfjsFailure(error))
      return { unreadable: pageError('CORRUPT_FILE', file, n, error.message).toEnvelope() }
    throw error
  }
}

/** PDFium unless PEBBLE_DESK_TEXT_READER=pdfjs (bench:ocr measures both readers). */
const textLayerReader = (): TextLayerReader =>
  process.env.PEBBLE_DESK_TEXT_READER === 'pdfjs' ? 'pdfjs' : 'pdfium'

// Compiled profiles per worker, by the caller's key: compiling a large catalogue costs more than
// screening one document with it.
const screeners = new Map<string, Screener>()
const MAX_SCREENERS = 4

function screenerFor(screen: NonNullable<SurveyTask['screen']>): Screener {
  let screener = screeners.get(screen.key)
  if (!screener) {
    const profiles = screen.profiles.map((input, i) => {
      const parsed = parseProfile(input)
      if (!parsed.ok) throw new DeskError('INVALID_INPUT', `profile ${i + 1}: ${parsed.errors.join('; ')}`)
      return parsed.profile
    })
    screener = new Screener(profiles)
    if (screeners.size >= MAX_SCREENERS) screeners.delete(screeners.keys().next().value ?? '')
    screeners.set(screen.key, screener)
  }
  return screener
}

/** The whole document came from text layers: screen it here and keep its words in the cache. */
async function screenHere(task: SurveyTask, result: SurveyResult): Promise<SurveyResult> {
  const screened = screenPages(screenerFor(task.screen!), result.textPages)
  if (task.cache) {
    const text: DocumentText = {
      sha256: task.cache.sha256,
      mediaType: task.mediaType,
      pipelineVersion: PIPELINE_VERSION,
      mode: task.mode,
      pages: result.textPages,
    }
    await new TextCache(task.cache.dir).put(text, task.cache.langs)
  }
  return { pageCount: result.pageCount, textPages: [], ocrPages: [], screened }
}

async function pageImage(
  task: { path: string; file: string; mediaType: string; page: number; maxPixels: number },
  dpi: number,
  color: boolean,
): Promise<RasterImage> {
  const bytes = await readSource(task.path, task.file)
  if (isPdf(task.mediaType))
    return drawPdfPage(bytes, task.file, task.page, dpi, { color, maxPixels: task.maxPixels })
  const frames = await decodeImage(bytes, { file: task.file, maxPixels: task.maxPixels })
  const frame = frames[task.page - 1]
  if (!frame) throw new DeskError('NOT_FOUND', `${task.file}: no page ${task.page}`)
  return frame
}

// One engine per language set per worker thread: tesseract.js start-up costs ~0.3 s, and its WASM
// heap only grows, which is why the pool recycles workers after a number of pages.
const engines = new Map<string, Promise<OcrEngine>>()

function engineFor(
  langs: OcrTask['langs'],
  model: OcrTask['model'],
  kind: OcrTask['engine'] = 'tesseract',
): Promise<OcrEngine> {
  // The paddle models read Latin script only: Hindi (and the eng+hin re-read) stays with tesseract.
  const use = kind === 'paddle' && langs === 'eng' ? 'paddle' : 'tesseract'
  const key = `${use}:${langs}:${model}`
  let engine = engines.get(key)
  if (!engine) {
    engine = createOcrEngine({ langs, model, engine: use })
    engines.set(key, engine)
  }
  return engine
}

// Started on the first page the orientation heuristic is unsure of; most workers never need it.
// A second opinion that cannot be had (the legacy core failing to start) leaves the page as the
// heuristic left it, rather than failing it.
let osd: Promise<OsdDetector> | undefined
const askOsd = async (page: GrayImage) => {
  try {
    return await (await (osd ??= createOsdDetector())).detect(page)
  } catch {
    return null
  }
}

async function ocr(task: OcrTask): Promise<PageText> {
  // A worker's first page: the engine starts (its own thread, ~0.4 s) while the page is decoded.
  // A failure to start is met again, and reported, where the page is read.
  engineFor(task.langs, task.model, task.engine).catch(() => undefined)
  const image = await pageImage(task, task.dpi, false)
  const read = await readLanguages(task, image)
  // Cell crops are read by tesseract whatever engine read the page: only it takes a whitelist.
  return rereadKeyFigures(() => engineFor('eng', task.model), image, read)
}

async function readLanguages(task: OcrTask, image: RasterImage): Promise<PageText> {
  // One answer per page: the eng+hin re-read below turns the page as the first reading did.
  let guess: ReturnType<typeof askOsd> | undefined
  const orientation = (page: GrayImage) => (guess ??= askOsd(page))
  const options = { page: task.page, psm: task.psm, dpi: image.dpi, clean: task.clean, orientation }
  const first = await recognizePage(await engineFor(task.langs, task.model, task.engine), image, options)
  // Decided per page: a page English alone cannot read (Hindi beside English labels) is read again
  // with Hindi too, keeping each English word from the reading surer of it.
  const share = unsureLatinShare(first)
  if (task.langs !== 'eng' || !task.hindiCheck || share < OTHER_SCRIPT_SHARE) return first
  const both = mergeReadings(
    first,
    await recognizePage(await engineFor('eng+hin', task.model), image, options),
  )
  const why = `${Math.round(share * 100)}% of words read with eng looked like another script`
  return { ...both, notes: [...both.notes, `languages=eng+hin: ${why}`] }
}

async function render(task: RenderTask): Promise<RenderResult> {
  // Render PDFs near the requested width directly instead of at 300 dpi and scaling down.
  const image = await pageImage(task, 150, true)
  return encodePagePicture(image, task.width)
}

/**
 * Gray pages exactly as the COA vision checks always had them (PDF pages rasterised gray at `dpi`,
 * image pages decoded at their own resolution and turned to luma), with one file read and one PDF
 * open for all pages. Each page's pixels go back in a buffer of their own, moved rather than copied.
 */
async function grayPages(task: GrayPagesTask): Promise<TaskReply<GrayPagesResult>> {
  const bytes = await readSource(task.path, task.file)
  const pages: { page: number; image: GrayImage }[] = []
  if (isPdf(task.mediaType)) {
    await withPdf(bytes, task.file, async (pdf) => {
      for (const n of task.pages) {
        if (n > pdf.numPages) continue
        const page = await pdf.doc.getPage(n)
        try {
          const image = toGray(await rasterisePage(page, task.dpi, { maxPixels: task.maxPixels }))
          pages.push({ page: n, image })
        } finally {
          page.cleanup()
        }
      }
    })
  } else {
    const frames = await decodeImage(bytes, { file: task.file, maxPixels: task.maxPixels })
    for (const n of task.pages) {
      const frame = frames[n - 1]
      if (frame) pages.push({ page: n, image: toGray(frame) })
    }
  }
  const transfer: ArrayBuffer[] = []
  const result = pages.map(({ page, image: { width, height, dpi, data } }) => {
    const own = ownedBuffer(data, transfer)
    transfer.push(own.buffer)
    return { page, width, height, dpi, data: own }
  })
  return { value: { pages: result }, transfer }
}

/**
 * `data` itself when it is the whole of an ArrayBuffer not yet on the transfer list, so it can be
 * moved; otherwise (a view into a larger or shared buffer, e.g. a pooled Node Buffer) a copy of
 * just its bytes, since moving the buffer would take more than this page with it.
 */
function ownedBuffer(data: Uint8Array, taken: readonly ArrayBuffer[]): Uint8Array<ArrayBuffer> {
  const buffer = data.buffer
  if (
    buffer instanceof ArrayBuffer &&
    data.byteOffset === 0 &&
    data.byteLength === buffer.byteLength &&
    !taken.includes(buffer)
  ) {
    return data as Uint8Array<ArrayBuffer>
  }
  return new Uint8Array(data)
}

async function lineImages(task: LineImagesTask): Promise<LineImagesResult> {
  const image = toGray(await pageImage(task, task.dpi, false))
  const gray: RasterImage = { ...image, channels: 1 }
  return {
    images: task.boxes.map((box) => {
      try {
        return encodeCrop(gray, box)
      } catch (error) {
        throw new DeskError('INVALID_INPUT', `${task.file}: page ${task.page}: ${(error as Error).message}`)
      }
    }),
  }
}

/** Boxes of a page OCR'd before, read again one by one from the same drawing of the page. */
async function rereadCells(task: ReadCellsTask): Promise<ReadCellsResult> {
  const image = await pageImage(task, task.dpi, false)
  const cells = await readCells(await engineFor('eng', task.model), image, task.boxes, {
    rotation: task.rotation,
    skewDeg: task.skewDeg,
    looks: task.looks,
    kind: task.kind,
  })
  return { cells }
}

export type DocumentTaskResult =
  SurveyResult | PageText | RenderResult | GrayPagesResult | LineImagesResult | ReadCellsResult

/** The worker side of the document pipeline (see src/main/workers/document-worker.ts). */
export async function handleDocumentTask(
  payload: unknown,
): Promise<DocumentTaskResult | TaskReply<DocumentTaskResult>> {
  const parsed = documentTaskSchema.safeParse(payload)
  if (!parsed.success)
    throw new DeskError('INVALID_INPUT', `bad document task: ${formatZodIssues(parsed.error)}`)
  const task = parsed.data
  if (task.op === 'survey') return packed(await survey(task))
  if (task.op === 'ocr') return ocr(task)
  if (task.op === 'gray-pages') return grayPages(task)
  if (task.op === 'line-images') return lineImages(task)
  if (task.op === 'read-cells') return rereadCells(task)
  return render(task)
}

/** Text pages leave the worker packed, their buffers moved: see packedPages.ts for why. */
function packed(result: SurveyResult): SurveyResult | TaskReply<SurveyResult> {
  if (result.textPages.length === 0) return result
  const { packed: pages, transfer } = packPages(result.textPages)
  return { value: { ...result, textPages: [], packed: pages }, transfer }
}

function meanConfidence(words: readonly { confidence: number }[]): number {
  if (words.length === 0) return 100
  return Math.round(words.reduce((sum, w) => sum + w.confidence, 0) / words.length)
}
