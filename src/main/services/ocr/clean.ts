import type { PageText } from '../../../shared/document-text/schema'
import type { GrayImage } from '../vision'

/** When OCR runs the clean pass (settings.ocr.clean): by the rule below, never, or on every page. */
export type CleanMode = 'auto' | 'never' | 'always'

/**
 * A first pass below this mean word confidence is read again cleaned. Measured with best_int on the
 * corpus (bench:ocr's cleanStep, and the scans below): printed scans read at 84–95 (ocrmypdf ccitt,
 * jbig2, epson, typewriter, linn, francais, c02-22, phototest, unlv, a COA and a tender scan); the
 * receipt photo sroie_005 at 71, where cleaning costs a pass but is not kept.
 */
export const CLEAN_BELOW_CONFIDENCE = 80

/**
 * Mean confidence alone misses the page that needs cleaning most: under a shadow tesseract reads
 * the lit half confidently (90) and drops the dark half (CER 49%). So a page whose paper is lit
 * this unevenly (gray levels between its lighter and darker parts, see paperSpread) is cleaned too.
 * Measured: corpus scans 0–33 (a receipt photo), linn pages under an 80–150-level shadow 64–120.
 */
export const UNEVEN_PAPER = 45

/** Blocks of about a quarter inch: bigger than a letter, so each holds paper. */
const NO_PAPER = 64

const BLOCK_INCH = 0.25

/**
 * How unevenly the page's paper is lit: the paper level of each block (its 90th-percentile gray),
 * and the spread between the lighter and darker blocks (90th minus 10th percentile of those), so
 * a photo or a dark table header on a few blocks does not count.
 */
export function paperSpread(image: GrayImage): number {
  const { width, height, data } = image
  const block = Math.max(16, Math.round((image.dpi || 300) * BLOCK_INCH))
  const levels: number[] = []
  const hist = new Uint32Array(256)
  for (let by = 0; by + block <= height; by += block) {
    for (let bx = 0; bx + block <= width; bx += block) {
      hist.fill(0)
      // Every other pixel of every other row: a quarter of the work, the same percentile.
      for (let y = by; y < by + block; y += 2) {
        const row = y * width
        for (let x = bx; x < bx + block; x += 2) hist[data[row + x]!]! += 1
      }
      const level = percentile(hist, 0.9)
      // No paper in this block (a black scanner border, a photo): it says nothing about lighting.
      if (level >= NO_PAPER) levels.push(level)
    }
  }
  if (levels.length < 4) return 0
  levels.sort((a, b) => a - b)
  const at = (q: number) => levels[Math.min(levels.length - 1, Math.floor(q * levels.length))]!
  return at(0.9) - at(0.1)
}

function percentile(hist: Uint32Array, q: number): number {
  let total = 0
  for (const n of hist) total += n
  const want = q * total
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += hist[v]!
    if (seen >= want) return v
  }
  return 255
}

/**
 * What a pass read, for choosing between passes: characters weighted by the engine's confidence.
 * Mean confidence would prefer a pass that reads half the page well over one that reads all of it
 * a little less surely (measured on a shadowed linn page: 90 vs 79 mean, CER 62% vs 19%).
 */
export function confidentChars(page: Pick<PageText, 'words'>): number {
  let sum = 0
  for (const w of page.words) sum += (Array.from(w.text).length * w.confidence) / 100
  return sum
}
