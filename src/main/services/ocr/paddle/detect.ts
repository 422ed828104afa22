import type { BBox } from '../../../../shared/document-text/schema'
import type { GrayImage } from '../../vision'
import { runOne, tensor, type OrtSession } from './onnx'
import { resizeGray } from './resize'

export interface DetectOptions {
  /** Longest side the page is shrunk to for detection (a multiple of 32). */
  maxSide: number
  /** Probability above which a pixel is text. */
  threshold: number
  /** Mean probability a region needs to be kept. */
  boxThreshold: number
  /** How far a region grows back (DB's unclip ratio: area × ratio / perimeter). */
  unclipRatio: number
}

export const DETECT_DEFAULTS: DetectOptions = {
  maxSide: 2016,
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.6,
}

export interface TextBox {
  /** In pixels of the image given to detect(). */
  bbox: BBox
  /** Mean text probability over the region, 0..1. */
  score: number
}

// ImageNet normalisation, as PP-OCR's detector was trained with (per channel; the page is gray).
const MEAN = [0.485, 0.456, 0.406]
const STD = [0.229, 0.224, 0.225]

const roundTo32 = (v: number) => Math.max(32, Math.round(v / 32) * 32)

/** DB text detection: the page's text regions as upright boxes, each a line or a run of words. */
export async function detectText(
  session: OrtSession,
  image: GrayImage,
  options: DetectOptions = DETECT_DEFAULTS,
): Promise<TextBox[]> {
  const scale = Math.min(1, options.maxSide / Math.max(image.width, image.height))
  const w = roundTo32(image.width * scale)
  const h = roundTo32(image.height * scale)
  const gray = resizeGray(
    { data: image.data, stride: image.width, x: 0, y: 0, width: image.width, height: image.height },
    w,
    h,
  )
  const input = new Float32Array(3 * w * h)
  for (let c = 0; c < 3; c++) {
    const plane = c * w * h
    const m = MEAN[c]!
    const s = STD[c]!
    for (let i = 0; i < w * h; i++) input[plane + i] = (gray[i]! / 255 - m) / s
  }
  const out = await runOne(session, tensor(input, [1, 3, h, w]))
  const [, , oh, ow] = out.dims as [number, number, number, number]
  const regions = components(out.data, ow, oh, options.threshold)
  const sx = image.width / ow
  const sy = image.height / oh
  const boxes: TextBox[] = []
  for (const r of regions) {
    const score = r.sum / r.area
    const rw = r.x1 - r.x0 + 1
    const rh = r.y1 - r.y0 + 1
    if (score < options.boxThreshold || Math.min(rw, rh) < 3) continue
    const grow = (r.area * options.unclipRatio) / (2 * (rw + rh))
    const box: BBox = [
      Math.max(0, Math.floor((r.x0 - grow) * sx)),
      Math.max(0, Math.floor((r.y0 - grow) * sy)),
      Math.min(image.width, Math.ceil((r.x1 + 1 + grow) * sx)),
      Math.min(image.height, Math.ceil((r.y1 + 1 + grow) * sy)),
    ]
    if (box[2] - box[0] < 4 || box[3] - box[1] < 4) continue
    boxes.push({ bbox: box, score })
  }
  return boxes
}

interface Region {
  x0: number
  y0: number
  x1: number
  y1: number
  area: number
  sum: number
}

/** 4-connected regions of the map above the threshold, with their extent and probability sum. */
function components(prob: Float32Array, width: number, height: number, threshold: number): Region[] {
  const seen = new Uint8Array(width * height)
  const stack = new Int32Array(width * height)
  const regions: Region[] = []
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || prob[start]! <= threshold) continue
    const r: Region = { x0: width, y0: height, x1: 0, y1: 0, area: 0, sum: 0 }
    let top = 0
    stack[top++] = start
    seen[start] = 1
    while (top > 0) {
      const i = stack[--top]!
      const x = i % width
      const y = (i - x) / width
      r.area++
      r.sum += prob[i]!
      if (x < r.x0) r.x0 = x
      if (x > r.x1) r.x1 = x
      if (y < r.y0) r.y0 = y
      if (y > r.y1) r.y1 = y
      const push = (j: number) => {
        if (!seen[j] && prob[j]! > threshold) {
          seen[j] = 1
          stack[top++] = j
        }
      }
      if (x > 0) push(i - 1)
      if (x < width - 1) push(i + 1)
      if (y > 0) push(i - width)
      if (y < height - 1) push(i + width)
    }
    regions.push(r)
  }
  return regions
}
