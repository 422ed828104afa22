import { boxHeight as height, boxMiddle as middle } from '../../document-text'
import type { MatchPage } from '../screening'
import { fieldFromWords, type ValueParser } from './read'
import type { Field } from './types'
import { asDateTime, asText } from './values'

/**
 * Key fields a notice states without a label: the buyer in its letterhead, the quantity and the
 * item in the sentence that invites bids ("…for the supply of 500 Nos of Centrifugal Pump Set.").
 */

/** Words of a row (left to right) in runs, a new run wherever the space before a word exceeds `widest`. */
export function splitAtGaps(
  page: MatchPage,
  row: readonly number[],
  widest: (word: number) => number,
): number[][] {
  const words = page.words
  const runs: number[][] = []
  for (const i of row) {
    const run = runs.at(-1)
    const previous = run?.at(-1)
    if (run && previous !== undefined && words[i]!.bbox[0] - words[previous]!.bbox[2] <= widest(i))
      run.push(i)
    else runs.push([i])
  }
  return runs
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const ORGANISATION_WORD =
  /\b(?:limited|ltd|corporation|board|authority|department|railways?|company|nigam|undertaking|commission|council|university|institute|laboratory|laboratories|works|municipal|development)\b/i
const NOT_ORGANISATION = /^(?:\(|government of|govt\.? of|office of|ministry of|notice|tender|corrigendum)/i

/** The buyer named in the letterhead: the top-most line near the page's head that names an organisation. */
export function organisationFromLetterhead(page: MatchPage): Field | null {
  const words = page.words
  if (words.length === 0) return null
  const pageTop = Math.min(...words.map((w) => w.bbox[1]))
  const pageBottom = Math.max(...words.map((w) => w.bbox[3]))
  const limit = pageTop + 0.25 * (pageBottom - pageTop)
  const top = words.map((_, i) => i).filter((i) => words[i]!.bbox[1] <= limit)
  for (const line of rows(page, top))
    // Split at column gaps of three word heights: the name from its phone number.
    for (const run of splitAtGaps(page, line, (i) => 3 * height(words[i]!.bbox))) {
      const text = run.map((i) => words[i]!.text).join(' ')
      if (NOT_ORGANISATION.test(text.trim()) || !ORGANISATION_WORD.test(text)) continue
      const field = fieldFromWords(page, run, asText, 'letterhead', 'pattern')
      if (field) return field
    }
  return null
}

const linesCache = new WeakMap<MatchPage, number[][]>()

/** Every word of the page in rows, grouped once per page for the readings below that scan them all. */
function pageLines(page: MatchPage): number[][] {
  let lines = linesCache.get(page)
  if (!lines) {
    lines = rows(
      page,
      page.words.map((_, i) => i),
    )
    linesCache.set(page, lines)
  }
  return lines
}

function rows(page: MatchPage, indexes: number[]): number[][] {
  const words = page.words
  const sorted = [...indexes].sort((a, b) => middle(words[a]!.bbox) - middle(words[b]!.bbox))
  const out: number[][] = []
  for (const i of sorted) {
    const row = out.at(-1)
    const b = words[i]!.bbox
    // Overlap with the row's usual band (its words' median top and bottom), not distance from its
    // first word nor the union of its boxes: one tall OCR box ("Works" with a speck above it)
    // neither starts a row of its own nor pulls the next line in.
    if (row) {
      const top = medianOf(row.map((w) => words[w]!.bbox[1]))
      const bottom = medianOf(row.map((w) => words[w]!.bbox[3]))
      const overlap = Math.min(b[3], bottom) - Math.max(b[1], top)
      if (overlap > 0.5 * Math.min(height(b), bottom - top)) {
        row.push(i)
        continue
      }
    }
    out.push([i])
  }
  return out.map((r) => r.sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0]))
}

const UNIT =
  'nos?|numbers?|kgs?|kilograms?|mt|metric tonnes?|tonnes?|tons?|litres?|liters?|kl|sets?|pcs|pieces?|units?|reams?|metres?|meters?|rmt|each|bags?|drums?|boxes|pairs?'
const SUPPLY_QUANTITY = new RegExp(
  `\\b(?:supply|procurement|purchase|providing)\\s+of\\s+(\\d{1,3}(?:,\\d{2,3})+|\\d+)\\s*(?:${UNIT})\\b`,
  'i',
)

/**
 * A quantity said inside a sentence, with its unit: "Supply of 1,200 Kg of …", "…, quantity 774
 * Nos, as per…". Read when no label states the quantity (a lower-case "quantity" after other words
 * is no label).
 */
const QUANTITY_IN_TEXT = new RegExp(
  `\\b(?:quantity|qty)\\.?\\s*(?:of\\s+|[:\\-–]\\s*)?(\\d{1,3}(?:,\\d{2,3})+|\\d+)\\s*(?:${UNIT})\\b`,
  'i',
)

export function quantityFromText(pages: readonly MatchPage[]): Field | null {
  const parse: ValueParser = (text) => {
    const m = SUPPLY_QUANTITY.exec(text) ?? QUANTITY_IN_TEXT.exec(text)
    if (!m) return null
    const start = m.index + m[0].indexOf(m[1]!)
    return {
      value: { kind: 'number', value: Number(m[1]!.replace(/,/g, '')) },
      start,
      end: start + m[1]!.length,
    }
  }
  for (const page of pages)
    for (const line of pageLines(page)) {
      const field = fieldFromWords(page, line, parse, 'quantity in text', 'pattern')
      if (field) return field
    }
  return null
}

/**
 * The item named where bids are invited for the supply of a quantity of it ("…the supply of 177 Set
 * of Diesel Generator Set 125 kVA. Earnest…"), the sentence read across the line it wraps onto.
 * The item ends with its sentence, a semicolon or the words that start its conditions.
 */
export function titleFromText(pages: readonly MatchPage[]): Field | null {
  return firstAcrossLines(pages, 'supply of', (text, firstLine) => {
    const m = SUPPLY_ITEM.exec(text)
    if (m && m.index < firstLine) {
      const start = m.index + m[0].length
      const rest = text.slice(start)
      const end = rest.search(ITEM_END)
      const item = (end < 0 ? rest : rest.slice(0, end)).trimEnd()
      if (item.length < 3 || item.length > 150) return null
      return { value: { kind: 'text', value: item }, start, end: start + item.length }
    }
    // "We intend to purchase Hydrated Lime Powder (Quantity: 500 Kg) as per…": the item is what is
    // bought, up to the bracket that gives its quantity.
    const b = BOUGHT_BEFORE_QUANTITY.exec(text)
    if (!b || b.index >= firstLine) return null
    const item = b[1]!.trim()
    const start = b.index + b[0].indexOf(b[1]!)
    if (item.length < 3 || /[.;:]\s/.test(item)) return null
    return { value: { kind: 'text', value: item }, start, end: start + item.length }
  })
}

const BOUGHT_BEFORE_QUANTITY =
  /\b(?:purchase|procure|buy|supply of|procurement of|purchase of)\s+(\p{Lu}[^()]{2,150}?)\s*\(\s*(?:quantity|qty)\b/iu

/**
 * The first reading a sentence gives, each line read together with the next (a sentence wraps),
 * the reading's words starting on the first of the two (`firstLine` is that line's length in the
 * text): the line before must not claim a sentence whose end it cannot see.
 */
function firstAcrossLines(
  pages: readonly MatchPage[],
  label: string,
  read: (text: string, firstLine: number) => ReturnType<ValueParser>,
): Field | null {
  for (const page of pages) {
    const lines = pageLines(page)
    for (const [k, line] of lines.entries()) {
      const firstLine = line.reduce((n, w) => n + page.words[w]!.text.length + 1, -1)
      const parse: ValueParser = (text) => read(text, firstLine)
      const field = fieldFromWords(page, [...line, ...(lines[k + 1] ?? [])], parse, label, 'pattern')
      if (field) return field
    }
  }
  return null
}

const SUPPLY_ITEM = new RegExp(
  `\\b(?:supply|procurement|purchase|providing)\\s+of\\s+(?:\\d{1,3}(?:,\\d{2,3})+|\\d+)\\s*(?:${UNIT})\\.?\\s+of\\s+(?=\\p{Lu}|\\d)`,
  'iu',
)
// A letter's subject closes with "– reg." (regarding); a sentence with its full stop.
const ITEM_END =
  /\.(?:\s|$)|;|\s(?:as per|conforming|in accordance|to be)\s|\s[–—-]+\s*(?:reg\b|regarding\b)|\s[–—]\s/i

/**
 * The closing date a letter or an advertisement writes into a sentence about sending bids in
 * ("Quotations must reach this office on or before 5 March 2026, 03:30 PM."), when no label names
 * it. Opening dates ("will be opened on …") say no "on or before".
 */
export function endDateFromText(pages: readonly MatchPage[]): Field | null {
  return firstAcrossLines(pages, 'on or before', (text, firstLine) => {
    const m = CLOSING.exec(text)
    if (!m || m.index >= firstLine) return null
    const from = m.index + m[0].length
    const date = asDateTime(text.slice(from))
    // The date must follow the words at once, not somewhere later in the sentence.
    if (!date || text.slice(from, from + date.start).trim().length > 0) return null
    return { ...date, start: from + date.start, end: from + date.end }
  })
}

const CLOSING =
  /\b(?:bids?|quotations?|offers?|tenders?|submi\w*|reach\w*|receiv\w*|receipt)\b[^.]{0,80}?\b(?:on or before|not later than|latest by)\s*/i
