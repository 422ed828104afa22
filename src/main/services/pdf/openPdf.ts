import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { DeskError } from '../../../shared/contract'
import { CachedAssetFactory } from './assetCache'
import { createInThreadWorker, loadPdfjs, pdfjsAssetPaths } from './pdfjs'

export interface OpenPdfOptions {
  /** Largest embedded image pdf.js decodes, in pixels; bigger ones are skipped rather than allocated. */
  maxImagePixels?: number
}

export interface PdfHandle {
  file: string
  doc: PDFDocumentProxy
  numPages: number
  /** Idempotent; frees the worker-side document and its caches. */
  destroy(): Promise<void>
}

const DEFAULT_MAX_IMAGE_PIXELS = 2 ** 27

const pdfError = (code: 'CORRUPT_FILE' | 'ENCRYPTED', file: string, message: string) =>
  new DeskError(code, `${file}: ${message}`, { file })

/**
 * Opens a PDF from memory. Password-protected files fail with ENCRYPTED; files pdf.js cannot make
 * sense of fail with CORRUPT_FILE. The caller owns the handle and must destroy it (see `withPdf`).
 */
export async function openPdf(
  bytes: Uint8Array,
  file: string,
  opts: OpenPdfOptions = {},
): Promise<PdfHandle> {
  if (bytes.length === 0) throw pdfError('CORRUPT_FILE', file, 'the file is empty')
  const pdfjs = await loadPdfjs()
  const worker = await createInThreadWorker(pdfjs.VerbosityLevel.ERRORS)
  const task = pdfjs.getDocument({
    worker,
    // A private copy, as pdf.js detaches the buffer it is given; also turns a Buffer into a plain Uint8Array.
    data: new Uint8Array(bytes),
    ...pdfjsAssetPaths(),
    BinaryDataFactory: CachedAssetFactory,
    cMapPacked: true,
    isEvalSupported: false,
    maxImageSize: opts.maxImagePixels ?? DEFAULT_MAX_IMAGE_PIXELS,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  let doc: PDFDocumentProxy
  try {
    doc = await task.promise
  } catch (error) {
    await task.destroy().catch(() => undefined)
    worker.destroy()
    throw classify(error, file)
  }
  let destroyed = false
  const handle: PdfHandle = {
    file,
    doc,
    numPages: doc.numPages,
    async destroy() {
      if (destroyed) return
      destroyed = true
      try {
        await doc.destroy()
      } finally {
        worker.destroy()
      }
    },
  }
  if (doc.numPages < 1) {
    await handle.destroy()
    throw pdfError('CORRUPT_FILE', file, 'the PDF has no pages')
  }
  return handle
}

function classify(error: unknown, file: string): DeskError {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : String(error)
  if (name === 'PasswordException' || /password/i.test(message)) {
    return pdfError('ENCRYPTED', file, 'the PDF is password-protected')
  }
  return pdfError('CORRUPT_FILE', file, `not a readable PDF (${message})`)
}

/** An error pdf.js throws for what it finds damaged in the file (not a bug of ours, not a cancel). */
export const isPdfjsFailure = (error: unknown): error is Error =>
  error instanceof Error &&
  !(error instanceof DeskError) &&
  error.name !== 'AbortException' &&
  /^(\w+Exception|FormatError)$/.test(error.name)

/** Opens, runs `fn`, and destroys the document whatever happens. */
export async function withPdf<T>(
  bytes: Uint8Array,
  file: string,
  fn: (pdf: PdfHandle) => Promise<T>,
  opts?: OpenPdfOptions,
): Promise<T> {
  const pdf = await openPdf(bytes, file, opts)
  try {
    return await fn(pdf)
  } catch (error) {
    // pdf.js opens some damaged files and only fails on a page (a broken cross-reference table,
    // found by test/fuzz/intake.test.ts): the reader must still say which file is damaged.
    throw isPdfjsFailure(error) ? classify(error, file) : error
  } finally {
    await pdf.destroy()
  }
}
