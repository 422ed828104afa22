import type { PageViewport } from 'pdfjs-dist/legacy/build/pdf.mjs'

/**
 * Pixel size of a page at a dpi, shared by the raster and the text layer so word boxes line up with
 * the page image. Rounded up as pdf.js sizes its own canvases; the viewport already includes the
 * page's /Rotate.
 */
export function pagePixelSize(viewport: PageViewport): { width: number; height: number } {
  return {
    width: Math.max(1, Math.ceil(viewport.width - 1e-6)),
    height: Math.max(1, Math.ceil(viewport.height - 1e-6)),
  }
}

export type Matrix = [number, number, number, number, number, number]

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}
