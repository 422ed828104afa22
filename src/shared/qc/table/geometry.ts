import type { BBox, PageText } from '../../document-text'

/** A word in the deskewed frame of its page, keeping the original box for highlighting. */
export interface Token {
  index: number
  text: string
  bbox: BBox
  confidence: number
  x0: number
  x1: number
  cy: number
  h: number
}

export interface PageLine {
  tokens: Token[]
  cy: number
  top: number
  bottom: number
}

/**
 * The page's residual skew, measured from the OCR lines themselves (the slope of word centres along
 * each line). Boxes come back in the original page frame, so on a page scanned at 3° one table row
 * drifts by a row height across the page unless it is rotated back.
 */
export function wordSkew(page: PageText): number {
  const slopes: number[] = []
  for (const line of page.lines) {
    const words = line.wordIndexes.map((i) => page.words[i]).filter((w) => w !== undefined)
    if (words.length < 3) continue
    const xs = words.map((w) => (w.bbox[0] + w.bbox[2]) / 2)
    const ys = words.map((w) => w.bbox[3])
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length
    const my = ys.reduce((a, b) => a + b, 0) / ys.length
    let num = 0
    let den = 0
    xs.forEach((x, k) => {
      num += (x - mx) * (ys[k]! - my)
      den += (x - mx) ** 2
    })
    if (den > 0 && Math.max(...xs) - Math.min(...xs) > page.width * 0.2) slopes.push(num / den)
  }
  if (slopes.length === 0) return 0
  slopes.sort((a, b) => a - b)
  return Math.atan(slopes[Math.floor(slopes.length / 2)]!)
}

export function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * OCR reads dust and speckles on a scan as short runs of punctuation ("~~", "oo", "©:"), read with
 * low confidence: a word without a letter or digit, or a scrap of two characters at most. Kept, such
 * words split header lines and push cells into the wrong column.
 */
function isSpeckle(word: { text: string; confidence: number }): boolean {
  const text = word.text.trim()
  // A confidently read lone "-" or "/" is part of a cell ("Zinc - QC WI"); dust is read unsure.
  if (!/[\p{L}\p{N}]/u.test(text)) return word.confidence < 50
  return word.confidence < 40 && text.length <= 2
}

/** Words rotated by -angle about the page centre, as tokens. */
export function tokensOf(page: PageText, angle: number): Token[] {
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const cx0 = page.width / 2
  const cy0 = page.height / 2
  return page.words
    .map((w, index): Token | undefined => {
      if (w.text.trim() === '' || isSpeckle(w)) return undefined
      const [x0, y0, x1, y1] = w.bbox
      const mx = (x0 + x1) / 2 - cx0
      const my = (y0 + y1) / 2 - cy0
      const rx = mx * cos + my * sin + cx0
      const ry = -mx * sin + my * cos + cy0
      const width = x1 - x0
      // An axis-aligned box around a tilted word is taller than the word by width·sin(angle).
      const h = Math.max(1, y1 - y0 - Math.abs(width * sin))
      return {
        index,
        text: w.text,
        bbox: w.bbox,
        confidence: w.confidence,
        x0: rx - width / 2,
        x1: rx + width / 2,
        cy: ry,
        h,
      }
    })
    .filter((t): t is Token => t !== undefined)
}

/** Physical text lines: words whose centres sit within half a word height of each other. */
export function groupLines(tokens: Token[], wordHeight: number): PageLine[] {
  const sorted = [...tokens].sort((a, b) => a.cy - b.cy)
  const lines: PageLine[] = []
  for (const t of sorted) {
    const line = lines[lines.length - 1]
    if (line && Math.abs(t.cy - line.cy) < wordHeight * 0.5) {
      line.tokens.push(t)
      line.cy = line.tokens.reduce((a, b) => a + b.cy, 0) / line.tokens.length
    } else {
      lines.push({ tokens: [t], cy: t.cy, top: 0, bottom: 0 })
    }
  }
  for (const line of lines) {
    line.tokens.sort((a, b) => a.x0 - b.x0)
    line.top = Math.min(...line.tokens.map((t) => t.cy - t.h / 2))
    line.bottom = Math.max(...line.tokens.map((t) => t.cy + t.h / 2))
  }
  return lines
}

/** Splits a line where the space between words is wider than `gap`: one phrase per table cell. */
export function phrases(tokens: Token[], gap: number): Token[][] {
  const out: Token[][] = []
  for (const t of tokens) {
    const last = out[out.length - 1]
    const prev = last?.[last.length - 1]
    if (last && prev && t.x0 - prev.x1 <= gap) last.push(t)
    else out.push([t])
  }
  return out
}

export function textOf(tokens: Token[]): string {
  return tokens.map((t) => t.text).join(' ')
}

export function unionBox(tokens: { bbox: BBox }[]): BBox {
  return [
    Math.min(...tokens.map((t) => t.bbox[0])),
    Math.min(...tokens.map((t) => t.bbox[1])),
    Math.max(...tokens.map((t) => t.bbox[2])),
    Math.max(...tokens.map((t) => t.bbox[3])),
  ]
}
