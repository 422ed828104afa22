/** A gray rectangle of a larger image: the source of a resize. */
export interface GrayRegion {
  data: Uint8Array
  /** Row stride of `data` (the full image's width). */
  stride: number
  x: number
  y: number
  width: number
  height: number
}

interface Taps {
  start: Int32Array
  count: Int32Array
  weights: Float32Array
  size: number
}

/**
 * Weights of a triangle filter from `src` samples onto `dst` ones; when shrinking, the filter widens
 * with the scale, so every source pixel counts (no aliasing of thin strokes at half size).
 */
function taps(src: number, dst: number): Taps {
  const scale = dst / src
  const support = scale < 1 ? 1 / scale : 1
  const size = Math.ceil(support) * 2 + 1
  const start = new Int32Array(dst)
  const count = new Int32Array(dst)
  const weights = new Float32Array(dst * size)
  for (let i = 0; i < dst; i++) {
    const centre = (i + 0.5) / scale - 0.5
    const lo = Math.max(0, Math.floor(centre - support) + 1)
    const hi = Math.min(src - 1, Math.ceil(centre + support) - 1)
    let sum = 0
    let n = 0
    for (let s = lo; s <= hi && n < size; s++, n++) {
      const w = Math.max(0, 1 - Math.abs(s - centre) / support)
      weights[i * size + n] = w
      sum += w
    }
    if (sum === 0) {
      // A sample between two source pixels exactly at the edge: take the nearest.
      start[i] = Math.min(src - 1, Math.max(0, Math.round(centre)))
      count[i] = 1
      weights[i * size] = 1
      continue
    }
    for (let k = 0; k < n; k++) weights[i * size + k]! /= sum
    start[i] = lo
    count[i] = n
  }
  return { start, count, weights, size }
}

/** The region resized to width × height, gray values 0..255 as floats, row-major. */
export function resizeGray(region: GrayRegion, width: number, height: number): Float32Array {
  const h = taps(region.width, width)
  const v = taps(region.height, height)
  // Horizontal pass over the rows the vertical pass needs.
  const rows = new Float32Array(region.height * width)
  for (let y = 0; y < region.height; y++) {
    const base = (region.y + y) * region.stride + region.x
    for (let x = 0; x < width; x++) {
      let acc = 0
      const s = h.start[x]!
      for (let k = 0; k < h.count[x]!; k++) acc += region.data[base + s + k]! * h.weights[x * h.size + k]!
      rows[y * width + x] = acc
    }
  }
  const out = new Float32Array(width * height)
  for (let y = 0; y < height; y++) {
    const s = v.start[y]!
    for (let k = 0; k < v.count[y]!; k++) {
      const w = v.weights[y * v.size + k]!
      const src = (s + k) * width
      const dst = y * width
      for (let x = 0; x < width; x++) out[dst + x]! += rows[src + x]! * w
    }
  }
  return out
}
