import { createRequire } from 'node:module'
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { DeskError } from '../../../shared/contract'
import { rgbaToGray, type RasterImage } from '../imaging'
import { pagePixelSize } from './geometry'

type NapiCanvas = typeof import('@napi-rs/canvas')
type RenderParameters = Parameters<PDFPageProxy['render']>[0]

let canvasModule: NapiCanvas | undefined

/**
 * The @napi-rs/canvas copy pdf.js itself resolves (pdfjs-dist may carry its own version): pdf.js
 * draws its internal canvases (masks, patterns) onto ours, and Skia objects from two different
 * native builds must not meet.
 */
function pdfjsCanvas(): NapiCanvas {
  if (!canvasModule) {
    const fromPdfjs = createRequire(createRequire(__filename).resolve('pdfjs-dist/legacy/build/pdf.mjs'))
    canvasModule = fromPdfjs('@napi-rs/canvas') as NapiCanvas
  }
  return canvasModule
}

export interface RasteriseOptions {
  /** Gray (default) halves downstream work; colour keeps RGBA. */
  color?: boolean
  /** Pages that would exceed this at `dpi` are rendered at a lower dpi instead (poster-size pages). */
  maxPixels?: number
}

/** 300 dpi A0 is 140 MP; 80 MP keeps one page's RGBA under 320 MB while rendering. */
export const DEFAULT_MAX_PAGE_PIXELS = 80_000_000

/**
 * Renders a page to raw pixels (no PNG encode/decode in between). The page's /Rotate is applied,
 * so the image is in the same frame as `extractTextLayer`'s boxes. `dpi` on the result is the
 * resolution actually used.
 */
export async function rasterisePage(
  page: PDFPageProxy,
  dpi = 300,
  opts: RasteriseOptions = {},
): Promise<RasterImage> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PAGE_PIXELS
  let viewport = page.getViewport({ scale: dpi / 72 })
  let size = pagePixelSize(viewport)
  if (size.width * size.height > maxPixels) {
    dpi = Math.floor(dpi * Math.sqrt(maxPixels / (size.width * size.height)))
    viewport = page.getViewport({ scale: dpi / 72 })
    size = pagePixelSize(viewport)
  }
  if (dpi < 1) throw new DeskError('FILE_TOO_LARGE', `page ${page.pageNumber} is too large to render`)
  const { width, height } = size
  const canvas = pdfjsCanvas().createCanvas(width, height)
  try {
    const context = canvas.getContext('2d')
    keepImagesSmooth(context)
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    await page.render({
      canvas: canvas as unknown as RenderParameters['canvas'],
      canvasContext: context as unknown as RenderParameters['canvasContext'],
      viewport,
    }).promise
    const rgba = context.getImageData(0, 0, width, height).data
    if (opts.color) {
      return {
        width,
        height,
        channels: 4,
        data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength),
        dpi,
      }
    }
    return { width, height, channels: 1, data: rgbaToGray(rgba, width * height), dpi }
  } finally {
    // Frees the Skia surface now rather than at the next GC; matters for 35 MB page canvases.
    canvas.width = 0
    canvas.height = 0
    page.cleanup()
  }
}

/**
 * pdf.js draws an image larger than it is (a 150-dpi scan on a 300-dpi page) with smoothing off,
 * so every scanned pixel becomes a square block, and OCR misreads the blocky letters: development
 * bid scans at 150 dpi lost an EMD, a date and a reference that the same scan, enlarged smoothly,
 * gave. Here smoothing stays on, at Skia's best quality, whatever pdf.js asks.
 */
function keepImagesSmooth(context: { imageSmoothingEnabled: boolean; imageSmoothingQuality: string }): void {
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  Object.defineProperty(context, 'imageSmoothingEnabled', {
    get: () => true,
    set: () => undefined,
    configurable: true,
  })
}
