import type { BBox, Word } from '../../../../shared/document-text'

export interface PageBox {
  page: number
  bbox: BBox
}

/** Words picked on one page for a field: indexes into the page's words, in reading order. */
export interface Picked {
  page: number
  /** Where a shift-click extends from: the last word picked without shift. */
  anchor: number
  indexes: number[]
}

/**
 * A click picks one word; a shift-click extends from the anchor to the word clicked (either way),
 * as text selection does. A pick on another page starts over there.
 */
export function pickWord(current: Picked | null, page: number, index: number, extend: boolean): Picked {
  if (!extend || !current || current.page !== page) return { page, anchor: index, indexes: [index] }
  const from = Math.min(current.anchor, index)
  const to = Math.max(current.anchor, index)
  return { page, anchor: current.anchor, indexes: Array.from({ length: to - from + 1 }, (_, i) => from + i) }
}

/** The picked words' text as the page reads: one space between words. */
export function pickedText(words: readonly Word[], indexes: readonly number[]): string {
  return indexes
    .map((i) => words[i]?.text ?? '')
    .filter((t) => t !== '')
    .join(' ')
}

const union = (a: BBox, b: BBox): BBox => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
]

/** Do two boxes share most of their height (the same line of text)? */
function sameLine(a: BBox, b: BBox): boolean {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  return overlap > 0.5 * Math.min(a[3] - a[1], b[3] - b[1])
}

/**
 * The evidence boxes of the picked words: one per line they run over, so a value that wraps is
 * boxed line by line and no word between the lines is taken in.
 */
export function lineBoxes(words: readonly Word[], picked: Picked): PageBox[] {
  const boxes: PageBox[] = []
  for (const i of picked.indexes) {
    const word = words[i]
    if (!word) continue
    const last = boxes[boxes.length - 1]
    if (last && sameLine(last.bbox, word.bbox)) last.bbox = union(last.bbox, word.bbox)
    else boxes.push({ page: picked.page, bbox: [...word.bbox] as BBox })
  }
  return boxes
}

/** Words whose centre lies inside one of the boxes on this page: what a saved box highlights. */
export function wordsInBoxes(boxes: readonly PageBox[], page: number, words: readonly Word[]): number[] {
  const here = boxes.filter((b) => b.page === page).map((b) => b.bbox)
  const inside: number[] = []
  words.forEach((w, i) => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2
    const cy = (w.bbox[1] + w.bbox[3]) / 2
    if (here.some(([x0, y0, x1, y1]) => cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1)) inside.push(i)
  })
  return inside
}
