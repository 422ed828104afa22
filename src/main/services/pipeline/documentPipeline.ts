import { DeskError, formatZodIssues, toErrorEnvelope } from '../../../shared/contract'
import type { BBox, DocumentText, ExtractionMode, PageText } from '../../../shared/document-text'
import { pageTextSchema } from '../../../shared/document-text'
import type { Profile } from '../../../shared/tenders/screening'
import { DEFAULT_MAX_PIXELS } from '../imaging'
import type { ScreenedText } from '../../../shared/tenders/screenText'
import type { GrayImage } from '../vision'
import { WorkerPool, type WorkerPoolStats } from '../worker-pool'
import { unpackParsed } from './packedPages'
import {
  grayPagesResultSchema,
  lineImagesResultSchema,
  PIPELINE_VERSION,
  readCellsResultSchema,
  renderResultSchema,
  surveyResultSchema,
  type DocumentTask,
  type RenderResult,
  type SurveyResult,
  type SurveyTask,
} from './tasks'

/** Pages per survey task: big enough to amortise opening the PDF, small enough to spread a long one. */
const SURVEY_SLICE_PAGES = 16
import type { TextCache } from './textCache'

export type OcrLanguages = 'eng' | 'hin' | 'eng+hin'
export type OcrModel = 'fast' | 'best'
export type OcrEngine = 'tesseract' | 'paddle'

/** Profiles to screen with, under a key that names this exact set (workers compile each set once). */
export interface ScreenRequest {
  key: string
  profiles: readonly Profile[]
}

export type ExtractOutcome = { text: DocumentText } | { screened: ScreenedText; pageCount: number }

export interface PipelineOptions {
  /** The built worker entry (out/main/document-worker.js). */
  workerScript: string
  workers?: number
  /** Pages OCR'd by one worker before it is replaced, to give back tesseract's WASM memory. */
  pagesPerWorker?: number
  /** Per OCR page; a page that takes longer fails alone with TIMEOUT. */
  pageTimeoutMs?: number
  /** Opening a file and reading its text layers. */
  surveyTimeoutMs?: number
  /** Which tesseract models OCR uses (settings.ocr.model); default `fast`. */
  ocrModel?: OcrModel
  /** settings.ocr.clean; default `auto`. */
  ocrClean?: 'auto' | 'never' | 'always'
  /** settings.ocr.engine; default `tesseract`. */
  ocrEngine?: OcrEngine
  dpi?: number
  maxPixels?: number
  /** The pool's stuck-worker watchdog (settings.pipeline.stuckWorkerSec); off when unset. */
  stuckWorkerMs?: number
}

export interface ExtractRequest {
  path: string
  /** Named in errors. */
  file: string
  sha256: string
  mediaType: string
  mode?: ExtractionMode
  langs?: OcrLanguages
  /** The tenant's model; default the pipeline's (settings.ocr.model). */
  model?: OcrModel
  /** The tenant's engine; default the pipeline's (settings.ocr.engine). */
  engine?: OcrEngine
  /** false: English only, never read again with Hindi (a tenant chose `eng`); default true. */
  hindiCheck?: boolean
  signal?: AbortSignal
  /** Higher first: a document a user opened jumps the bulk import queue. */
  priority?: number
  cache?: TextCache
  /**
   * false: the caller reads only the pages' text (a text report), so pages read from text layers
   * come back without words, lines and blocks. Ignored with `cache`, which keeps whole pages.
   */
  words?: boolean
  /** Called once the page count is known and after every finished page. */
  onProgress?(progress: { pagesDone: number; pagesTotal: number }): void
}

export interface GrayPagesRequest {
  path: string
  /** Named in errors. */
  file: string
  mediaType: string
  /** 1-based; pages the file does not have are left out of the answer. */
  pages: number[]
  /** PDF pages are rasterised at this resolution (default 100); images keep their own. */
  dpi?: number
  signal?: AbortSignal
}

/** Enough for ruling lines and stamp ink, and a tenth of the pixels of a 300 dpi OCR page. */
const GRAY_PAGES_DPI = 100

/** Files → DocumentText: text layer first, OCR only for pages without a usable one, all in workers. */
export class DocumentPipeline {
  private readonly pool: WorkerPool
  private readonly dpi: number
  private readonly maxPixels: number
  private readonly pageTimeoutMs: number
  private readonly surveyTimeoutMs: number
  private readonly ocrModel: OcrModel
  private readonly ocrClean: 'auto' | 'never' | 'always'
  private readonly ocrEngine: OcrEngine
  private readonly ocrTime = { count: 0, sumSeconds: 0 }
  private readonly stuckListeners = new Set<(event: { taskId: number; stuckMs: number }) => void>()

  constructor(options: PipelineOptions) {
    this.pool = new WorkerPool({
      script: options.workerScript,
      size: options.workers,
      maxTasksPerWorker: options.pagesPerWorker ?? 40,
      name: 'document',
      // Reading a text layer makes short-lived objects by the million; a larger nursery lets more of
      // them die young instead of being copied out (4% faster over 1,000 bids, same peak RSS).
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
      stuckAfterMs: options.stuckWorkerMs,
      onStuckRestart: (event) => {
        for (const listener of this.stuckListeners) listener(event)
      },
    })
    this.dpi = options.dpi ?? 300
    this.maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS
    this.pageTimeoutMs = options.pageTimeoutMs ?? 120_000
    this.surveyTimeoutMs = options.surveyTimeoutMs ?? 300_000
    this.ocrModel = options.ocrModel ?? 'best'
    this.ocrClean = options.ocrClean ?? 'auto'
    this.ocrEngine = options.ocrEngine ?? 'tesseract'
  }

  get queueDepth(): number {
    return this.pool.queueDepth
  }

  /** OCR'd pages and the seconds workers spent on them (not queued), since the pipeline started. */
  get ocrPages(): { count: number; sumSeconds: number } {
    return { ...this.ocrTime }
  }

  /** Told when the watchdog restarts a stuck document worker ("Restarted a stuck document worker"). */
  onStuckRestart(listener: (event: { taskId: number; stuckMs: number }) => void): () => void {
    this.stuckListeners.add(listener)
    return () => this.stuckListeners.delete(listener)
  }

  stats(): WorkerPoolStats {
    return this.pool.stats()
  }

  async extract(request: ExtractRequest): Promise<DocumentText> {
    const outcome = await this.read(request)
    if ('text' in outcome) return outcome.text
    throw new DeskError('INTERNAL', `${request.file}: screened without being asked to`)
  }

  /**
   * Like `extract`, for screening. When one worker reads a whole document from its text layers, it
   * screens it there and keeps the words in the text cache: only the screening comes back, and the
   * main thread never handles the words. Otherwise (cached text, OCR pages, long PDFs) the text
   * comes back for the caller to screen.
   */
  extractScreened(request: ExtractRequest, screen: ScreenRequest): Promise<ExtractOutcome> {
    return this.read(request, screen)
  }

  /** The engine a request without one is read with (settings.ocr.engine). */
  get defaultEngine(): OcrEngine {
    return this.ocrEngine
  }

  /** The model a request without one is read with (settings.ocr.model). */
  get defaultModel(): OcrModel {
    return this.ocrModel
  }

  /**
   * The text cache's key for a reading: text read with the best models is kept apart from the fast
   * ones, English-only text apart from English with Hindi added where a page needed it, and text
   * read by the paddle engine apart from tesseract's.
   */
  cacheKey(
    langs: string,
    model: OcrModel = this.ocrModel,
    hindiCheck = true,
    engine: OcrEngine = this.ocrEngine,
  ): string {
    const only = langs === 'eng' && !hindiCheck ? '.only' : ''
    return `${langs}${model === 'best' ? '' : '.fast'}${only}${engine === 'paddle' ? '.paddle' : ''}`
  }

  private async read(request: ExtractRequest, screen?: ScreenRequest): Promise<ExtractOutcome> {
    const mode = request.mode ?? 'auto'
    const langs = request.langs ?? 'eng'
    const model = request.model ?? this.ocrModel
    const hindiCheck = request.hindiCheck ?? true
    const engine = request.engine ?? this.ocrEngine
    const cacheKey = this.cacheKey(langs, model, hindiCheck, engine)
    const cached = await request.cache?.get(request.sha256, mode, cacheKey)
    if (cached) {
      request.onProgress?.({ pagesDone: cached.pages.length, pagesTotal: cached.pages.length })
      return { text: cached }
    }
    const base = {
      path: request.path,
      file: request.file,
      mediaType: request.mediaType,
      maxPixels: this.maxPixels,
    }
    const run = (task: DocumentTask, timeoutMs: number, onStart?: () => void) =>
      this.pool.run(task, {
        priority: request.priority ?? 0,
        signal: request.signal,
        timeoutMs,
        ...(onStart ? { onStart } : {}),
        // Reading text layers grows no WASM heap; only OCR pages bring a worker closer to recycling.
        recycleWeight: task.op === 'survey' ? 0 : 1,
      })

    const textOnly = request.words === false && !request.cache
    const inWorker = screen && {
      screen: { key: screen.key, profiles: [...screen.profiles] },
      ...(request.cache
        ? { cache: { dir: request.cache.dir, sha256: request.sha256, langs: cacheKey } }
        : {}),
    }
    const survey = await this.survey(base, mode, run, inWorker, textOnly)
    if (survey.screened) {
      request.onProgress?.({ pagesDone: survey.pageCount, pagesTotal: survey.pageCount })
      return { screened: survey.screened, pageCount: survey.pageCount }
    }
    let pagesDone = survey.textPages.length
    request.onProgress?.({ pagesDone, pagesTotal: survey.pageCount })

    const ocrPages = await Promise.all(
      survey.ocrPages.map(async ({ page, reason }): Promise<PageText> => {
        let started = 0
        try {
          const result = pageTextSchema.parse(
            await run(
              {
                op: 'ocr',
                ...base,
                page,
                dpi: this.dpi,
                langs,
                model,
                psm: 'auto',
                hindiCheck,
                clean: this.ocrClean,
                engine,
              },
              this.pageTimeoutMs,
              () => (started = performance.now()),
            ),
          )
          this.ocrTime.count += 1
          this.ocrTime.sumSeconds += (performance.now() - started) / 1000
          return { ...result, notes: [`OCR because: ${reason}`, ...result.notes] }
        } catch (error) {
          if (request.signal?.aborted) throw new DeskError('CANCELLED', `${request.file}: cancelled`)
          const envelope = toErrorEnvelope(error)
          // Document-level failures (corrupt, encrypted, unreadable) fail the document; the rest, and
          // errors that name this page (details.page), fail one page.
          const pageLevel =
            ['WORKER_CRASHED', 'TIMEOUT', 'INTERNAL'].includes(envelope.code) ||
            envelope.details?.page === page
          if (!pageLevel) throw error
          return failedPage(page, this.dpi, reason, envelope)
        } finally {
          request.onProgress?.({ pagesDone: ++pagesDone, pagesTotal: survey.pageCount })
        }
      }),
    )

    const text: DocumentText = {
      sha256: request.sha256,
      mediaType: request.mediaType,
      pipelineVersion: PIPELINE_VERSION,
      mode,
      pages: [...survey.textPages, ...ocrPages].sort((a, b) => a.page - b.page),
    }
    // A page that failed is worth retrying later, so such a result is not cached.
    if (!text.pages.some((p) => p.error)) await request.cache?.put(text, cacheKey)
    return { text }
  }

  /**
   * Text layers of a long PDF are read in slices on all workers at once; the first slice also tells
   * the page count. Images and short PDFs take one task.
   */
  private async survey(
    base: { path: string; file: string; mediaType: string; maxPixels: number },
    mode: ExtractionMode,
    run: (task: DocumentTask, timeoutMs: number) => Promise<unknown>,
    inWorker?: Pick<SurveyTask, 'screen' | 'cache'>,
    textOnly = false,
  ): Promise<SurveyResult> {
    const slice = (from?: number, to?: number, extra?: Pick<SurveyTask, 'screen' | 'cache'>) =>
      run(
        { op: 'survey', ...base, mode, dpi: this.dpi, from, to, ...(textOnly ? { textOnly } : {}), ...extra },
        this.surveyTimeoutMs,
      ).then((r) => unpackSurvey(surveyResultSchema.parse(r), base.file))
    if (base.mediaType !== 'application/pdf') return slice()
    const first = await slice(1, SURVEY_SLICE_PAGES, inWorker)
    if (first.screened) return first
    const rest: Promise<SurveyResult>[] = []
    for (let from = SURVEY_SLICE_PAGES + 1; from <= first.pageCount; from += SURVEY_SLICE_PAGES) {
      rest.push(slice(from, from + SURVEY_SLICE_PAGES - 1))
    }
    const slices = [first, ...(await Promise.all(rest))]
    return {
      pageCount: first.pageCount,
      textPages: slices.flatMap((s) => s.textPages),
      ocrPages: slices.flatMap((s) => s.ocrPages),
    }
  }

  async renderPage(
    request: Pick<ExtractRequest, 'path' | 'file' | 'mediaType'>,
    page: number,
    width: number,
  ): Promise<RenderResult> {
    const task: DocumentTask = { op: 'render', ...request, page, width, maxPixels: this.maxPixels }
    // The viewer waits on this, so it goes ahead of bulk OCR.
    return renderResultSchema.parse(
      await this.pool.run(task, { priority: 100, timeoutMs: this.pageTimeoutMs }),
    )
  }

  /**
   * Gray page images for the COA vision checks, made in a worker under the intake pixel limit. The
   * pixels are moved from the worker, not copied. Errors name the file (corrupt, too large,
   * unreadable, timed out, cancelled).
   */
  async grayPages(request: GrayPagesRequest): Promise<Map<number, GrayImage>> {
    const pages = [...new Set(request.pages)]
    const out = new Map<number, GrayImage>()
    if (pages.length === 0) return out
    const task: DocumentTask = {
      op: 'gray-pages',
      path: request.path,
      file: request.file,
      mediaType: request.mediaType,
      pages,
      dpi: request.dpi ?? GRAY_PAGES_DPI,
      maxPixels: this.maxPixels,
    }
    let value: unknown
    try {
      value = await this.pool.run(task, {
        // Someone is waiting on the check, as on the viewer: ahead of bulk OCR.
        priority: 100,
        signal: request.signal,
        timeoutMs: this.surveyTimeoutMs + this.pageTimeoutMs * pages.length,
      })
    } catch (error) {
      if (request.signal?.aborted) throw new DeskError('CANCELLED', `${request.file}: cancelled`)
      throw namingFile(error, request.file)
    }
    const result = grayPagesResultSchema.safeParse(value)
    if (!result.success) {
      const why = formatZodIssues(result.error)
      throw new DeskError('INTERNAL', `${request.file}: invalid gray pages from the worker (${why})`)
    }
    for (const { page, width, height, dpi, data } of result.data.pages) {
      out.set(page, { width, height, channels: 1, data, dpi })
    }
    return out
  }

  /**
   * PNG pictures of boxes of one page (page pixels at `dpi`, as in PageText), cropped gray from the
   * page as OCR saw it. Errors name the file.
   */
  async lineImages(request: {
    path: string
    file: string
    mediaType: string
    page: number
    dpi: number
    boxes: BBox[]
  }): Promise<{ width: number; height: number; png: Uint8Array }[]> {
    let value: unknown
    try {
      value = await this.pool.run(
        { op: 'line-images', ...request, maxPixels: this.maxPixels },
        { priority: 100, timeoutMs: this.surveyTimeoutMs },
      )
    } catch (error) {
      throw namingFile(error, request.file)
    }
    const result = lineImagesResultSchema.safeParse(value)
    if (!result.success) {
      throw new DeskError(
        'INTERNAL',
        `${request.file}: invalid line images from the worker (${formatZodIssues(result.error)})`,
      )
    }
    return result.data.images
  }

  /**
   * Boxes of one OCR'd page read again, each on its own (numeric characters, one line, once per
   * look), from the page drawn at `dpi` as the OCR task drew it, turned and deskewed as `page` was
   * read. Errors name the file.
   */
  async readCells(request: {
    path: string
    file: string
    mediaType: string
    page: Pick<PageText, 'page' | 'rotation' | 'skewDeg'>
    boxes: BBox[]
    looks: { scale: number; denoise: boolean }[]
    /** What the boxes hold; default numbers. */
    kind?: 'number' | 'unit'
    signal?: AbortSignal
  }): Promise<{ text: string; confidence: number }[][]> {
    const { page } = request
    let value: unknown
    try {
      value = await this.pool.run(
        {
          op: 'read-cells',
          path: request.path,
          file: request.file,
          mediaType: request.mediaType,
          page: page.page,
          // The OCR task drew PDF pages at the pipeline's dpi; image files keep their own.
          dpi: this.dpi,
          maxPixels: this.maxPixels,
          model: this.ocrModel,
          boxes: request.boxes,
          rotation: page.rotation,
          skewDeg: page.skewDeg,
          looks: request.looks,
          kind: request.kind ?? 'number',
        },
        { priority: 100, signal: request.signal, timeoutMs: this.pageTimeoutMs },
      )
    } catch (error) {
      if (request.signal?.aborted) throw new DeskError('CANCELLED', `${request.file}: cancelled`)
      throw namingFile(error, request.file)
    }
    const result = readCellsResultSchema.safeParse(value)
    if (!result.success) {
      throw new DeskError(
        'INTERNAL',
        `${request.file}: invalid cell readings from the worker (${formatZodIssues(result.error)})`,
      )
    }
    return result.data.cells
  }

  close(): Promise<void> {
    return this.pool.close()
  }
}

/** The error as a DeskError whose message starts with the file (pool and zod errors do not). */
function namingFile(error: unknown, file: string): DeskError {
  const envelope = toErrorEnvelope(error)
  if (envelope.message.startsWith(`${file}:`)) {
    return error instanceof DeskError ? error : DeskError.fromEnvelope(envelope)
  }
  return new DeskError(envelope.code, `${file}: ${envelope.message}`, { file, ...envelope.details })
}

function failedPage(
  page: number,
  dpi: number,
  reason: string,
  error: { code: string; message: string },
): PageText {
  return {
    page,
    source: 'ocr',
    rotation: 0,
    skewDeg: 0,
    width: 1,
    height: 1,
    dpi,
    confidence: 0,
    text: '',
    words: [],
    lines: [],
    blocks: [],
    applied: [],
    notes: [`OCR because: ${reason}`],
    error: { code: error.code, message: error.message },
  }
}

/** A survey's text pages back as objects: they travel packed (see packedPages.ts). */
function unpackSurvey(result: SurveyResult, file: string): SurveyResult {
  if (!result.packed) return result
  const { packed, ...rest } = result
  return { ...rest, textPages: [...rest.textPages, ...unpackParsed(packed, file)] }
}
