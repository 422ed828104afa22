import { sniffMediaType } from '../../../shared/files/sniff'
import { decodeWithCanvas } from './canvasDecode'
import { checkPixels, imageError } from './errors'
import { readJpegHeader } from './jpeg'
import { readPngHeader } from './png'
import { checkPngStream, readPngChunks } from './pngCheck'
import { decodePng } from './pngDecode'
import { resolveDpi, type RasterImage } from './raster'
import { decodeTiff } from './tiff'

export interface DecodeImageOptions {
  /** Shown at the start of every error message. */
  file: string
  /** Refused from the header, before pixel memory is allocated (per page for TIFF). */
  maxPixels: number
}

/** 50 MP: an A3 page at 600 dpi is 35 MP; an A4 page at 300 dpi is 8.7 MP. */
export const DEFAULT_MAX_PIXELS = 50_000_000

/** One RasterImage per page (multi-page TIFF) or one for PNG and JPEG. */
export async function decodeImage(bytes: Uint8Array, opts: DecodeImageOptions): Promise<RasterImage[]> {
  const { file, maxPixels } = opts
  if (bytes.length === 0) throw imageError('CORRUPT_FILE', file, 'the file is empty')
  const type = sniffMediaType(bytes.subarray(0, 16))
  if (type === 'image/png') {
    const h = readPngHeader(bytes, file)
    checkPixels(file, h.width, h.height, maxPixels)
    const chunks = readPngChunks(bytes, file, h)
    const dpi = resolveDpi(h.declaredDpi)
    const image = await decodePng(file, { ...h, dpi }, chunks)
    if (image) return [image]
    // Only after the stream proved sound: Skia crashes the process on some malformed PNGs.
    await checkPngStream(bytes, file, h)
    return [await decodeWithCanvas(bytes, file, { ...h, dpi, format: 'PNG' })]
  }
  if (type === 'image/jpeg') {
    const h = readJpegHeader(bytes, file)
    checkPixels(file, h.width, h.height, maxPixels)
    const gray = h.components === 1
    const dpi = resolveDpi(h.declaredDpi)
    return [await decodeWithCanvas(bytes, file, { ...h, gray, dpi, format: 'JPEG' })]
  }
  if (type === 'image/tiff') return decodeTiff(bytes, file, maxPixels)
  throw imageError('UNSUPPORTED_FILE', file, 'not a PNG, JPEG or TIFF image')
}

/**
 * Pages in a PNG or JPEG (always one) after the header, size and container checks `decodeImage`
 * makes, without decoding pixels; undefined for TIFF, whose pages are only known by reading them.
 * Lets a survey count an image's pages without a full decode that the OCR task repeats anyway. A
 * PNG's compressed stream is not inflated here either (it cost as much as inflating it to read): the
 * OCR task's decode finds a broken stream and fails the document with the same CORRUPT_FILE error.
 */
export async function countImagePages(
  bytes: Uint8Array,
  opts: DecodeImageOptions,
): Promise<number | undefined> {
  const { file, maxPixels } = opts
  if (bytes.length === 0) throw imageError('CORRUPT_FILE', file, 'the file is empty')
  const type = sniffMediaType(bytes.subarray(0, 16))
  if (type === 'image/png') {
    const h = readPngHeader(bytes, file)
    checkPixels(file, h.width, h.height, maxPixels)
    readPngChunks(bytes, file, h)
    return 1
  }
  if (type === 'image/jpeg') {
    const h = readJpegHeader(bytes, file)
    checkPixels(file, h.width, h.height, maxPixels)
    return 1
  }
  if (type === 'image/tiff') return undefined
  throw imageError('UNSUPPORTED_FILE', file, 'not a PNG, JPEG or TIFF image')
}
