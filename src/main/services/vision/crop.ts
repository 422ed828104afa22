import type { Rotation } from './analyse'
import { grayToMat, loadCv, withMats } from './cv'
import type { GrayImage } from './raster'
import { apply, compose, deskewMap, quarterTurn, type Affine } from './transform'

export interface CropOptions {
  /** How the page was turned and deskewed before it was read (PageText.rotation, skewDeg). */
  rotation: Rotation
  skewDeg: number
  /** Output pixels per page pixel. */
  scale: number
  /** White space kept around the box, in page pixels: [left/right, top/bottom]. */
  margin: [number, number]
  /** 3×3 median on the page pixels first (the page was read denoised). */
  denoise?: boolean
  /** Paint out ruling lines across the crop and specks outside its text (eraseRules, dropSpecks). */
  clean?: boolean
}

/**
 * One box of a page (page pixels, as PageText's word boxes) as the OCR engine saw it: turned upright
 * and deskewed the way the page was, with a margin, scaled up (cubic), paper-white outside the page.
 * Only the pixels around the box are copied, so a crop costs the same on any page size.
 */
export function cropTurned(
  page: GrayImage,
  box: readonly [number, number, number, number],
  options: CropOptions,
): GrayImage {
  const { rotation, skewDeg, scale } = options
  // The map preprocess() used, original page → the upright, deskewed page OCR read.
  const [turn, width, height] = quarterTurn(rotation, page.width, page.height)
  const map = skewDeg !== 0 ? compose(deskewMap(skewDeg, width, height)[0], turn) : turn
  const quarter = rotation === 90 || rotation === 270
  const w = quarter ? box[3] - box[1] : box[2] - box[0]
  const h = quarter ? box[2] - box[0] : box[3] - box[1]
  const [mx, my] = options.margin
  const [cx, cy] = apply(map, (box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
  const outW = Math.max(1, Math.round((w + 2 * mx) * scale))
  const outH = Math.max(1, Math.round((h + 2 * my) * scale))
  // Only the page pixels the output can sample: the box, its margin and the tilt's slack.
  const slack = Math.ceil(Math.max(mx, my) + (w + h) * Math.abs(Math.sin((skewDeg * Math.PI) / 180)) + 3)
  const rx0 = Math.max(0, Math.floor(box[0] - slack))
  const ry0 = Math.max(0, Math.floor(box[1] - slack))
  const rx1 = Math.min(page.width, Math.ceil(box[2] + slack))
  const ry1 = Math.min(page.height, Math.ceil(box[3] + slack))
  if (rx1 - rx0 < 1 || ry1 - ry0 < 1) throw new Error(`box ${box.join(',')} is outside the page`)
  const rw = rx1 - rx0
  const rh = ry1 - ry0
  const region = new Uint8Array(rw * rh)
  for (let y = 0; y < rh; y++)
    region.set(page.data.subarray((ry0 + y) * page.width + rx0, (ry0 + y) * page.width + rx1), y * rw)
  // region pixel → page → upright page → output: out = scale·(M·(q + r) − c + (w/2 + mx, h/2 + my)).
  const shifted = compose(map, { a: 1, b: 0, c: 0, d: 1, e: rx0, f: ry0 })
  const m: Affine = {
    a: scale * shifted.a,
    b: scale * shifted.b,
    c: scale * shifted.c,
    d: scale * shifted.d,
    e: scale * (shifted.e - cx + w / 2 + mx),
    f: scale * (shifted.f - cy + h / 2 + my),
  }
  const cv = loadCv()
  return withMats((track) => {
    let input = track(grayToMat(cv, region, rw, rh))
    if (options.denoise) {
      const clean = track(new cv.Mat())
      cv.medianBlur(input, clean, 3)
      input = clean
    }
    // OpenCV samples at pixel centres: shift the edge-based map by half a pixel on both sides.
    const e = m.a * 0.5 + m.b * 0.5 + m.e - 0.5
    const f = m.c * 0.5 + m.d * 0.5 + m.f - 0.5
    const mat = track(cv.matFromArray(2, 3, cv.CV_64F, [m.a, m.b, e, m.c, m.d, f]))
    const out = track(new cv.Mat())
    cv.warpAffine(
      input,
      out,
      mat,
      new cv.Size(outW, outH),
      cv.INTER_CUBIC,
      cv.BORDER_CONSTANT,
      new cv.Scalar(255),
    )
    const crop: GrayImage = {
      width: out.cols,
      height: out.rows,
      channels: 1,
      data: out.data.slice(0, out.cols * out.rows),
      dpi: Math.round((page.dpi || 300) * scale),
    }
    if (options.clean) {
      eraseRules(crop)
      dropSpecks(crop)
    }
    return crop
  })
}

/** Share of a crop's height (width) a line must be dark over to be a ruling line. */
const RULE_SPAN = 0.8
/** Steepest tilt looked for, as a share of the line's length (a page deskewed to within ~3°). */
const RULE_TILT = 0.05

/**
 * Paints white, in place, every straight dark line that crosses nearly the whole crop, upright or
 * across, tilted a little (what deskewing left): the ruling lines of a table cell, which a crop around
 * a value takes in when the page's reading did ("|0.005", or a "1" before the number). Glyphs never
 * span the crop's margins, so text is left alone, except where it touches a line.
 */
export function eraseRules(image: GrayImage, dark = 180): void {
  eraseLines(image, true, dark)
  eraseLines(image, false, dark)
}

function eraseLines(image: GrayImage, upright: boolean, dark: number): void {
  const { width, height, data } = image
  // Along a line: t in [0, length); across: p in [0, breadth).
  const length = upright ? height : width
  const breadth = upright ? width : height
  const index = (p: number, t: number) => (upright ? t * width + p : p * width + t)
  const maxShift = Math.ceil(length * RULE_TILT)
  const need = Math.ceil(length * RULE_SPAN)
  const found: { p0: number; shift: number }[] = []
  for (let p0 = -maxShift; p0 < breadth + maxShift; p0++) {
    for (let shift = -maxShift; shift <= maxShift; shift++) {
      let count = 0
      for (let t = 0; t < length && count + (length - t) >= need; t++) {
        const p = Math.round(p0 + (shift * t) / length)
        if (p >= 0 && p < breadth && data[index(p, t)]! < dark) count++
      }
      if (count >= need) found.push({ p0, shift })
    }
  }
  if (found.length === 0) return
  // Erase the dark run across each line at every step along it, up to the line's usual thickness.
  for (const { p0, shift } of found) {
    const runs: [number, number][] = []
    for (let t = 0; t < length; t++) {
      const p = Math.round(p0 + (shift * t) / length)
      if (p < 0 || p >= breadth || data[index(p, t)]! >= dark) {
        runs.push([p, p - 1])
        continue
      }
      let a = p
      let b = p
      while (a > 0 && data[index(a - 1, t)]! < 235) a--
      while (b + 1 < breadth && data[index(b + 1, t)]! < 235) b++
      runs.push([a, b])
    }
    const widths = runs.map(([a, b]) => b - a + 1).filter((w) => w > 0)
    const thick = widths.sort((x, y) => x - y)[Math.floor(widths.length / 2)] ?? 1
    runs.forEach(([a, b], t) => {
      if (b < a) return
      const p = Math.round(p0 + (shift * t) / length)
      // Where a glyph touches the line, only the line's own thickness goes.
      const [from, to] = b - a + 1 > thick * 2 ? [p - thick, p + thick] : [a, b]
      for (let q = Math.max(0, from); q <= Math.min(breadth - 1, to); q++) data[index(q, t)] = 255
    })
  }
}

/**
 * Paints white, in place, the small marks outside the band the text stands in: specks of scanner
 * dust in the margin of a crop, which a one-line reading takes for a "1", "." or "-". A mark counts
 * as text when it is at least 40 % as tall as the tallest; a smaller one (a decimal point, the
 * circles of a "%", a minus) stays when it lies within the text's band, widened by a fifth of its
 * height.
 */
export function dropSpecks(image: GrayImage, dark = 160): void {
  const { width, height, data } = image
  const label = new Int32Array(width * height).fill(-1)
  const boxes: { x0: number; y0: number; x1: number; y1: number; pixels: number[] }[] = []
  const stack: number[] = []
  for (let start = 0; start < width * height; start++) {
    if (label[start] !== -1 || data[start]! >= dark) continue
    const id = boxes.length
    const box = { x0: width, y0: height, x1: -1, y1: -1, pixels: [] as number[] }
    label[start] = id
    stack.push(start)
    while (stack.length > 0) {
      const i = stack.pop()!
      const x = i % width
      const y = (i - x) / width
      box.pixels.push(i)
      box.x0 = Math.min(box.x0, x)
      box.x1 = Math.max(box.x1, x)
      box.y0 = Math.min(box.y0, y)
      box.y1 = Math.max(box.y1, y)
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx
          const ny = y + dy
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue
          const j = ny * width + nx
          if (label[j] === -1 && data[j]! < dark) {
            label[j] = id
            stack.push(j)
          }
        }
    }
    boxes.push(box)
  }
  if (boxes.length === 0) return
  const tallest = Math.max(...boxes.map((b) => b.y1 - b.y0 + 1))
  const text = boxes.filter((b) => b.y1 - b.y0 + 1 >= tallest * 0.4)
  const pad = tallest * 0.2
  const band = {
    x0: Math.min(...text.map((b) => b.x0)) - pad,
    x1: Math.max(...text.map((b) => b.x1)) + pad,
    y0: Math.min(...text.map((b) => b.y0)) - pad,
    y1: Math.max(...text.map((b) => b.y1)) + pad,
  }
  for (const b of boxes) {
    if (text.includes(b)) continue
    const inside = b.x0 >= band.x0 && b.x1 <= band.x1 && b.y0 >= band.y0 && b.y1 <= band.y1
    if (inside) continue
    // The mark and the gray fringe around it.
    for (const i of b.pixels) data[i] = 255
    for (let y = Math.max(0, b.y0 - 2); y <= Math.min(height - 1, b.y1 + 2); y++)
      for (let x = Math.max(0, b.x0 - 2); x <= Math.min(width - 1, b.x1 + 2); x++)
        if (label[y * width + x] === -1 || label[y * width + x] === boxes.indexOf(b))
          data[y * width + x] = 255
  }
}
