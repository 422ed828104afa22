import { imageError } from './errors'
import type { PngHeader } from './png'
import { inflatePngRows, type PngChunks } from './pngCheck'
import { isGrayRgba, rgbaToGray, type RasterImage } from './raster'

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/**
 * Non-interlaced PNGs (what scanners and converters write) decoded here rather than through Skia,
 * one scanline at a time as the stream inflates: the only page-sized allocation is the result.
 * Skia's path held an RGBA bitmap, an RGBA surface and an RGBA copy (about 100 MB for a 300-dpi
 * page), which the allocator then kept for the worker's life. Gamma and ICC chunks are ignored, as
 * they do not matter for reading text. Returns undefined for what it leaves to the canvas decoder
 * (interlaced, EXIF-rotated).
 */
export async function decodePng(
  file: string,
  header: PngHeader & { dpi: number },
  chunks: PngChunks,
): Promise<RasterImage | undefined> {
  if (chunks.interlaced || chunks.exif) return undefined
  const { width, height, colorType, dpi } = header
  const depth = chunks.bitDepth
  const channels = CHANNELS[colorType]!
  const stride = Math.ceil((width * channels * depth) / 8)
  const bpp = Math.max(1, (channels * depth) >> 3)
  const pixels = width * height
  const grayOut = colorType === 0 || colorType === 4
  // Scanners and converters often write gray pages as RGB: those are read straight to gray, and
  // only a pixel with colour makes the result RGBA.
  let gray: Uint8Array | undefined =
    grayOut || (colorType === 2 && depth === 8 && !chunks.trns) ? new Uint8Array(pixels) : undefined
  let rgba: Uint8Array | undefined = gray ? undefined : new Uint8Array(pixels * 4)
  // While every row of a gray RGB page has identical R, G and B filtered bytes, only the R bytes are
  // unfiltered, into the gray result: a third of the work (see RedChannel).
  let shortcut = gray !== undefined && !grayOut
  const red = new RedChannel(width)
  await inflatePngRows(chunks, file, stride + 1, (row, above, y) => {
    if (shortcut && filteredRowIsGray(row, width)) {
      gray!.set(red.unfilter(row, y, file), y * width)
      return
    }
    if (shortcut && above) {
      // The row above went the short way, so its RGB bytes were never written: they are its gray.
      for (let x = 0, o = (y - 1) * width, i = 1; x < width; x++, i += 3) {
        const v = gray![o + x]!
        above[i] = v
        above[i + 1] = v
        above[i + 2] = v
      }
    }
    shortcut = false
    unfilterRow(row, above, stride, bpp, y, file)
    if (grayOut) return grayRow(row, y, gray!, header, chunks)
    if (gray && rgbRowToGray(row, gray, y * width, width)) return
    if (gray) {
      rgba = grayToRgba(gray, y * width)
      gray = undefined
    }
    rgbaRow(row, y, rgba!, header, chunks)
  })
  if (gray) return { width, height, channels: 1, data: gray, dpi }
  // Palettes of gray entries and gray pictures with alpha: a quarter of the memory.
  if (isGrayRgba(rgba!, pixels)) return { width, height, channels: 1, data: rgbaToGray(rgba!, pixels), dpi }
  return { width, height, channels: 4, data: rgba!, dpi }
}

/**
 * Whether an 8-bit RGB row's filtered bytes are the same in all three channels. PNG filters work on
 * each channel alone, so when the row above is gray such a row is gray too, and the other way round.
 */
function filteredRowIsGray(row: Uint8Array, width: number): boolean {
  for (let x = 0, i = 1; x < width; x++, i += 3) {
    const r = row[i]!
    if (r !== row[i + 1] || r !== row[i + 2]) return false
  }
  return true
}

/**
 * The R channel of a gray RGB page's rows as gray rows in PNG layout (filter byte first), unfiltered
 * by unfilterRow at one byte per pixel: PNG filters the R channel of an RGB row exactly as it would
 * a gray row, with the pixel to the left and the row above as neighbours. Valid while every row so
 * far passed filteredRowIsGray; the result is only good until the next call.
 */
class RedChannel {
  private row: Uint8Array
  private above: Uint8Array | undefined

  constructor(private readonly width: number) {
    this.row = new Uint8Array(width + 1)
  }

  unfilter(rgbRow: Uint8Array, y: number, file: string): Uint8Array {
    const row = this.row
    row[0] = rgbRow[0]!
    for (let x = 1, i = 1; x <= this.width; x++, i += 3) row[x] = rgbRow[i]!
    unfilterRow(row, this.above, this.width, 1, y, file)
    // Two buffers in turn: this row is the next one's row above.
    this.row = this.above ?? new Uint8Array(this.width + 1)
    this.above = row
    return row.subarray(1)
  }
}

/** False as soon as a pixel is not gray (R = G = B); `gray` is then partly written. */
function rgbRowToGray(row: Uint8Array, gray: Uint8Array, to: number, width: number): boolean {
  for (let x = 0, i = 1; x < width; x++, i += 3) {
    const r = row[i]!
    if (r !== row[i + 1] || r !== row[i + 2]) return false
    gray[to + x] = r
  }
  return true
}

/** The first `pixels` gray pixels as opaque RGBA, in a buffer sized for the whole page. */
function grayToRgba(gray: Uint8Array, pixels: number): Uint8Array {
  const rgba = new Uint8Array(gray.length * 4)
  for (let i = 0, o = 0; i < pixels; i++, o += 4) {
    const v = gray[i]!
    rgba[o] = v
    rgba[o + 1] = v
    rgba[o + 2] = v
    rgba[o + 3] = 255
  }
  return rgba
}

/**
 * Reverses a row's filter in place; byte 0 is the filter type. The first `bpp` bytes have no left
 * neighbour and row 0 has no row above, so those get their own loops rather than a test per byte in
 * the loops that do nearly all the work.
 */
function unfilterRow(
  row: Uint8Array,
  above: Uint8Array | undefined,
  stride: number,
  bpp: number,
  y: number,
  file: string,
): void {
  const filter = row[0]!
  const end = stride + 1
  const first = 1 + bpp
  if (filter === 0) return
  if (filter === 1 || (filter === 4 && !above)) {
    // Paeth with no row above always picks the left neighbour.
    for (let i = first; i < end; i++) row[i] = row[i]! + row[i - bpp]!
  } else if (filter === 2) {
    if (above) for (let i = 1; i < end; i++) row[i] = row[i]! + above[i]!
  } else if (filter === 3) {
    if (!above) {
      for (let i = first; i < end; i++) row[i] = row[i]! + (row[i - bpp]! >> 1)
    } else {
      for (let i = 1; i < first; i++) row[i] = row[i]! + (above[i]! >> 1)
      for (let i = first; i < end; i++) row[i] = row[i]! + ((row[i - bpp]! + above[i]!) >> 1)
    }
  } else if (filter === 4 && above) {
    for (let i = 1; i < first; i++) row[i] = row[i]! + above[i]!
    if (bpp === 1) return unPaethGray(row, above, end)
    for (let i = first; i < end; i++) row[i] = row[i]! + paeth(row[i - bpp]!, above[i]!, above[i - bpp]!)
  } else {
    throw imageError('CORRUPT_FILE', file, `corrupt PNG: unknown filter type ${filter} in row ${y}`)
  }
}

/**
 * Paeth for one byte per pixel (8-bit gray, the common scan), with the left and upper-left
 * neighbours carried in locals: the general loop's three reads a byte made it the slowest step.
 */
function unPaethGray(row: Uint8Array, above: Uint8Array, end: number): void {
  let a = row[1]!
  let c = above[1]!
  for (let i = 2; i < end; i++) {
    const b = above[i]!
    a = (row[i]! + paeth(a, b, c)) & 255
    row[i] = a
    c = b
  }
}

/** PNG's Paeth predictor: whichever of left, above and upper-left is nearest to left + above − upper-left. */
function paeth(a: number, b: number, c: number): number {
  const pa = b > c ? b - c : c - b
  const pb = a > c ? a - c : c - a
  const abc = a + b - 2 * c
  const pc = abc < 0 ? -abc : abc
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** Sample `x` of a row (data from byte 1) at any bit depth, as its full-depth value. */
function sample(row: Uint8Array, x: number, depth: number): number {
  if (depth === 8) return row[1 + x]!
  if (depth === 16) return (row[1 + 2 * x]! << 8) | row[2 + 2 * x]!
  const perByte = 8 / depth
  const byte = row[1 + Math.floor(x / perByte)]!
  const shift = 8 - depth * ((x % perByte) + 1)
  return (byte >> shift) & ((1 << depth) - 1)
}

/** Composites onto white paper, as the canvas path did by drawing onto a white page. */
function onWhite(v: number, alpha: number): number {
  return alpha === 255 ? v : (v * alpha + 255 * (255 - alpha) + 127) / 255
}

function grayRow(row: Uint8Array, y: number, out: Uint8Array, header: PngHeader, chunks: PngChunks): void {
  const { width, colorType } = header
  const depth = chunks.bitDepth
  const max = (1 << depth) - 1
  const trns = chunks.trns
  const transparent = colorType === 0 && trns && trns.length >= 2 ? (trns[0]! << 8) | trns[1]! : -1
  const spp = colorType === 4 ? 2 : 1
  // What scanners and pdftoppm write: 8-bit gray without a transparent level is the row itself.
  if (depth === 8 && spp === 1 && transparent < 0) {
    out.set(row.subarray(1, 1 + width), y * width)
    return
  }
  for (let x = 0, o = y * width; x < width; x++, o++) {
    const g = sample(row, x * spp, depth)
    const v = depth === 16 ? g >> 8 : depth === 8 ? g : Math.round((g * 255) / max)
    if (spp === 2) {
      const a = sample(row, x * 2 + 1, depth)
      out[o] = onWhite(v, depth === 16 ? a >> 8 : a)
    } else {
      out[o] = g === transparent ? 255 : v
    }
  }
}

function rgbaRow(row: Uint8Array, y: number, out: Uint8Array, header: PngHeader, chunks: PngChunks): void {
  const { width, colorType } = header
  const depth = chunks.bitDepth
  const { plte, trns } = chunks
  const key =
    colorType === 2 && trns && trns.length >= 6
      ? [(trns[0]! << 8) | trns[1]!, (trns[2]! << 8) | trns[3]!, (trns[4]! << 8) | trns[5]!]
      : undefined
  const spp = CHANNELS[colorType]!
  const to8 = (v: number) => (depth === 16 ? v >> 8 : v)
  for (let x = 0, o = y * width * 4; x < width; x++, o += 4) {
    let r: number
    let g: number
    let b: number
    let a = 255
    if (colorType === 3) {
      const i = sample(row, x, depth)
      // Out-of-range indexes read as black, as libpng does for broken palettes.
      r = plte?.[i * 3] ?? 0
      g = plte?.[i * 3 + 1] ?? 0
      b = plte?.[i * 3 + 2] ?? 0
      a = trns?.[i] ?? 255
    } else {
      const rs = sample(row, x * spp, depth)
      const gs = sample(row, x * spp + 1, depth)
      const bs = sample(row, x * spp + 2, depth)
      if (colorType === 6) a = to8(sample(row, x * spp + 3, depth))
      else if (key && rs === key[0] && gs === key[1] && bs === key[2]) a = 0
      r = to8(rs)
      g = to8(gs)
      b = to8(bs)
    }
    out[o] = onWhite(r, a)
    out[o + 1] = onWhite(g, a)
    out[o + 2] = onWhite(b, a)
    out[o + 3] = 255
  }
}
