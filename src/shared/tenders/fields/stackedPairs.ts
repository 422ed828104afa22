import { boxAround, boxHeight as height, boxMiddle as middle, type BBox } from '../../document-text'
import type { MatchPage } from '../screening'
import { isDebris } from './locate'
import type { WordLabelHit } from './wordLabels'

/**
 * The label heads a stacked pair ("Item Description" over "Laptop Computer…", a portal's printout
 * in unruled columns): the line under it hugs it closer than the lines before and after the pair
 * sit, and what stands to its right across a column gap heads a pair of its own, its value on the
 * same row as this one's. Then the run to the right is the next column's label. A grid of
 * label–value rows spaces its rows evenly and keeps its values right.
 */
export function overStackedValue(page: MatchPage, hit: WordLabelHit, runs: number[][]): boolean {
  const words = page.words
  const run = runs[0]
  if (!run || hit.words.some((w) => /[:：]/.test(words[w]!.text))) return false
  const label = hit.bbox
  const h = height(words[hit.words[0]!]!.bbox)
  const start = words[run[0]!]!.bbox
  if (start[0] - label[2] < 3 * h) return false
  // A colon between them says label and value.
  const colon = words.some(
    (w) =>
      /^[:：]$/.test(w.text) &&
      w.bbox[0] >= label[2] - 0.2 * h &&
      w.bbox[2] <= start[0] &&
      middle(w.bbox) >= label[1] &&
      middle(w.bbox) <= label[3],
  )
  if (colon) return false
  const under = lineUnder(page, label, h)
  const underRun = lineUnder(page, boxAround(run.map((w) => words[w]!.bbox)), h)
  if (!under || !underRun || Math.abs(middle(under.box) - middle(underRun.box)) > 0.5 * h) return false
  // Measured middle to middle: glyph-tight boxes of different words start and end at different
  // heights, their middles much less so.
  const hug = middle(under.box) - middle(label)
  const before = lineAbove(page, label, h, 4)
  const after = lineUnder(page, under.box, h, 4)
  const apart = before
    ? middle(label) - middle(before)
    : after
      ? middle(after.box) - middle(under.box)
      : undefined
  return apart !== undefined && apart > STACKED_SPACING * hug
}

/** A stacked pair's label sits this many times closer to its value than to the pairs around it. */
const STACKED_SPACING = 1.4

/** The first word of the next line down that starts under `box`'s left edge, within `reach` lines. */
function lineUnder(page: MatchPage, box: BBox, h: number, reach = 2): { box: BBox } | undefined {
  const words = page.words
  let first: number | undefined
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    if (Math.abs(b[0] - box[0]) > h || b[1] < box[3] - 0.2 * h || b[1] > box[3] + reach * h) continue
    if (isDebris(words[i]!.text)) continue
    if (first === undefined || b[1] < words[first]!.bbox[1]) first = i
  }
  return first === undefined ? undefined : { box: words[first]!.bbox }
}

/** The last word of a line above `box` that starts at its left edge, within `reach` lines. */
function lineAbove(page: MatchPage, box: BBox, h: number, reach: number): BBox | undefined {
  const words = page.words
  let last: BBox | undefined
  for (const w of words) {
    const b = w.bbox
    if (Math.abs(b[0] - box[0]) > h || b[3] > box[1] + 0.2 * h || b[3] < box[1] - reach * h) continue
    if (isDebris(w.text)) continue
    if (!last || b[3] > last[3]) last = b
  }
  return last
}
