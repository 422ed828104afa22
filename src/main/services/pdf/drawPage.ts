import { DeskError } from '../../../shared/contract'
import type { RasterImage } from '../imaging'
import { isPdfjsFailure, withPdf } from './openPdf'
import { openPdfiumDocument } from './pdfiumText'
import { rasterisePage, type RasteriseOptions } from './rasterise'

/**
 * One page of a document cannot be drawn: `details.page` says so, and the pipeline fails that page
 * only, keeping the rest of the document.
 */
export function pageError(
  code: 'NOT_FOUND' | 'CORRUPT_FILE',
  file: string,
  page: number,
  why: string,
): DeskError {
  return new DeskError(code, `${file}: page ${page} cannot be read (${why})`, { file, page })
}

/**
 * Page `n` of a PDF as pixels for OCR and the viewer. pdf.js draws it; where pdf.js cannot open the
 * file, find the page or draw it, PDFium (which read the text layers) draws it instead, so a page
 * tree pdf.js misreads does not cost pages PDFium can show. If neither can, the error is pdf.js's
 * account (a page error where only the page is at fault).
 *
 * PDFium draws a 300-dpi page in a third to a half of pdf.js's time, but not first: drawing every
 * page with it cost OCR on scans made below 300 dpi, which pdf.js enlarges at Skia's best quality.
 * Parameters right on COA scans fell from 98.7% to 93.4% (development) and 100% to 75.0%
 * (held-out); key fields on bid scans from 95.2% to 88.5% (development) and 93.8% to 85.4% (held-out).
 */
export async function drawPdfPage(
  bytes: Uint8Array,
  file: string,
  n: number,
  dpi: number,
  opts: RasteriseOptions = {},
): Promise<RasterImage> {
  try {
    return await withPdf(bytes, file, async (pdf) => {
      if (n > pdf.numPages) throw pageError('NOT_FOUND', file, n, `pdf.js finds ${pdf.numPages} pages`)
      try {
        const page = await pdf.doc.getPage(n)
        try {
          return await rasterisePage(page, dpi, opts)
        } finally {
          page.cleanup()
        }
      } catch (error) {
        // Damage pdf.js meets loading or drawing this page is this page's; withPdf would make it the file's.
        throw isPdfjsFailure(error) ? pageError('CORRUPT_FILE', file, n, error.message) : error
      }
    })
  } catch (error) {
    if (!(error instanceof DeskError) || (error.code !== 'CORRUPT_FILE' && error.code !== 'NOT_FOUND'))
      throw error
    return drawWithPdfium(bytes, file, n, dpi, opts, error)
  }
}

async function drawWithPdfium(
  bytes: Uint8Array,
  file: string,
  n: number,
  dpi: number,
  opts: RasteriseOptions,
  pdfjsError: DeskError,
): Promise<RasterImage> {
  const doc = await openPdfiumDocument(bytes, file).catch(() => undefined)
  if (!doc || n > doc.numPages) {
    doc?.close()
    throw pdfjsError
  }
  try {
    return doc.image(n, dpi, opts)
  } catch (error) {
    // pdf.js's account where it blamed this page; where it blamed the whole file, PDFium's, which
    // names the page, so the document's other pages are still drawn.
    const pdfjsBlamedPage = pdfjsError.details?.page === n
    throw pdfjsBlamedPage || !(error instanceof DeskError) ? pdfjsError : error
  } finally {
    doc.close()
  }
}
