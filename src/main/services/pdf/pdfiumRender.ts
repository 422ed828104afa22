import { DeskError } from '../../../shared/contract'
import type { RasterImage } from '../imaging'
import { FPDF_ANNOT, type Pdfium } from './pdfium'
import { DEFAULT_MAX_PAGE_PIXELS, type RasteriseOptions } from './rasterise'

/**
 * A loaded page's size in pixels at `dpi`, /Rotate applied, rounded up as pdf.js sizes the page's
 * raster, so the text layer's boxes, pdf.js's images and PDFium's images all line up. PDFium's sizes
 * are single-precision, so a whole number of pixels may come back a hair over.
 */
export function pdfiumPageSize(
  lib: Pdfium,
  page: number,
  dpi: number,
): { width: number; height: number; exactWidth: number; exactHeight: number } {
  const scale = dpi / 72
  const exactWidth = lib.FPDF_GetPageWidthF(page) * scale
  const exactHeight = lib.FPDF_GetPageHeightF(page) * scale
  return {
    width: Math.max(1, Math.ceil(exactWidth - 1e-3)),
    height: Math.max(1, Math.ceil(exactHeight - 1e-3)),
    exactWidth,
    exactHeight,
  }
}

/**
 * Page `n` drawn by PDFium on white, as `rasterisePage` draws it with pdf.js: gray unless `color`,
 * a poster-size page at a lower dpi. The desk draws pages with pdf.js; this is for the pages pdf.js
 * cannot open, find or draw. A page PDFium cannot load either fails with a page error
 * (`details.page`), so the pipeline fails that page alone.
 */
export function renderPdfiumPage(
  lib: Pdfium,
  doc: number,
  file: string,
  n: number,
  dpi: number,
  opts: RasteriseOptions = {},
): RasterImage {
  const page = lib.FPDF_LoadPage(doc, n - 1)
  if (!page)
    throw new DeskError('CORRUPT_FILE', `${file}: page ${n} cannot be read (PDFium)`, { file, page: n })
  try {
    const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PAGE_PIXELS
    let size = pdfiumPageSize(lib, page, dpi)
    if (size.width * size.height > maxPixels) {
      dpi = Math.floor(dpi * Math.sqrt(maxPixels / (size.width * size.height)))
      size = pdfiumPageSize(lib, page, dpi)
    }
    if (dpi < 1)
      throw new DeskError('FILE_TOO_LARGE', `${file}: page ${n} is too large to render`, { file, page: n })
    const { width, height } = size
    const bitmap = lib.FPDFBitmap_Create(width, height, 0)
    if (!bitmap)
      throw new DeskError('FILE_TOO_LARGE', `${file}: page ${n} is too large to render in memory`, {
        file,
        page: n,
      })
    try {
      lib.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff)
      lib.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, FPDF_ANNOT)
      const stride = lib.FPDFBitmap_GetStride(bitmap)
      const pixels = lib.heap().u8.subarray(lib.FPDFBitmap_GetBuffer(bitmap))
      const data = opts.color
        ? bgrxToRgba(pixels, width, height, stride)
        : bgrxToGray(pixels, width, height, stride)
      return { width, height, channels: opts.color ? 4 : 1, data, dpi }
    } finally {
      lib.FPDFBitmap_Destroy(bitmap)
    }
  } finally {
    lib.FPDF_ClosePage(page)
  }
}

/** The luma weights of rgbaToGray, which turns pdf.js's drawings gray. */
function bgrxToGray(bgrx: Uint8Array, width: number, height: number, stride: number): Uint8Array {
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const row = y * stride
    const to = y * width
    for (let x = 0; x < width; x++) {
      const p = row + 4 * x
      out[to + x] = (77 * bgrx[p + 2]! + 150 * bgrx[p + 1]! + 29 * bgrx[p]! + 128) >> 8
    }
  }
  return out
}

function bgrxToRgba(bgrx: Uint8Array, width: number, height: number, stride: number): Uint8Array {
  const out = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    const row = y * stride
    for (let x = 0; x < width; x++) {
      const p = row + 4 * x
      const q = 4 * (y * width + x)
      out[q] = bgrx[p + 2]!
      out[q + 1] = bgrx[p + 1]!
      out[q + 2] = bgrx[p]!
      out[q + 3] = 255
    }
  }
  return out
}
