import { grayToMat, loadCv, withMats } from './cv'
import type { GrayImage } from './raster'

/**
 * Character-sized connected components of a page, measured on a downscaled Otsu-binarised copy.
 * Orientation and skew are both read from where characters sit, so photos, rules and frames (too big)
 * and specks (too small) are dropped first; they would otherwise dominate any projection profile.
 */
export interface TextComponents {
  /** Working-image pixels per original pixel (≤ 1). */
  scale: number
  width: number
  height: number
  count: number
  /** Centre and size per component, in working pixels. */
  cx: Float32Array
  cy: Float32Array
  w: Float32Array
  h: Float32Array
  /** Median of min(w, h): a script-neutral stand-in for stroke-to-character size. */
  unit: number
}

/**
 * About 150 dpi for a 300-dpi A4 page: enough for line structure, fast to label. Pages are shrunk by
 * a whole factor (2 for 300 dpi, 4 for 600), which is a plain box average: OpenCV's resize to an
 * arbitrary size cost ~70 ms a page in wasm, the box average ~10 ms in JavaScript.
 */
const WORKING_MAX_SIDE = 1700

export function findTextComponents(image: GrayImage): TextComponents {
  const cv = loadCv()
  const factor = Math.max(1, Math.round(Math.max(image.width, image.height) / WORKING_MAX_SIDE))
  const small = factor > 1 ? boxShrink(image, factor) : image
  return withMats((track) => {
    const src = track(grayToMat(cv, small.data, small.width, small.height))
    const bin = track(new cv.Mat())
    cv.threshold(src, bin, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU)
    const labels = track(new cv.Mat())
    const stats = track(new cv.Mat())
    const centroids = track(new cv.Mat())
    const n = cv.connectedComponentsWithStats(bin, labels, stats, centroids, 8, cv.CV_32S)
    return selectCharacters(stats.data32S, n, small.width, small.height, 1 / factor)
  })
}

/** Each `factor`×`factor` block's mean (rounded); a partial block at the right or bottom edge is dropped. */
function boxShrink(image: GrayImage, factor: number): GrayImage {
  const width = Math.floor(image.width / factor)
  const height = Math.floor(image.height / factor)
  const out = new Uint8Array(width * height)
  const src = image.data
  if (factor === 2) {
    // A 300-dpi page, nearly every scan: four reads a pixel without the general loop's bookkeeping.
    for (let y = 0; y < height; y++) {
      const top = 2 * y * image.width
      const bottom = top + image.width
      const row = y * width
      for (let x = 0, i = 0; x < width; x++, i += 2)
        out[row + x] = (src[top + i]! + src[top + i + 1]! + src[bottom + i]! + src[bottom + i + 1]! + 2) >> 2
    }
    return { width, height, channels: 1, data: out, dpi: image.dpi / factor }
  }
  const sums = new Uint32Array(width)
  const area = factor * factor
  const half = area >> 1
  for (let y = 0; y < height; y++) {
    sums.fill(0)
    for (let dy = 0; dy < factor; dy++) {
      let i = (y * factor + dy) * image.width
      for (let x = 0; x < width; x++) {
        let sum = 0
        for (let dx = 0; dx < factor; dx++) sum += src[i++]!
        sums[x]! += sum
      }
    }
    const row = y * width
    for (let x = 0; x < width; x++) out[row + x] = ((sums[x]! + half) / area) | 0
  }
  return { width, height, channels: 1, data: out, dpi: image.dpi / factor }
}

function selectCharacters(
  s: Int32Array,
  n: number,
  width: number,
  height: number,
  scale: number,
): TextComponents {
  // stats rows: left, top, width, height, area; label 0 is the background.
  const minSides: number[] = []
  for (let i = 1; i < n; i++) {
    const w = s[i * 5 + 2]!
    const h = s[i * 5 + 3]!
    if (s[i * 5 + 4]! >= 4) minSides.push(Math.min(w, h))
  }
  minSides.sort((a, b) => a - b)
  const unit = Math.max(1, minSides[minSides.length >> 1] ?? 1)
  const cx = new Float32Array(n)
  const cy = new Float32Array(n)
  const cw = new Float32Array(n)
  const ch = new Float32Array(n)
  let count = 0
  for (let i = 1; i < n; i++) {
    const x = s[i * 5]!
    const y = s[i * 5 + 1]!
    const w = s[i * 5 + 2]!
    const h = s[i * 5 + 3]!
    const area = s[i * 5 + 4]!
    const lo = Math.min(w, h)
    const hi = Math.max(w, h)
    if (area < 4 || hi < unit * 0.5) continue
    // Whole words are single components in scripts with a headline (Devanagari), hence the long limit.
    if (lo > unit * 4 || hi > unit * 20) continue
    // Solid blobs (filled boxes, photo fragments) are not glyphs.
    if (area > 0.9 * w * h && lo > unit * 1.5) continue
    cx[count] = x + w / 2
    cy[count] = y + h / 2
    cw[count] = w
    ch[count] = h
    count++
  }
  return {
    scale,
    width,
    height,
    count,
    cx: cx.subarray(0, count),
    cy: cy.subarray(0, count),
    w: cw.subarray(0, count),
    h: ch.subarray(0, count),
    unit,
  }
}
