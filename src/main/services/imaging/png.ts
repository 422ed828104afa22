import { imageError } from './errors'

export interface PngHeader {
  width: number
  height: number
  /** 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA. */
  colorType: number
  /** True for gray colour types, and for palettes whose every entry is gray. */
  gray: boolean
  /** From pHYs when its unit is the metre; undefined otherwise. */
  declaredDpi: number | undefined
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const METRES_PER_INCH = 0.0254

/**
 * Reads the chunks before the first IDAT without inflating anything, so an image that claims to be
 * huge is refused before any pixel memory exists.
 */
export function readPngHeader(bytes: Uint8Array, file: string): PngHeader {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw imageError('CORRUPT_FILE', file, 'not a valid PNG file (bad signature or truncated header)')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4))
  if (type(12) !== 'IHDR' || view.getUint32(8) !== 13) {
    throw imageError('CORRUPT_FILE', file, 'PNG has no IHDR header chunk')
  }
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  const colorType = bytes[25]!
  if (![0, 2, 3, 4, 6].includes(colorType)) {
    throw imageError('CORRUPT_FILE', file, `PNG colour type ${colorType} is invalid`)
  }
  let gray = colorType === 0 || colorType === 4
  let declaredDpi: number | undefined
  for (let at = 33; at + 8 <= bytes.length;) {
    const length = view.getUint32(at)
    const name = type(at + 4)
    if (name === 'IDAT' || name === 'IEND') break
    const body = at + 8
    if (body + length > bytes.length) break // truncation shows up as a decode error later
    if (name === 'pHYs' && length >= 9 && bytes[body + 8] === 1) {
      declaredDpi = view.getUint32(body) * METRES_PER_INCH
    } else if (name === 'PLTE' && colorType === 3) {
      gray = true
      for (let p = body; p + 2 < body + length; p += 3) {
        if (bytes[p] !== bytes[p + 1] || bytes[p] !== bytes[p + 2]) {
          gray = false
          break
        }
      }
    }
    at = body + length + 4
  }
  return { width, height, colorType, gray, declaredDpi }
}
