import { boxHeight as height, type BBox, type Word } from '../../document-text'
import { normaliseWord, tokenise, union, type MatchPage, type PreparedText } from '../screening'

export interface LabelHit {
  page: number
  /** Word indexes of the label on its page. */
  words: number[]
  bbox: BBox
  /** Where the label ends in the compact text (to search on after it). */
  end: number
}

export function compactLabel(label: string): string {
  return tokenise(normaliseWord(label))
    .map((t) => t.text)
    .join('')
}

/**
 * Occurrences of a label, matched on the compact token text so "Date/Time", "Date / Time" and
 * "DateTime" all count. A label may stop up to two characters short of its word's end, because
 * OCR glues short words on ("Amountin¥" for "Amount in ₹").
 */
export function findLabels(prepared: PreparedText, label: string, from = 0, until = Infinity): LabelHit[] {
  const needle = compactLabel(label)
  const { text, tokenStart, tokenOf } = prepared.plain
  const hits: LabelHit[] = []
  if (needle.length === 0) return hits
  for (let at = text.indexOf(needle, from); at >= 0 && at < until; at = text.indexOf(needle, at + 1)) {
    if (!tokenStart[at]) continue
    const end = at + needle.length
    let next = end
    while (next < text.length && !tokenStart[next]) next++
    if (next - end > 2) continue
    const first = prepared.tokens[tokenOf[at]!]!
    const last = prepared.tokens[tokenOf[end - 1]!]!
    if (first.page !== last.page) continue
    const words = new Set<number>()
    for (let t = tokenOf[at]!; t <= tokenOf[end - 1]!; t++)
      for (const w of prepared.tokens[t]!.words) words.add(w)
    const page = prepared.pages.find((p) => p.page === first.page)
    if (!page) continue
    const list = [...words]
    hits.push({ page: first.page, words: list, bbox: union(list.map((w) => page.words[w]!.bbox)), end })
  }
  return hits
}

/**
 * A "word" with no letter, digit, currency sign, hyphen, comma, slash, & or %: table rules and scanner
 * dirt read by OCR ("|", "—", "~~", "."). It is never a value, and its tall box would join rows that are not one cell.
 */
export function isDebris(text: string): boolean {
  return !/[\p{L}\p{N}₹$&%/,-]/u.test(text)
}

/** Two letters or fewer and no digit, or a lone mark: not the start of a value when more follows. */
function isStray(text: string): boolean {
  if (UNIT_WORD.test(text)) return false
  return isDebris(text) || (!/\d/.test(text) && text.replace(/[^\p{L}]/gu, '').length <= 2)
}

/** "in ₹", "(Rs.)": the unit closing a label's cell (see read.ts withUnitTail). */
const UNIT_WORD = /^[(:]*(?:in|₹|rs|inr|rupees)[.):]*$/i

const centre = (b: BBox) => (b[1] + b[3]) / 2

interface Row {
  top: number
  bottom: number
  words: number[]
}

function rowsOf(words: readonly Word[], indexes: number[]): Row[] {
  const sorted = [...indexes].sort((a, b) => centre(words[a]!.bbox) - centre(words[b]!.bbox))
  const rows: Row[] = []
  for (const i of sorted) {
    const b = words[i]!.bbox
    const row = rows.at(-1)
    // Against the row's height too, so a dash a few pixels tall does not start a row of its own.
    if (row && centre(b) - (row.top + row.bottom) / 2 < 0.5 * Math.max(height(b), row.bottom - row.top)) {
      row.words.push(i)
      row.top = Math.min(row.top, b[1])
      row.bottom = Math.max(row.bottom, b[3])
    } else rows.push({ top: b[1], bottom: b[3], words: [i] })
  }
  for (const row of rows) row.words.sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0])
  return rows
}

/** Left to right from the first word, stopping at a column gap (wider than 2.5 word heights). */
function leadingRun(words: readonly Word[], row: number[]): number[] {
  // Text heights only: OCR's boxes for the ends of table rules and for specks are a few pixels tall.
  const all = row.map((i) => height(words[i]!.bbox))
  const tallest = Math.max(...all)
  const heights = all.filter((x) => x >= 0.4 * tallest).sort((a, b) => a - b)
  const h = heights[heights.length >> 1] ?? 1
  const run: number[] = []
  for (const i of row) {
    const previous = run.at(-1)
    if (previous !== undefined) {
      const gap = words[i]!.bbox[0] - words[previous]!.bbox[2]
      if (gap > 2.5 * h) break
    }
    run.push(i)
  }
  return run
}

/**
 * The height of a label's print: its smallest word with a letter or digit. A ":" or "-" closing the
 * label is a sliver of that, and would shrink every band measured from it.
 */
export function labelTextHeight(page: MatchPage, label: LabelHit): number {
  const words = page.words
  const lettered = label.words.filter((w) => /[\p{L}\p{N}]/u.test(words[w]!.text))
  return Math.min(...(lettered.length > 0 ? lettered : label.words).map((w) => height(words[w]!.bbox)))
}

/**
 * The value to the right of a label: the words on the label's row(s) after it, up to the next
 * column gap. With `multiline`, the cell grows up and down through lines of the same column that
 * sit closer than 0.6 line heights (GeM's two-column tables centre long values on their label).
 */
export function valueRight(page: MatchPage, label: LabelHit, multiline: boolean): number[] {
  const words = page.words
  const own = new Set(label.words)
  const labelRight = Math.max(...label.words.map((w) => words[w]!.bbox[2]))
  const h = labelTextHeight(page, label)
  const band: [number, number] = [label.bbox[1] - 0.35 * h, label.bbox[3] + 0.35 * h]
  const beside: number[] = []
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    if (
      !own.has(i) &&
      !isDebris(words[i]!.text) &&
      b[0] >= labelRight - 0.2 * h &&
      centre(b) >= band[0] &&
      centre(b) <= band[1]
    )
      beside.push(i)
  }
  if (beside.length === 0) return []
  const rows = rowsOf(words, beside)
  const seedRow = rows.reduce((best, r) =>
    Math.abs(centre([0, r.top, 0, r.bottom]) - centre(label.bbox)) <
    Math.abs(centre([0, best.top, 0, best.bottom]) - centre(label.bbox))
      ? r
      : best,
  )
  let rest = seedRow.words
  let seed = leadingRun(words, rest)
  // A stray mark before the value ("ss", "/", "-" from a rule or a smudge), alone in its run.
  while (seed.length < rest.length && seed.every((i) => isStray(words[i]!.text))) {
    rest = rest.slice(seed.length)
    seed = leadingRun(words, rest)
  }
  if (!multiline) return seed
  const left = Math.min(...seed.map((i) => words[i]!.bbox[0]))
  const column: number[] = []
  for (let i = 0; i < words.length; i++)
    if (!own.has(i) && words[i]!.bbox[0] >= left - h && !isDebris(words[i]!.text)) column.push(i)
  const columnRows = rowsOf(words, column)
  const at = columnRows.findIndex((r) => r.words.includes(seed[0]!))
  if (at < 0) return seed
  let lo = at
  let hi = at
  // Another row of the table has its own label left of the value column: the cell ends there.
  const labelLeft = Math.min(...label.words.map((w) => words[w]!.bbox[0]))
  const labelled = (row: Row) => {
    for (let i = 0; i < words.length; i++) {
      const b = words[i]!.bbox
      if (own.has(i) || isDebris(words[i]!.text) || b[2] > left - h || b[0] < labelLeft - 2 * h) continue
      if (centre(b) >= row.top && centre(b) <= row.bottom) return true
    }
    return false
  }
  const close = (upper: Row, lower: Row) =>
    lower.top - upper.bottom < 0.6 * h && !labelled(lower === columnRows[at] ? upper : lower)
  while (lo > 0 && at - lo < 60 && close(columnRows[lo - 1]!, columnRows[lo]!)) lo--
  while (hi < columnRows.length - 1 && hi - at < 60 && close(columnRows[hi]!, columnRows[hi + 1]!)) hi++
  return columnRows.slice(lo, hi + 1).flatMap((r, k) => (lo + k === at ? seed : leadingRun(words, r.words)))
}

/** The value under a label (stacked forms): the first row below, overlapping the label's columns. */
export function valueBelow(page: MatchPage, label: LabelHit): number[] {
  const words = page.words
  const own = new Set(label.words)
  const h = height(label.bbox) / Math.max(1, rowsOf(words, label.words).length)
  const under = words
    .map((_, i) => i)
    .filter((i) => {
      if (own.has(i)) return false
      const b = words[i]!.bbox
      return (
        b[1] >= label.bbox[3] - 0.2 * h &&
        b[1] <= label.bbox[3] + 2 * h &&
        b[0] < label.bbox[2] + 2 * h &&
        b[2] > label.bbox[0] - h
      )
    })
  const first = rowsOf(words, under)[0]
  return first
    ? leadingRun(
        words,
        first.words.filter((i) => words[i]!.bbox[2] > label.bbox[0] - h),
      )
    : []
}
