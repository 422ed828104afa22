import type UtifModule from 'utif'
import type { UtifIfd } from 'utif'
import { onFirstUse } from '../modules/onFirstUse'
import { checkPixels, imageError } from './errors'
import { flattenAlpha, isGrayRgba, resolveDpi, rgbaToGray, type RasterImage } from './raster'

/** Loaded with the first TIFF: every document worker and command would otherwise load it (and pako) at start. */
const utif = onFirstUse<typeof UtifModule>('utif')

/** What the IFD says about one page, read without decoding any strip. */
export interface TiffPageInfo {
  index: number
  width: number
  height: number
  compression: number
  photometric: number
  bitsPerSample: number
  samplesPerPixel: number
  planar: number
  xDpi: number | undefined
  yDpi: number | undefined
  /** NewSubfileType bit 0: a reduced-resolution copy (thumbnail), not a page. */
  thumbnail: boolean
}

/** Compressions utif decodes and that were checked against real files. */
const SUPPORTED_COMPRESSION = new Set([1, 3, 4, 5, 6, 7, 8, 32773, 32946])
const COMPRESSION_NAMES: Record<number, string> = {
  2: 'CCITT modified Huffman RLE (2)',
  9: 'JBIG B&W (9)',
  10: 'JBIG colour (10)',
  32809: 'ThunderScan (32809)',
  34661: 'JBIG (34661)',
  34676: 'SGI LogLuv (34676)',
  34712: 'JPEG 2000 (34712)',
  34887: 'ESRI LERC (34887)',
  34925: 'LZMA (34925)',
  50000: 'Zstandard (50000)',
  50001: 'WebP (50001)',
  52546: 'JPEG XL (52546)',
}
/** WhiteIsZero, BlackIsZero, RGB, palette, CMYK, YCbCr. */
const SUPPORTED_PHOTOMETRIC = new Set([0, 1, 2, 3, 5, 6])
const MAX_PAGES = 10_000
const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
}

export function compressionName(code: number): string {
  return COMPRESSION_NAMES[code] ?? `compression ${code}`
}

/**
 * Walks the IFD chain with bounds and cycle checks (utif follows it blindly and loops forever on a
 * cyclic chain), and checks every page's size and compression before any strip is decoded.
 */
export function readTiffPages(bytes: Uint8Array, file: string): TiffPageInfo[] {
  const corrupt = (why: string) => imageError('CORRUPT_FILE', file, `corrupt TIFF: ${why}`)
  if (bytes.length < 8) throw corrupt('file is shorter than a TIFF header')
  const le = bytes[0] === 0x49
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, le)
  const u32 = (at: number) => view.getUint32(at, le)
  if (u16(2) === 43) throw imageError('UNSUPPORTED_FILE', file, 'BigTIFF files are not supported')

  const pages: TiffPageInfo[] = []
  const seen = new Set<number>()
  for (let ifd = u32(4); ifd !== 0;) {
    if (seen.has(ifd)) throw corrupt('the page chain loops')
    if (pages.length >= MAX_PAGES) throw corrupt(`more than ${MAX_PAGES} pages`)
    seen.add(ifd)
    if (ifd + 2 > bytes.length) throw corrupt('page directory points past the end of the file')
    const count = u16(ifd)
    const end = ifd + 2 + count * 12
    if (end + 4 > bytes.length) throw corrupt('page directory is truncated')

    const tags = new Map<number, number[]>()
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12
      const tag = u16(entry)
      const type = u16(entry + 2)
      const n = u32(entry + 4)
      const size = TYPE_SIZES[type]
      if (size === undefined || ![3, 4, 5].includes(type)) continue
      const inline = size * n <= 4
      const at = inline ? entry + 8 : u32(entry + 8)
      if (at + size * n > bytes.length) throw corrupt(`tag ${tag} points past the end of the file`)
      const values: number[] = []
      // Strip tables can be long; only tags read below are materialised.
      if (
        ![254, 256, 257, 258, 259, 262, 273, 277, 279, 282, 283, 284, 296, 322, 323, 324, 325].includes(tag)
      )
        continue
      for (let k = 0; k < n; k++) {
        if (type === 3) values.push(u16(at + 2 * k))
        else if (type === 4) values.push(u32(at + 4 * k))
        else {
          const den = u32(at + 8 * k + 4)
          values.push(den === 0 ? NaN : u32(at + 8 * k) / den)
        }
      }
      tags.set(tag, values)
    }
    const first = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback
    const page: TiffPageInfo = {
      index: pages.length,
      width: first(256, 0),
      height: first(257, 0),
      compression: first(259, 1),
      photometric: first(262, -1),
      bitsPerSample: first(258, 1),
      samplesPerPixel: first(277, 1),
      planar: first(284, 1),
      xDpi: undefined,
      yDpi: undefined,
      thumbnail: (first(254, 0) & 1) === 1,
    }
    const unit = first(296, 2)
    const toDpi = (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? undefined : unit === 3 ? v * 2.54 : unit === 2 ? v : undefined
    page.xDpi = toDpi(tags.get(282)?.[0])
    page.yDpi = toDpi(tags.get(283)?.[0])

    const offsets = tags.get(273) ?? tags.get(324)
    const counts = tags.get(279) ?? tags.get(325)
    if (!page.thumbnail) {
      if (!offsets || offsets.length === 0) throw corrupt(`page ${pages.length + 1} has no image data`)
      offsets.forEach((off, i) => {
        const len = counts?.[i] ?? 0
        if (off + len > bytes.length) throw corrupt(`page ${pages.length + 1} image data is truncated`)
      })
    }
    pages.push(page)
    ifd = u32(end)
  }
  return pages.filter((p) => !p.thumbnail)
}

function checkSupported(page: TiffPageInfo, file: string): void {
  const where = `page ${page.index + 1}`
  if (!SUPPORTED_COMPRESSION.has(page.compression)) {
    throw imageError(
      'UNSUPPORTED_FILE',
      file,
      `TIFF ${where} uses unsupported ${compressionName(page.compression)}`,
      { compression: page.compression },
    )
  }
  if (!SUPPORTED_PHOTOMETRIC.has(page.photometric)) {
    throw imageError(
      'UNSUPPORTED_FILE',
      file,
      `TIFF ${where} uses unsupported colour model ${page.photometric}`,
    )
  }
  if (page.planar === 2 && page.samplesPerPixel > 1) {
    throw imageError('UNSUPPORTED_FILE', file, `TIFF ${where} stores colour planes separately`)
  }
  const grayish = page.photometric <= 1
  const bpsOk = grayish ? [1, 2, 4, 8, 16].includes(page.bitsPerSample) : [8, 16].includes(page.bitsPerSample)
  if (!bpsOk || (page.photometric === 3 && page.bitsPerSample !== 8)) {
    throw imageError('UNSUPPORTED_FILE', file, `TIFF ${where} has ${page.bitsPerSample}-bit samples`)
  }
}

/** Gray and bilevel pages straight from utif's packed rows, skipping the 4× RGBA detour. */
function packedToGray(ifd: UtifIfd, page: TiffPageInfo): Uint8Array {
  const { width, height, bitsPerSample: bps, samplesPerPixel: spp } = page
  const src = ifd.data ?? new Uint8Array(0)
  const out = new Uint8Array(width * height)
  const invert = page.photometric === 0
  const rowBytes = Math.ceil((width * bps * spp) / 8)
  const max = (1 << Math.min(bps, 8)) - 1
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes
    const o = y * width
    for (let x = 0; x < width; x++) {
      let v: number
      if (bps === 8) v = src[row + x * spp] ?? 0
      else if (bps === 16)
        v = src[row + 2 * x * spp + 1] ?? 0 // utif leaves samples little-endian
      else {
        const bit = x * bps
        v = Math.round((((src[row + (bit >> 3)] ?? 0) >> (8 - bps - (bit & 7))) & max) * (255 / max))
      }
      out[o + x] = invert ? 255 - v : v
    }
  }
  return out
}

/** Fax TIFFs are often 204×98 dpi; rows are repeated so the page has square pixels for OCR. */
function squarePixels(image: RasterImage, xDpi: number, yDpi: number): RasterImage {
  const height = Math.round((image.height * xDpi) / yDpi)
  const rowBytes = image.width * image.channels
  const data = new Uint8Array(rowBytes * height)
  for (let y = 0; y < height; y++) {
    const src = Math.min(image.height - 1, Math.floor((y * image.height) / height))
    data.set(image.data.subarray(src * rowBytes, (src + 1) * rowBytes), y * rowBytes)
  }
  return { ...image, height, data }
}

export function decodeTiff(bytes: Uint8Array, file: string, maxPixels: number): RasterImage[] {
  const pages = readTiffPages(bytes, file)
  if (pages.length === 0) throw imageError('CORRUPT_FILE', file, 'TIFF has no pages')
  for (const page of pages) {
    checkSupported(page, file)
    const anisotropic = page.xDpi && page.yDpi ? page.xDpi / page.yDpi : 1
    checkPixels(file, page.width, Math.ceil(page.height * Math.max(1, anisotropic)), maxPixels)
  }

  // A private copy: Buffer.slice shares memory, and utif needs an ArrayBuffer holding just this file.
  const buffer = new Uint8Array(bytes).buffer
  let ifds: UtifIfd[]
  try {
    ifds = utif().decode(buffer)
  } catch (error) {
    throw imageError('CORRUPT_FILE', file, `corrupt TIFF: ${(error as Error).message}`)
  }
  // readTiffPages dropped thumbnails; utif lists every IFD of the chain in the same order.
  const pageIfds = ifds.filter((ifd) => ((ifd.t254 as number[] | undefined)?.[0] ?? 0) % 2 === 0)
  return pages.map((page, i) => {
    const ifd = pageIfds[i]
    if (!ifd) throw imageError('CORRUPT_FILE', file, `corrupt TIFF: page ${i + 1} is unreadable`)
    if (page.compression === 32946) ifd.t259 = [8] // the same zlib stream under its old code
    let image: RasterImage
    try {
      utif().decodeImage(buffer, ifd, ifds)
      image = toRaster(ifd, page)
    } catch (error) {
      throw imageError('CORRUPT_FILE', file, `corrupt TIFF page ${i + 1}: ${(error as Error).message}`)
    }
    const dpi = resolveDpi(page.xDpi)
    image.dpi = dpi
    if (
      page.xDpi &&
      page.yDpi &&
      Math.abs(page.xDpi / page.yDpi - 1) > 0.1 &&
      dpi === Math.round(page.xDpi)
    ) {
      image = squarePixels(image, page.xDpi, page.yDpi)
    }
    return image
  })
}

function toRaster(ifd: UtifIfd, page: TiffPageInfo): RasterImage {
  const { width, height } = page
  if (!ifd.data || ifd.data.length === 0) throw new Error('no pixel data decoded')
  if (page.photometric <= 1) {
    return { width, height, channels: 1, data: packedToGray(ifd, page), dpi: 0 }
  }
  const rgba = utif().toRGBA8(ifd)
  const pixels = width * height
  flattenAlpha(rgba, pixels)
  if (isGrayRgba(rgba, pixels)) return { width, height, channels: 1, data: rgbaToGray(rgba, pixels), dpi: 0 }
  return { width, height, channels: 4, data: rgba, dpi: 0 }
}
