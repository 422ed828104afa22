import { boxHeight as height, boxMiddle as middle, type Word } from '../../document-text'
import { normaliseWord, ocrCanonical, union, type MatchPage } from '../screening'
import type { LabelHit } from './locate'

/**
 * Labels found on a page's words by their boxes, not by reading order: a label runs left to right
 * along a row and may wrap onto the next line of its cell ("Last Date of" / "Submission"), and the
 * words may carry OCR slips ("Ouantity", "Tender N0.", "EMDAmount"). Both halves of a bilingual
 * label are labels of their own ("संगठन का नाम" and "Organisation Name").
 */

/** Letters, marks and digits of a word, lower case, OCR look-alikes folded (0→o, 1/i→l, 5→s, rn→m, vv→w). */
export function wordKey(text: string): string {
  // "Date & Time" is "Date and Time": the ampersand is read as the word it stands for.
  if (text === '&') return 'and'
  return ocrCanonical(normaliseWord(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, ''))
}

export function labelKey(label: string): string {
  return label
    .split(/\s+/)
    .map((w) => wordKey(w))
    .join('')
}

/** Edits a label of this many characters may carry and still be read as that label. */
export function allowedEdits(length: number): number {
  // "Bid No" is one slip from "ID No": labels this short must be read exactly.
  if (length < 6) return 0
  if (length < 14) return 1
  if (length < 21) return 2
  return 3
}

export interface PageGeometry {
  page: MatchPage
  keys: string[]
  /** The next word to the right on the same row, close enough to belong to the same phrase. */
  right: (number | undefined)[]
  /** The word whose `right` this word is. */
  left: (number | undefined)[]
}

/** Below this OCR confidence a word without digits, or a lone character, is no word at all. */
export const UNREADABLE_CONFIDENCE = 10

/**
 * What OCR makes of a dotted leader, a rule or a smudge ("..ovveeeeecrrereee", "Loire" at 5%): a
 * word without digits OCR was all but sure of not reading. A label's own words can come out as
 * badly beside a leader ("NOtICE" at 0%), so this says what is no value, not what is no label.
 */
export const isUnreadable = (word: Word) => word.confidence < UNREADABLE_CONFIDENCE && !/\d/.test(word.text)

export function pageGeometry(page: MatchPage): PageGeometry {
  const words = page.words
  const keys = words.map((w) => wordKey(w.text))
  const order = words.map((_, i) => i).sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0])
  const lefts = order.map((j) => words[j]!.bbox[0])
  const right: (number | undefined)[] = new Array(words.length)
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    const h = height(b)
    let best: number | undefined
    let bestGap = Infinity
    // Words starting left of this one's end are never its right neighbour: start past them.
    for (let k = firstAtLeast(lefts, b[2] - 0.3 * h); k < order.length; k++) {
      const j = order[k]!
      if (j === i) continue
      const c = words[j]!.bbox
      const gap = c[0] - b[2]
      if (gap >= bestGap) break
      if (Math.abs(middle(c) - middle(b)) > 0.5 * Math.max(h, height(c))) continue
      best = j
      bestGap = gap
    }
    // A word space is about a third of the height; a column gap is several heights.
    right[i] = best !== undefined && bestGap <= 1.6 * h ? best : undefined
  }
  const left: (number | undefined)[] = new Array(words.length)
  right.forEach((r, i) => {
    if (r !== undefined) left[r] = i
  })
  return { page, keys, right, left }
}

/** The first index of ascending `values` whose value is at least `min` (values.length if none). */
function firstAtLeast(values: readonly number[], min: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid]! < min) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Line continuations per page, worked out once: every label's search walks the same lines, and
 * each lookup scans the whole page (hundreds of labels × words made a dense page cost ~100 ms).
 */
interface Continuations {
  /** nextLineStart by a line's first word. */
  line: Map<number, number | undefined>
  /** nextSentenceLine by a line's last word. */
  sentence: Map<number, number | undefined>
}
const continuations = new WeakMap<PageGeometry, Continuations>()

function remembered(
  geo: PageGeometry,
  kind: keyof Continuations,
  word: number,
  find: (geo: PageGeometry, word: number) => number | undefined,
): number | undefined {
  let known = continuations.get(geo)
  if (!known) continuations.set(geo, (known = { line: new Map(), sentence: new Map() }))
  const map = known[kind]
  if (map.has(word)) return map.get(word)
  const found = find(geo, word)
  map.set(word, found)
  return found
}

/** The first word of the next line of the same cell: just under `line`'s first word, left-aligned with it. */
function nextLineStart(geo: PageGeometry, first: number): number | undefined {
  return remembered(geo, 'line', first, findNextLineStart)
}

function findNextLineStart(geo: PageGeometry, first: number): number | undefined {
  const words = geo.page.words
  const b = words[first]!.bbox
  const h = height(b)
  let best: number | undefined
  let bestTop = Infinity
  for (let j = 0; j < words.length; j++) {
    const c = words[j]!.bbox
    if (c[1] < b[3] - 0.3 * h || c[1] > b[3] + 1.1 * h) continue
    if (Math.abs(c[0] - b[0]) > 1.5 * h) continue
    // A wrapped label's next line starts its cell: "of Purchaser" after "Name" is no continuation.
    if (geo.left[j] !== undefined) continue
    if (c[1] < bestTop) {
      best = j
      bestTop = c[1]
    }
  }
  return best
}

/** Words a line of running text has at least: fewer is a cell of a table or a list. */
const SENTENCE_LINE_WORDS = 6

/**
 * Where running text goes on after `last`, the last word of its line: the first word of the next
 * line, under the first word of this one. A paragraph wraps a label there ("…Earnest | Money
 * Deposit: INR 3,68,500"); a table's cell does not, so the line must be a sentence's.
 */
function nextSentenceLine(geo: PageGeometry, last: number): number | undefined {
  return remembered(geo, 'sentence', last, findNextSentenceLine)
}

function findNextSentenceLine(geo: PageGeometry, last: number): number | undefined {
  let head = last
  let count = 1
  while (geo.left[head] !== undefined && count < 200) {
    head = geo.left[head]!
    count++
  }
  if (count < SENTENCE_LINE_WORDS) return undefined
  const words = geo.page.words
  const b = words[last]!.bbox
  const h = height(b)
  const x = words[head]!.bbox[0]
  let best: number | undefined
  for (let j = 0; j < words.length; j++) {
    const c = words[j]!.bbox
    if (geo.left[j] !== undefined || c[1] < b[3] - 0.3 * h || c[1] > b[3] + 1.1 * h) continue
    if (Math.abs(c[0] - x) > 1.5 * h) continue
    if (best === undefined || c[1] < words[best]!.bbox[1]) best = j
  }
  return best
}

export interface WordLabelHit extends LabelHit {
  label: string
  edits: number
}

/**
 * Every place `label` starts a phrase on the page, within its allowed edits. A match may end up to
 * two characters short of its last word's end (OCR glues "in" onto "Amount").
 */
export function findWordLabels(
  geo: PageGeometry,
  label: string,
  options: { startsPhrase?: boolean } = {},
): WordLabelHit[] {
  const needle = labelKey(label)
  if (needle.length === 0) return []
  const allowed = allowedEdits(needle.length)
  const words = geo.page.words
  const hits: WordLabelHit[] = []
  const row = new Array<number>(needle.length + 1)
  const opening = needle[0]!
  const second = needle[1] ?? opening
  for (let start = 0; start < words.length; start++) {
    const first = geo.keys[start]!
    if (first.length === 0) continue
    // Cheap filter, first since it turns away nearly every word: the label's opening letters must
    // show in the word's opening letters.
    if (
      first[0] !== opening &&
      first[1] !== opening &&
      first[2] !== opening &&
      first[0] !== second &&
      first[1] !== second
    )
      continue
    // "reserves the right to …" by "the purchaser" is a sentence, not the label "Purchaser".
    // An opening bracket starts a phrase of its own: "सामग्री का नाम (Name of Material)".
    const before = words[start]!.text.startsWith('(') ? undefined : geo.left[start]
    const afterSentenceWord = before !== undefined && SENTENCE_WORD.has(normaliseWord(words[before]!.text))
    // "…for the above supply, subject to": a label in lower case after words of its line is
    // running text; labels start with a capital, or stand first on their line.
    if (before !== undefined && /^\p{Ll}/u.test(words[start]!.text) && !isEnumerator(geo, before)) continue
    // With `startsPhrase`, a label is never the tail of a longer phrase ("…Limited, Central Stores").
    if (options.startsPhrase && before !== undefined && !isEnumerator(geo, before)) continue
    // The chain of words the label could span, and where each word ends in their joined key.
    const chain: number[] = []
    const ends: number[] = []
    let text = ''
    let at: number | undefined = start
    let lineFirst = start
    while (at !== undefined && text.length < needle.length + allowed + 2 && chain.length < 12) {
      if (chain.includes(at)) break
      chain.push(at)
      text += geo.keys[at]!
      ends.push(text.length)
      const next: number | undefined = geo.right[at]
      if (next !== undefined) at = next
      else {
        const end: number = at
        at = nextLineStart(geo, lineFirst) ?? nextSentenceLine(geo, end)
        if (at !== undefined) lineFirst = at
      }
    }
    // Edit distance of the whole label against each prefix of the chain's text.
    for (let i = 0; i <= needle.length; i++) row[i] = i
    let best = Infinity
    let bestEnd = -1
    for (let j = 1; j <= text.length; j++) {
      let diagonal = row[0]!
      row[0] = j
      let columnBest = j
      for (let i = 1; i <= needle.length; i++) {
        const above = row[i]!
        row[i] = Math.min(above + 1, row[i - 1]! + 1, diagonal + (needle[i - 1] === text[j - 1] ? 0 : 1))
        diagonal = above
        if (row[i]! < columnBest) columnBest = row[i]!
      }
      // Every alignment of the label with a longer prefix passes through this column, so none can
      // cost less than its cheapest cell: past `allowed`, no later end can be a hit.
      if (columnBest > allowed) break
      // Letters left over at the end of the label's last word are slips too: "Tender Cost" is
      // no "Tender No" ("tenderco" plus "st").
      const wordEnd = ends.find((e) => e >= j)
      const distance = row[needle.length]! + (wordEnd === undefined ? 0 : wordEnd - j)
      if (wordEnd !== undefined && wordEnd - j <= 2 && distance < best) {
        best = distance
        bestEnd = j
      }
    }
    if (best > allowed) continue
    const used = chain.filter((_, k) => (k === 0 ? 0 : ends[k - 1]!) < bestEnd)
    // Punctuation and unit words closing the label's cell ("(₹)", ":") belong to it.
    // A unit word only when the phrase ends with it: in "EMD: INR 2,50,000" the INR is the value's.
    const tail: number[] = []
    for (
      let t = geo.right[used.at(-1)!];
      t !== undefined && !used.includes(t) && !tail.includes(t);
      t = geo.right[t]
    ) {
      if (!isLabelTail(words[t]!)) break
      tail.push(t)
    }
    const last = tail.at(-1)
    if (last !== undefined && geo.right[last] === undefined) used.push(...tail)
    else {
      for (const t of tail) {
        if (!BRACKETED.test(words[t]!.text)) break
        used.push(t)
      }
    }
    // After "of", "the"…, only the close of a table cell's label ("Amount of Bid Security | ₹ 5,000").
    if (afterSentenceWord && (best > 0 || !endsLabelCell(geo, start, used))) continue
    // A slipped label must start its phrase: the "Date" of "Enquiry Date" is no "Name" misread.
    // A list's letter or number before it ("(c)", "4.") starts the line, not a phrase.
    if (best > 0 && (readsOn(geo, used) || (before !== undefined && !isEnumerator(geo, before)))) continue
    hits.push({
      page: geo.page.page,
      words: used,
      bbox: union(used.map((w) => words[w]!.bbox)),
      end: 0,
      label,
      edits: best,
    })
  }
  return hits
}

/**
 * A label read with slips that runs straight on into more words, with no ":" between, is a phrase
 * of running text ("Purchase Section, Plant Office" is no "Purchaser"); an exact label may do so
 * ("NIT No. 123"), a slipped one needs a colon or a column gap to stand as a label.
 */
function readsOn(geo: PageGeometry, used: readonly number[]): boolean {
  const last = used.at(-1)!
  const next = geo.right[last]
  if (next === undefined) return false
  const words = geo.page.words
  // A dotted leader after the label, read as letters, is no running text.
  if (isUnreadable(words[next]!)) return false
  return !words[last]!.text.endsWith(':') && !words[next]!.text.startsWith(':')
}

/**
 * The label ends a short phrase that starts its line and stands across a column gap from a value on
 * its row: "Amount of Bid Security   ₹ 5,000" is a cell and its value; "…rejected by the
 * purchaser" at a line's end, or running on into more words, is a sentence.
 */
function endsLabelCell(geo: PageGeometry, start: number, used: readonly number[]): boolean {
  const words = geo.page.words
  const last = used.at(-1)!
  if (geo.right[last] !== undefined) return false
  let first = start
  for (let k = 0; k < 4 && geo.left[first] !== undefined; k++) first = geo.left[first]!
  if (geo.left[first] !== undefined) return false
  const b = words[last]!.bbox
  const h = height(b)
  return words.some(
    (w, i) =>
      !used.includes(i) && w.bbox[0] > b[2] + 1.6 * h && Math.abs(middle(w.bbox) - middle(b)) < 0.5 * h,
  )
}

/** "(c)", "4.", "iv)", "(©)" or "(€)" (OCR's "(c)") opening its line. */
function isEnumerator(geo: PageGeometry, word: number): boolean {
  return geo.left[word] === undefined && isEnumeratorText(geo.page.words[word]!.text)
}

export const isEnumeratorText = (text: string) => ENUMERATOR.test(text)

const ENUMERATOR = /^(?:\((?:\d{1,2}|[ivx]{1,4}|\S)\)|(?:\d{1,2}|\p{L}|[ivx]{1,4})[.)])$/iu

const BRACKETED = /^(?:[(:.\-–]+|\(.*\))$/

const SENTENCE_WORD = new Set(
  'the a an of for by to and or in on at with from any all this that said such our is are be as per'.split(
    ' ',
  ),
)

// "(3)" and "(%)" are how OCR reads "(₹)" after an amount's label: one character in brackets is a
// unit mark, never the amount.
const LABEL_TAIL = /^(?:[(:.\-–]*(?:in|₹|rs|inr|rupees)?[.):\-–]*|\(\S\)[.:]?)$/i

function isLabelTail(word: Word): boolean {
  return word.text.length > 0 && LABEL_TAIL.test(word.text)
}
