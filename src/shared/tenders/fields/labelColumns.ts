import { boxHeight as height, boxMiddle as middle } from '../../document-text'
import type { MatchPage } from '../screening'

/** A word that ends a label: ":" alone or glued to the label's last word ("Work:"); not a time ("13:00"). */
const ENDS_LABEL = /^[^\d]*[:：]$/
/** Rows a label column must start on: a key–value block lists several pairs one under another. */
const MIN_ROWS = 3

const cache = new WeakMap<MatchPage, number[]>()

/**
 * Left edges where "label :" phrases start on three rows or more: the label columns of a key–value
 * block laid out in two or three columns ("Name of Work : …   Inviting Officer : …"). A label's
 * phrase runs left from its colon over word gaps narrower than a word's height.
 */
export function labelColumnStarts(page: MatchPage): number[] {
  const known = cache.get(page)
  if (known) return known
  const words = page.words
  const starts: { x: number; y: number; h: number }[] = []
  words.forEach((colon, c) => {
    if (!ENDS_LABEL.test(colon.text)) return
    const h = height(colon.bbox)
    const band = words
      .map((w, i) => ({ w, i }))
      .filter(({ w, i }) => i !== c && w.bbox[2] <= colon.bbox[0] + 0.5 * h)
      .filter(({ w }) => Math.abs(middle(w.bbox) - middle(colon.bbox)) < 0.5 * h)
      .sort((a, b) => b.w.bbox[0] - a.w.bbox[0])
    // A colon glued to the label ends it; a lone one may stand in a column of colons of its own,
    // any distance from the label's last word.
    let start = colon.text.length > 1 ? colon.bbox : undefined
    let left = colon.bbox[0]
    for (const { w } of band) {
      if (start && left - w.bbox[2] > h) break
      start = w.bbox
      left = w.bbox[0]
    }
    if (start) starts.push({ x: start[0], y: middle(start), h })
  })
  const columns: number[] = []
  for (const s of starts) {
    const rowsHere = new Set(
      starts.filter((o) => Math.abs(o.x - s.x) < 0.5 * s.h).map((o) => Math.round(o.y / s.h)),
    )
    if (rowsHere.size >= MIN_ROWS && !columns.some((x) => Math.abs(x - s.x) < 0.5 * s.h)) columns.push(s.x)
  }
  cache.set(page, columns)
  return columns
}

/**
 * A run of words beside a label, cut where a second "label :" pair on the row begins: at a word
 * standing on a label column with a label's colon after it on its row (the run itself may have
 * left the colon out as punctuation).
 */
export function cutAtNextLabel(page: MatchPage, run: readonly number[]): number[][] {
  const columns = labelColumnStarts(page)
  if (columns.length === 0) return [[...run]]
  const words = page.words
  for (let k = 1; k < run.length; k++) {
    const b = words[run[k]!]!.bbox
    const h = height(b)
    if (!columns.some((x) => Math.abs(b[0] - x) < 0.5 * h)) continue
    const colonAfter = words.some(
      (w) => ENDS_LABEL.test(w.text) && w.bbox[0] >= b[0] && Math.abs(middle(w.bbox) - middle(b)) < 0.5 * h,
    )
    if (colonAfter) return [run.slice(0, k), run.slice(k)]
  }
  return [[...run]]
}
