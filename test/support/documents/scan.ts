import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'

/** How a generated page is made to look like it came off an office scanner. */
export interface ScanLook {
  dpi: 150 | 200 | 300
  /** Clockwise rotation of the sheet on the glass, in degrees (real scans: 0.3–2°). */
  skewDeg: number
  /** Gaussian blur radius in pixels at the scan's resolution (0 = sharp). */
  blurPx: number
  /** Share of pixels flipped to speckle (0–0.01 is realistic). */
  speckle: number
  seed: number
}

/** A deterministic pseudo-random source, so a scan and its truth are reproducible from the seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 0x100000000
  }
}

/**
 * Rasterises page `pageIndex` (0-based) of a PDF at the scan's dpi with poppler (pdftoppm, installed
 * by .ci/run), then rotates, blurs and speckles it. Returns a grey PNG.
 */
export async function scanPdfPage(pdf: Uint8Array, pageIndex: number, look: ScanLook): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'pebble-scan-'))
  try {
    const input = join(dir, 'in.pdf')
    writeFileSync(input, pdf)
    const page = String(pageIndex + 1)
    execFileSync('pdftoppm', [
      '-r',
      String(look.dpi),
      '-gray',
      '-png',
      '-singlefile',
      '-f',
      page,
      '-l',
      page,
      input,
      join(dir, 'out'),
    ])
    return await degrade(await loadImage(readFileSync(join(dir, 'out.png'))), look)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Applies the scanner's skew, blur and speckle to an already rendered page image. */
export async function degrade(image: Image, look: ScanLook): Promise<Buffer> {
  const { width, height } = image
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.translate(width / 2, height / 2)
  ctx.rotate((look.skewDeg * Math.PI) / 180)
  ctx.translate(-width / 2, -height / 2)
  if (look.blurPx > 0) ctx.filter = `blur(${look.blurPx}px)`
  ctx.drawImage(image, 0, 0)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.filter = 'none'
  if (look.speckle > 0) {
    const random = seededRandom(look.seed)
    const pixels = ctx.getImageData(0, 0, width, height)
    const flips = Math.round(width * height * look.speckle)
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(random() * width * height) * 4
      const value = (pixels.data[at] ?? 255) > 128 ? 40 : 230
      pixels.data[at] = pixels.data[at + 1] = pixels.data[at + 2] = value
    }
    ctx.putImageData(pixels, 0, 0)
  }
  return canvas.toBuffer('image/png')
}

/** Wraps scanned page images into an image-only PDF (no text layer), as a scanner's PDF export would. */
export async function imagePdf(pages: { png: Uint8Array; dpi: number }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  for (const { png, dpi } of pages) {
    const image = await pdf.embedPng(png)
    const width = (image.width / dpi) * 72
    const height = (image.height / dpi) * 72
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height })
  }
  return pdf.save()
}
