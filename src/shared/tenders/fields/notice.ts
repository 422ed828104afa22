import { boxHeight as height, boxMiddle as middle, type Word } from '../../document-text'
import { union, type MatchPage, type PreparedText } from '../screening'
import { cutAtNextLabel } from './labelColumns'
import {
  endDateFromText,
  organisationFromLetterhead,
  quantityFromText,
  splitAtGaps,
  titleFromText,
} from './unlabelled'
import { isDebris, labelTextHeight } from './locate'
import { overStackedValue } from './stackedPairs'
import { fieldFromWords, geometryOf, type ValueParser } from './read'
import type { Field, FieldName } from './types'
import { asDateTime, asItem, asMoney, asNumber, asReference, asText } from './values'
import {
  findWordLabels,
  isEnumeratorText,
  isUnreadable,
  UNREADABLE_CONFIDENCE,
  wordKey,
  type PageGeometry,
  type WordLabelHit,
} from './wordLabels'

/**
 * Key fields of a notice in a layout nobody described to the desk: labels are looked for on the
 * page's words (tolerant of OCR slips, wrapped over two lines, Hindi or English), and each label's
 * value is taken from its right (a key–value list or a row of a table; in a table that shows an
 * existing and a revised value, the revised one) or from the cell under it (a table whose headings
 * stand over their values).
 */
/**
 * A bid's number: a reference (BHEL/MM/25/1234, 2026_NTPC_123456_1) or a bare number of four or
 * more digits ("RFQ No. : 75810"); never an amount ("Rs.1500") that sits where a number might.
 */
const asBidReference: ValueParser = (text) => {
  const money = /(?:₹|\brs\b\.?|\binr\b)\s*$/i
  const reference = asReference(text)
  if (
    reference &&
    !/^(?:rs|inr)\b/i.test(text.slice(reference.start)) &&
    !money.test(text.slice(0, reference.start))
  )
    return reference
  const m = /(?<![\w./,-])\d{4,}(?![\w./,-])/.exec(text)
  return m ? { value: { kind: 'text', value: m[0] }, start: m.index, end: m.index + m[0].length } : null
}

/** The fields a screening analyst ranks bids by, read from every layout. */
export const KEY_FIELDS = [
  'bidNumber',
  'bidEndDate',
  'organisation',
  'totalQuantity',
  'emdAmount',
  'title',
] as const satisfies readonly FieldName[]

interface NoticeRule {
  name: FieldName
  /** Most specific first: the first label with a readable value wins. */
  labels: string[]
  parse: ValueParser
  /** Free text that may wrap onto more lines of its cell. */
  text?: boolean
}

export const NOTICE_RULES: readonly NoticeRule[] = [
  {
    name: 'bidNumber',
    labels: [
      'Bid Number',
      'Bid No',
      'Tender Number',
      'Tender No',
      'Tender ID',
      'NIT Number',
      'NIT No',
      'NIeT Number',
      'NIeT No',
      'e-Tender Number',
      'e-Tender No',
      'Tender Notice Number',
      'Tender Notice No',
      'NIQ No',
      'RFP Number',
      'RFP No',
      'Bid Reference Number',
      'Bid Reference No',
      'Bid Ref No',
      'Enquiry Number',
      'Enquiry No',
      'Enquiry Reference',
      'Enquiry Ref',
      'Tender Ref',
      'RFQ Number',
      'RFQ No',
      'Notice Number',
      'Notice No',
      'Tender Reference Number',
      'Tender Reference No',
      'Tender Ref No',
      'Reference Number',
      'Reference No',
      'Ref No',
      'बिड संख्या',
      'निविदा संख्या',
    ],
    parse: asBidReference,
  },
  {
    name: 'bidEndDate',
    labels: [
      'Bid End Date/Time',
      'Bid End Date',
      'Bid Submission End Date',
      'Bid Submission Closing Date',
      'Closing Date for Bid Submission',
      'Closing Date and Time',
      'Tender Closing Date',
      'Closing Date',
      'Last Date and Time of Submission',
      'Last Date and Time for Submission',
      'Last Date of Submission',
      'Last Date for Submission',
      'Last Date and Time',
      'Last Date',
      'Due Date and Time for Submission',
      'Due Date & Time for Submission',
      'Due Date for Submission',
      'Bid Due Date',
      'Due Date',
      'Due On',
      'Closing On',
      'Submission End Date',
      'Online Bid Submission End Date',
      'Last Date and Time for Online Bid Submission',
      'Last Date & Time for Online Bid Submission',
      'End Date of Bid Submission',
      'Bid Submission Closes',
      'Bid Submission Deadline',
      'Deadline for Submission',
      'Submission Deadline',
      'Bid Closing Date',
      'Tender Closes On',
      'Bids Close On',
      'बिड समाप्ति तिथि',
      'अंतिम तिथि',
    ],
    parse: asDateTime,
  },
  {
    name: 'organisation',
    labels: [
      'Organisation Name',
      'Organization Name',
      'Name of the Organisation',
      'Name of Organisation',
      'Name of Organization',
      'Organisation Chain',
      'Organisation',
      'Organization',
      'Name of Purchaser',
      'Issued by',
      'Issuing Authority',
      'Purchaser',
      'Name of Buyer',
      'Buyer Name',
      'Buyer',
      'संगठन का नाम',
    ],
    parse: asText,
    text: true,
  },
  {
    name: 'totalQuantity',
    labels: [
      'Total Quantity',
      'Quantity Required',
      'Required Quantity',
      'Total Qty',
      'Quantity',
      'Qty',
      'कुल मात्रा',
      'मात्रा',
    ],
    parse: asNumber,
  },
  {
    name: 'emdAmount',
    labels: [
      'EMD Amount',
      'EMD Value',
      'Earnest Money Deposit',
      'Earnest Money',
      'Bid Security',
      'EMD',
      'ईएमडी राशि',
      'बयाना राशि',
    ],
    parse: asMoney,
  },
  {
    name: 'title',
    labels: [
      'Item Category',
      'Name of Item',
      'Name of the Item',
      'Item Name',
      'Item Description',
      'Description of Item',
      'Description of Material',
      'Description of Goods',
      'Material Description',
      'Description of Stores',
      'Description of Supply',
      'Description of Equipment',
      'Description of Product',
      'Product Description',
      'Product Name',
      'Nomenclature',
      'Tender Title',
      'Name of Material',
      'Name of the Material',
      'Name of Goods',
      'Name of Stores',
      'Particulars of Stores',
      'Stores',
      'Brief Description',
      'Name of Work',
      'Name of the Work',
      'Work Description',
      'Description of Work',
      'Title',
      'Subject',
      'Item',
      'Material',
      'Description',
      'वस्तु श्रेणी',
    ],
    parse: asItem,
    text: true,
  },
]

/** Key fields are on the first pages; later pages are terms and schedules. */
const PAGES = 2

interface Candidate {
  field: Field
  order: number
}

export function extractNotice(prepared: PreparedText): Partial<Record<FieldName, Field>> {
  const fields: Partial<Record<FieldName, Field>> = {}
  const pages = geometryOf(prepared, PAGES)
  const hits = new Map<NoticeRule, WordLabelHit[]>()
  const labelWords = new Map<number, Set<number>>()
  for (const rule of NOTICE_RULES) {
    const found: WordLabelHit[] = []
    for (const geo of pages)
      for (const label of rule.labels) {
        // A one-word label of a name or an item must start its phrase: names end in such words
        // ("Central Stores", "Chief Purchaser").
        const startsPhrase = rule.text === true && !/\s/.test(label.trim())
        for (const hit of findWordLabels(geo, label, { startsPhrase })) {
          // A word already starting a longer label of this field is not read again as a shorter one.
          if (found.some((f) => f.page === hit.page && f.words[0] === hit.words[0])) continue
          found.push(hit)
          const set = labelWords.get(hit.page) ?? new Set<number>()
          for (const w of hit.words) set.add(w)
          labelWords.set(hit.page, set)
        }
      }
    hits.set(rule, found)
  }
  for (const rule of NOTICE_RULES) {
    const candidates: Candidate[] = []
    for (const [order, hit] of (hits.get(rule) ?? []).entries()) {
      const geo = pages.find((g) => g.page.page === hit.page)!
      const field = valueOf(geo, hit, rule, labelWords.get(hit.page) ?? new Set())
      if (field) candidates.push({ field, order })
    }
    const chosen = choose(rule, candidates)
    if (chosen) fields[rule.name] = chosen
  }
  if (!fields.organisation) {
    const letterhead = prepared.pages[0] && organisationFromLetterhead(prepared.pages[0])
    if (letterhead) fields.organisation = letterhead
  }
  if (!fields.totalQuantity) {
    const quantity = quantityFromText(prepared.pages.slice(0, PAGES))
    if (quantity) fields.totalQuantity = quantity
  }
  if (!fields.bidEndDate) {
    const closing = endDateFromText(prepared.pages.slice(0, PAGES))
    if (closing) fields.bidEndDate = closing
  }
  if (!fields.title) {
    const title = titleFromText(prepared.pages.slice(0, PAGES))
    if (title) fields.title = title
  }
  return fields
}

/** The first label's value; a date without a time gives way to the same date with its time. */
function choose(rule: NoticeRule, candidates: Candidate[]): Field | null {
  const first = candidates[0]
  if (!first) return null
  if (first.field.normalised.kind === 'date') {
    const day = first.field.normalised.iso.slice(0, 10)
    const timed = candidates.find(
      (c) => c.field.normalised.kind === 'date-time' && c.field.normalised.iso.startsWith(day),
    )
    if (timed) return timed.field
  }
  void rule
  return first.field
}

/** A word that joins another name onto a label: "/ material", "& Purchase", "and Address". */
const continuesLabel = (text: string) => /^(?:[&/]|and$)/i.test(text)

function valueOf(geo: PageGeometry, hit: WordLabelHit, rule: NoticeRule, labels: Set<number>): Field | null {
  const page = geo.page
  const words = page.words
  // Scanner dirt and the short ends of table rules ("Te", "oo") are no value.
  const runs = runsRight(page, hit).filter((run) => !run.every((w) => isNoise(words[w]!.text)))
  const firstRun = runs[0]
  if (
    firstRun &&
    !labels.has(firstRun[0]!) &&
    !headingRow(page, hit, runs) &&
    !besideLabel(page, hit, labels) &&
    !overStackedValue(page, hit, runs)
  ) {
    if (rule.text) {
      let valueRun = firstRun
      if (continuesLabel(page.words[firstRun[0]!]!.text)) {
        // "Name of the item / material   Copper cable": the label's cell goes on with another name
        // for it, and the value stands across the column gap; "Stores & Purchase Department" has
        // none, as the label's word began a name.
        const next = runs[1]
        if (!next) return null
        valueRun = next
      } else if (runsIntoSentence(geo, hit, firstRun)) {
        // "Subject of Procurement   Supply of pumps": the label's cell goes on in lower case, and
        // its value stands across the column gap. Anything else is a sentence.
        const next = runs[1]
        if (!next || firstRun.length > 4 || !startsCell(geo, hit)) return null
        valueRun = next
      }
      const words = [...valueRun, ...continuation(page, valueRun, hit.bbox[0])]
      const field = fieldFromWords(page, words, rule.parse, hit.label, 'label-right', hit)
      if (field) return field
    } else {
      const parsed = runs
        .filter((run) => !labels.has(run[0]!))
        .map((run) => withoutSeparator(page, run))
        .map((run) => {
          const parse = gluedSeparator(page, run) ? afterFirstCharacter(rule.parse) : rule.parse
          return { run, field: fieldFromWords(page, run, parse, hit.label, 'label-right', hit) }
        })
        .filter((p): p is { run: number[]; field: Field } => p.field !== null)
      if (parsed.length > 1) {
        const revised = parsed.find((p) => underRevisedHeading(page, p.run))
        if (revised) return revised.field
      }
      if (parsed[0]) return parsed[0].field
    }
  }
  const below = cellBelow(page, hit, labels)
  return below.length > 0 ? fieldFromWords(page, below, rule.parse, hit.label, 'label-below', hit) : null
}

/**
 * The label is one heading of a table's header row ("Description of Material | Unit | Qty"): the
 * next cell on its row is a column heading tables use, so its value is the cell under it. A grid of
 * label–value pairs ("Organisation | Delhi Jal Board | Department | Stores") keeps its value right.
 */
function headingRow(page: MatchPage, hit: WordLabelHit, runs: number[][]): boolean {
  const words = page.words
  if (runs.length < 2 || hit.words.some((w) => words[w]!.text.includes(':'))) return false
  const next = runs[0]!.map((w) => words[w]!.text).join(' ')
  return TABLE_HEADING.test(next.trim())
}

/**
 * The label stands in a row of labels: the nearest word to its left on its line, across a column
 * gap, is another field's label ("Tender Ref. No. | Organisation | Tender Category", each card's
 * value printed under its label). Then what lies to its right is the next card's label, and its
 * own value is under it. In a row of label–value pairs a value stands to a label's left instead.
 */
function besideLabel(page: MatchPage, hit: WordLabelHit, labels: Set<number>): boolean {
  const words = page.words
  if (hit.words.some((w) => /[:：]/.test(words[w]!.text))) return false
  const first = words[hit.words[0]!]!.bbox
  const h = height(first)
  const own = new Set(hit.words)
  let nearest = -1
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    if (own.has(i) || b[2] > first[0] || Math.abs(middle(b) - middle(first)) > 0.5 * h) continue
    if (isDebris(words[i]!.text) || isRuleFragment(words[i]!, h)) continue
    if (nearest < 0 || b[2] > words[nearest]!.bbox[2]) nearest = i
  }
  return nearest >= 0 && labels.has(nearest) && first[0] - words[nearest]!.bbox[2] > 1.5 * h
}

const TABLE_HEADING =
  /^(?:units?|uom|unit of measure(?:ment)?|a\/u|qty\.?|rate|unit rate|amount|make|brand|remarks?|delivery(?: period)?|specifications?|hsn(?: code)?|gst|price|total|value|s\.? ?no\.?|sl\.? ?no\.?)$/i

/**
 * "The purchaser reserves the right…": a name's label that runs straight on, with no ":" and no
 * column gap, into a word in lower case is a sentence, not a label and its value.
 */
function runsIntoSentence(geo: PageGeometry, hit: WordLabelHit, run: number[]): boolean {
  const words = geo.page.words
  const last = hit.words.at(-1)!
  const first = run[0]!
  if (geo.right[last] !== first || /[:：]$/.test(words[last]!.text)) return false
  return /^\p{Ll}/u.test(words[first]!.text)
}

/** Nothing before the label on its line but, perhaps, a list's letter or number. */
function startsCell(geo: PageGeometry, hit: WordLabelHit): boolean {
  const before = geo.left[hit.words[0]!]
  return (
    before === undefined || (geo.left[before] === undefined && isEnumeratorText(geo.page.words[before]!.text))
  )
}

/** Words beside the label on its row, in runs split at column gaps (wider than 2.5 word heights). */
function runsRight(page: MatchPage, hit: WordLabelHit): number[][] {
  const words = page.words
  const own = new Set(hit.words)
  const h = labelTextHeight(page, hit)
  const boxes = hit.words.map((w) => words[w]!.bbox)
  const lastLine = boxes.reduce((a, b) => (b[1] > a[1] + 0.5 * h ? b : a))
  const onLastLine = boxes.filter((b) => Math.abs(middle(b) - middle(lastLine)) < 0.5 * h)
  // Beside the label's first line, right of the whole label; or beside its last line when it wraps,
  // right of that line's words (running text wraps a label from a line's end to the next's start).
  const bands: { lo: number; hi: number; right: number }[] = [
    {
      lo: hit.bbox[1] - 0.35 * h,
      hi: hit.bbox[1] + 1.35 * h,
      right: Math.max(...boxes.map((b) => b[2])),
    },
    {
      lo: lastLine[1] - 0.35 * h,
      hi: lastLine[3] + 0.35 * h,
      right: Math.max(...onLastLine.map((b) => b[2])),
    },
  ]
  const beside: number[] = []
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    const c = middle(b)
    if (own.has(i) || isDebris(words[i]!.text)) continue
    if (isRuleFragment(words[i]!, h)) continue
    if (bands.some(({ lo, hi, right }) => c >= lo && c <= hi && b[0] >= right - 0.2 * h)) beside.push(i)
  }
  if (beside.length === 0) return []
  // Only the row nearest the label's first line.
  const top = Math.min(...beside.map((i) => middle(words[i]!.bbox)))
  const row = beside
    .filter((i) => middle(words[i]!.bbox) - top < 0.6 * h)
    .sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0])
  return splitAtGaps(page, row, () => 2.5 * h).flatMap((run) => cutAtNextLabel(page, run))
}

/**
 * Lines that continue a value wrapped in its cell: starting under the value's first word, close
 * under the line before, with nothing in the label column to their left (that would be the next row).
 */
function continuation(page: MatchPage, run: number[], labelLeft: number): number[] {
  const words = page.words
  const lead = run.find((w) => /[\p{L}\p{N}]/u.test(words[w]!.text)) ?? run[0]!
  const first = words[lead]!.bbox
  const h = height(first)
  const out: number[] = []
  let bottom = Math.max(...run.map((w) => words[w]!.bbox[3]))
  let right = Math.max(...run.map((w) => words[w]!.bbox[2]))
  // Lines are found by their words' middles: a glyph-tight box of "sq mm" starts lower than "4 Core
  // 16" on the same line, but sits about as high in the middle.
  for (let line = 0; line < 5; line++) {
    const next = words
      .map((_, i) => i)
      .filter((i) => {
        const m = middle(words[i]!.bbox)
        return m >= bottom + 0.3 * h && m <= bottom + 1.2 * h && !isDebris(words[i]!.text)
      })
    if (next.length === 0) break
    const lineMiddle = Math.min(...next.map((i) => middle(words[i]!.bbox)))
    const row = next.filter((i) => middle(words[i]!.bbox) < lineMiddle + 0.5 * h)
    if (row.some((i) => words[i]!.bbox[0] < first[0] - h && words[i]!.bbox[2] > labelLeft)) break
    const inCell = row
      .filter((i) => words[i]!.bbox[0] >= first[0] - h && words[i]!.bbox[0] <= right + h)
      .sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0])
    if (inCell.length === 0 || Math.abs(words[inCell[0]!]!.bbox[0] - first[0]) > h) break
    out.push(...inCell)
    bottom = Math.max(...inCell.map((w) => words[w]!.bbox[3]))
    right = Math.max(right, ...inCell.map((w) => words[w]!.bbox[2]))
  }
  return out
}

/**
 * A key–value list's ":" that OCR read as "1", "|", "l" or "i" ("Quantity 1 1,47,544 Nos"): a
 * single such character before a figure is the separator, not the value.
 */
function withoutSeparator(page: MatchPage, run: number[]): number[] {
  const [first, next] = run
  if (first === undefined || next === undefined) return run
  return /^[1|lIi!;:][.:,]?$/.test(page.words[first]!.text) &&
    /^[\d₹]|^rs\.?$|^inr$/i.test(page.words[next]!.text)
    ? run.slice(1)
    : run
}

/**
 * The same slip glued to the figure ("112,963" for ": 12,963"): the word starts with a character
 * OCR makes of a colon, right where the other rows of the list have their ":".
 */
function gluedSeparator(page: MatchPage, run: number[]): boolean {
  const words = page.words
  const first = run[0]
  if (first === undefined || !/^[1|lIi!:][\d₹]/.test(words[first]!.text)) return false
  const b = words[first]!.bbox
  const h = height(b)
  return words.some((w, i) => {
    const c = w.bbox
    return (
      i !== first &&
      /^[:;]$/.test(w.text) &&
      Math.abs(c[0] - b[0]) < 0.4 * h &&
      Math.abs(middle(c) - middle(b)) < 8 * h
    )
  })
}

/** Reads the text as if its first character were a space (indexes stay those of the text). */
const afterFirstCharacter =
  (parse: ValueParser): ValueParser =>
  (text) => {
    const at = text.search(/\S/)
    return at < 0 ? null : parse(`${text.slice(0, at)} ${text.slice(at + 1)}`)
  }

/** Two letters or fewer and no digit: what OCR makes of a rule's end or a smudge. */
const isNoise = (text: string) => !/\d/.test(text) && wordKey(text).length <= 2

/**
 * OCR's reading of where two table rules cross: noise under half the text's height ("Co", "TT"),
 * a lone character OCR was all but sure is not one (a cell's edge read as "1" beside its figure),
 * or a dotted leader or smudge read as letters it was all but sure of not reading.
 */
const isRuleFragment = (word: Word, textHeight: number) =>
  (isNoise(word.text) && height(word.bbox) < 0.5 * textHeight) ||
  (word.text.trim().length === 1 && word.confidence < UNREADABLE_CONFIDENCE) ||
  isUnreadable(word)

const REVISED = /^(?:revised|amended|modified|extended|new|corrected|संशोधित)/u

/** A run whose column is headed "Revised" (or "Amended", "New"…) somewhere above it. */
function underRevisedHeading(page: MatchPage, run: number[]): boolean {
  const words = page.words
  const box = union(run.map((w) => words[w]!.bbox))
  const h = height(box)
  return words.some((w) => {
    const b = w.bbox
    return (
      b[3] <= box[1] &&
      b[1] >= box[1] - 15 * h &&
      Math.min(b[2], box[2]) - Math.max(b[0], box[0]) > 0 &&
      REVISED.test(wordKey(w.text).replace(/l/g, 'i'))
    )
  })
}

/**
 * The rest of a heading's phrase after the label matched in it ("Name of Work / Item", "Last Date
 * & Time of Receipt"): words on its row from a joining "/", "&" or "and" on, a word space apart.
 * They name the same column, so they do not end it.
 */
function labelTail(page: MatchPage, hit: WordLabelHit, h: number): Set<number> {
  const words = page.words
  const tail = new Set<number>()
  let edge = hit.bbox[2]
  for (const i of onLabelRow(page, hit).filter((i) => words[i]!.bbox[0] >= hit.bbox[2] - 0.2 * h)) {
    const b = words[i]!.bbox
    if (b[0] - edge > 1.6 * h) break
    if (tail.size === 0 && !continuesLabel(words[i]!.text)) break
    tail.add(i)
    edge = b[2]
  }
  return tail
}

/** The words beside the label on its row (middles within its band), left to right. */
function onLabelRow(page: MatchPage, hit: WordLabelHit): number[] {
  const words = page.words
  return words
    .map((_, i) => i)
    .filter((i) => {
      const m = middle(words[i]!.bbox)
      return !hit.words.includes(i) && m >= hit.bbox[1] && m <= hit.bbox[3]
    })
    .sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0])
}

/**
 * Where the phrase the label ends begins: its row's words to its left, a word space apart, up to
 * another field's label (headings of neighbouring columns can stand a word space apart).
 */
function phraseStart(page: MatchPage, hit: WordLabelHit, h: number, labels: Set<number>): number {
  const words = page.words
  const leftward = onLabelRow(page, hit)
    .filter((i) => words[i]!.bbox[2] <= hit.bbox[0] + 0.2 * h)
    .reverse()
  let start = hit.bbox[0]
  for (const i of leftward) {
    const word = words[i]!
    // Only words of a heading: a mark or a smudge beside it ("©" read off a rule) is no part of it.
    if (
      start - word.bbox[2] > 1.6 * h ||
      labels.has(i) ||
      isDebris(word.text) ||
      !/\p{L}{2}/u.test(word.text)
    )
      break
    start = Math.min(start, word.bbox[0])
  }
  return start
}

/**
 * The cell under a heading: words starting inside the heading's column (from its left edge to the
 * next heading on its row), from the first row under it down while the lines stay close.
 */
function cellBelow(page: MatchPage, hit: WordLabelHit, labels: Set<number>): number[] {
  const words = page.words
  const h = labelTextHeight(page, hit)
  const own = new Set(hit.words)
  // The column starts where the label's phrase does: "Bid Submission Last Date" heads its value
  // from its first word, though only "Last Date" is the label.
  let left = phraseStart(page, hit, h, labels) - 0.6 * h
  let right = Infinity
  const tail = labelTail(page, hit, h)
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    if (own.has(i) || tail.has(i) || b[0] < hit.bbox[2] || isDebris(words[i]!.text)) continue
    if (isRuleFragment(words[i]!, h)) continue
    if (middle(b) >= hit.bbox[1] && middle(b) <= hit.bbox[3]) right = Math.min(right, b[0] - 0.3 * h)
  }
  // A heading alone on its row ("-: NAME OF WORK :-") stands over a paragraph as wide as the page.
  const alone = !words.some((w, i) => {
    const b = w.bbox
    return !own.has(i) && /[\p{L}\p{N}]/u.test(w.text) && middle(b) >= hit.bbox[1] && middle(b) <= hit.bbox[3]
  })
  if (alone) {
    left = -Infinity
    right = Infinity
  }
  const inColumn = words
    .map((_, i) => i)
    .filter((i) => {
      const b = words[i]!.bbox
      return (
        !own.has(i) &&
        b[1] >= hit.bbox[3] - 0.2 * h &&
        b[0] >= left &&
        b[0] < right &&
        !isDebris(words[i]!.text) &&
        !isRuleFragment(words[i]!, h)
      )
    })
    .sort((a, b) => words[a]!.bbox[1] - words[b]!.bbox[1])
  // The first value stands under the heading itself; a stray word off to its side in the column
  // (OCR's reading of a neighbouring heading's second line, a serial number) is not it.
  const under = inColumn.find((i) => {
    const b = words[i]!.bbox
    return b[0] <= hit.bbox[2] + 0.5 * h && b[2] >= hit.bbox[0] - 0.5 * h
  })
  const firstTop = under === undefined ? -Infinity : middle(words[under]!.bbox) - 0.5 * h
  const candidates = inColumn.filter((i) => middle(words[i]!.bbox) >= firstTop)
  const rows: number[][] = []
  let bottom = hit.bbox[3]
  for (const i of candidates) {
    const b = words[i]!.bbox
    const row = rows.at(-1)
    if (row && Math.abs(middle(b) - middle(words[row[0]!]!.bbox)) < 0.5 * h) {
      row.push(i)
      bottom = Math.max(bottom, b[3])
      continue
    }
    const gap = b[1] - bottom
    // A heading's first value may sit a cell's padding and a rule below it.
    if (rows.length === 0 ? gap > 5 * h : gap > 0.9 * h) break
    if (rows.length >= 6) break
    rows.push([i])
    bottom = b[3]
  }
  const cell = rows.map((r) => r.sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0]))
  // A heading straight under a heading (a two-row header) is no value.
  if (cell[0] && labels.has(cell[0][0]!)) return []
  return cell.flat()
}
