/**
 * Pixels handed between pipeline stages: 8-bit, row-major, no row padding. Gray (1 channel) for
 * gray and bilevel sources because it is a quarter of the memory and what binarisation and OCR
 * want anyway; RGBA (4 channels, opaque) for colour sources; 3 is accepted for producers that have
 * packed RGB.
 */
export interface RasterImage {
  width: number
  height: number
  channels: 1 | 3 | 4
  data: Uint8Array
  /** Pixels per inch the coordinates of this image stand for (see `resolveDpi`). */
  dpi: number
}

/** Used when a file does not state a believable resolution: the usual scanning resolution. */
export const DEFAULT_DPI = 300

/**
 * Declared resolutions outside this range are treated as "not stated": 72 and 96 are screen
 * defaults written by software that knows nothing about paper, and values like 1 or 65535 are junk.
 * Below 100 dpi nothing prints legibly, so a page scanned that coarsely is unlikely.
 */
const MIN_BELIEVABLE_DPI = 100
const MAX_BELIEVABLE_DPI = 2400

export function resolveDpi(declared: number | undefined): number {
  if (declared === undefined || !Number.isFinite(declared)) return DEFAULT_DPI
  if (declared < MIN_BELIEVABLE_DPI || declared > MAX_BELIEVABLE_DPI) return DEFAULT_DPI
  return Math.round(declared)
}

/** ITU-R BT.601 luma in integer arithmetic; alpha is composited onto white paper. */
export function rgbaToGray(rgba: Uint8Array | Uint8ClampedArray, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels)
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    const y = (77 * rgba[j]! + 150 * rgba[j + 1]! + 29 * rgba[j + 2]! + 128) >> 8
    const a = rgba[j + 3]!
    out[i] = a === 255 ? y : (y * a + 255 * (255 - a) + 127) / 255
  }
  return out
}

/** Composites RGBA onto white in place, so transparent regions read as paper rather than black. */
export function flattenAlpha(rgba: Uint8Array, pixels: number): void {
  for (let j = 3, n = pixels * 4; j < n; j += 4) {
    const a = rgba[j]!
    if (a === 255) continue
    const bg = 255 * (255 - a)
    rgba[j - 3] = (rgba[j - 3]! * a + bg + 127) / 255
    rgba[j - 2] = (rgba[j - 2]! * a + bg + 127) / 255
    rgba[j - 1] = (rgba[j - 1]! * a + bg + 127) / 255
    rgba[j] = 255
  }
}

/** True when every pixel has R = G = B, i.e. a colour container holding a gray picture. */
export function isGrayRgba(rgba: Uint8Array | Uint8ClampedArray, pixels: number): boolean {
  for (let j = 0, n = pixels * 4; j < n; j += 4) {
    if (rgba[j] !== rgba[j + 1] || rgba[j] !== rgba[j + 2]) return false
  }
  return true
}
