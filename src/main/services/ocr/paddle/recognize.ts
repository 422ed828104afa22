import type { BBox } from '../../../../shared/document-text/schema'
import type { GrayImage } from '../../vision'
import type { OcrWord } from '../types'
import { runOne, tensor, type OrtSession } from './onnx'
import { resizeGray } from './resize'

/** The recogniser's input height. */
export const REC_HEIGHT = 48
/**
 * Lines recognised in one run. Batches of 4 and 8 lines of similar width were measured slower on
 * the linn page than one line at a time (single-threaded onnxruntime; 10.0 s vs 5.4 s for 81 lines).
 */
const BATCH = 1
/** Widest line crop, in model pixels (a line longer than 50 times its height is squeezed). */
const MAX_WIDTH = REC_HEIGHT * 50

export interface RecognizedLine {
  bbox: BBox
  text: string
  /** Mean character confidence 0..100. */
  confidence: number
  words: OcrWord[]
}

interface Decoded {
  char: string
  /** Timestep the character was emitted at (first of its run). */
  first: number
  /** Last timestep of its run. */
  last: number
  prob: number
}

/**
 * Each box cropped from the gray page, resized to the model's height (aspect kept), recognised
 * (in width order, see BATCH) and decoded greedily (CTC). Words are split at spaces and placed along
 * the line in proportion to the timesteps their characters came from.
 */
export async function recognizeLines(
  session: OrtSession,
  characters: readonly string[],
  image: GrayImage,
  boxes: readonly BBox[],
): Promise<RecognizedLine[]> {
  const widths = boxes.map((b) =>
    Math.min(MAX_WIDTH, Math.max(8, Math.round((REC_HEIGHT * (b[2] - b[0])) / Math.max(1, b[3] - b[1])))),
  )
  const order = boxes.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!)
  const results: RecognizedLine[] = new Array(boxes.length)
  for (let start = 0; start < order.length; start += BATCH) {
    const batch = order.slice(start, start + BATCH)
    const padded = Math.ceil(Math.max(...batch.map((i) => widths[i]!)) / 8) * 8
    // Padding is 0 after normalisation (mid-gray), as PaddleOCR pads.
    const input = new Float32Array(batch.length * 3 * REC_HEIGHT * padded)
    batch.forEach((boxIndex, n) => {
      const b = boxes[boxIndex]!
      const w = widths[boxIndex]!
      const gray = resizeGray(
        { data: image.data, stride: image.width, x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1] },
        w,
        REC_HEIGHT,
      )
      const plane = REC_HEIGHT * padded
      for (let y = 0; y < REC_HEIGHT; y++)
        for (let x = 0; x < w; x++) {
          const v = gray[y * w + x]! / 127.5 - 1
          const at = n * 3 * plane + y * padded + x
          input[at] = v
          input[at + plane] = v
          input[at + 2 * plane] = v
        }
    })
    const out = await runOne(session, tensor(input, [batch.length, 3, REC_HEIGHT, padded]))
    const [, steps, classes] = out.dims as [number, number, number]
    if (classes !== characters.length)
      throw new Error(`recogniser has ${classes} classes, the dictionary ${characters.length}`)
    const stepPx = padded / steps
    batch.forEach((boxIndex, n) => {
      const valid = Math.min(steps, Math.ceil(widths[boxIndex]! / stepPx))
      const decoded = decode(out.data, n * steps * classes, valid, classes, characters)
      // Model pixels → page pixels along the line.
      const b = boxes[boxIndex]!
      const toPage = (b[2] - b[0]) / widths[boxIndex]!
      results[boxIndex] = toLine(b, decoded, stepPx * toPage)
    })
  }
  return results
}

function decode(
  probs: Float32Array,
  offset: number,
  steps: number,
  classes: number,
  characters: readonly string[],
): Decoded[] {
  const out: Decoded[] = []
  let previous = 0
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes
    let best = 0
    let bestP = probs[row]!
    for (let c = 1; c < classes; c++) {
      const p = probs[row + c]!
      if (p > bestP) {
        bestP = p
        best = c
      }
    }
    if (best !== 0 && best === previous) {
      const last = out[out.length - 1]!
      last.last = t
      last.prob = Math.max(last.prob, bestP)
    } else if (best !== 0) {
      out.push({ char: normaliseChar(characters[best]!), first: t, last: t, prob: bestP })
    }
    previous = best
  }
  return out
}

/**
 * The Chinese model's dictionary has full-width forms of ASCII punctuation (：，（）); on the desk's
 * documents they stand for the ASCII ones.
 */
function normaliseChar(c: string): string {
  if (c === '。') return '.'
  if (c === '、') return ','
  return c.normalize('NFKC')
}

function toLine(box: BBox, chars: Decoded[], stepPage: number): RecognizedLine {
  const words: OcrWord[] = []
  let current: Decoded[] = []
  const flush = () => {
    if (current.length === 0) return
    const first = current[0]!
    const last = current[current.length - 1]!
    // A character's run is a timestep or two wide; half a step either side covers its ink.
    const x0 = Math.max(box[0], Math.floor(box[0] + (first.first - 0.5) * stepPage))
    const x1 = Math.min(box[2], Math.ceil(box[0] + (last.last + 1.5) * stepPage))
    words.push({
      text: current.map((c) => c.char).join(''),
      bbox: [x0, box[1], Math.max(x0 + 1, x1), box[3]],
      confidence: clamp(100 * mean(current.map((c) => c.prob))),
    })
    current = []
  }
  for (const c of chars) {
    if (c.char.trim() === '') flush()
    else current.push(c)
  }
  flush()
  const printed = chars.filter((c) => c.char.trim() !== '')
  return {
    bbox: box,
    text: words.map((w) => w.text).join(' '),
    confidence: clamp(100 * mean(printed.map((c) => c.prob))),
    words,
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
const clamp = (v: number) => Math.min(100, Math.max(0, v))
