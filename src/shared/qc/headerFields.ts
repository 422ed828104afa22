import type { PageText } from '../document-text'
import { findCoaDate, type HeaderField, type HeaderFieldName } from '.'
import {
  groupLines,
  median,
  phrases,
  textOf,
  tokensOf,
  unionBox,
  wordSkew,
  type Token,
} from './table/geometry'

/** Labels, tried in order; the value is what follows the label on its line (or in the cell below). */
const LABELS: [HeaderFieldName, RegExp][] = [
  ['productCode', /^(product|item|material|article|catalog(ue)?|part)\s*(code|no\.?|number|#|id)\s*:?/i],
  ['batch', /^(batch|lot)\s*(\/\s*lot|\/\s*batch)?\s*(no\.?|number|#|nr\.?|code)?\s*:?(?=\s|$)/i],
  [
    'manufactured',
    /^(manufactur(ing|e[d]?)|mfg\.?|mfd\.?|production|produced|date of (manufacture|production))\s*(\/\s*packaging)?\s*(date|on)?\s*[:/]?/i,
  ],
  [
    'expiry',
    /^(exp(iry|iration|\.)?|expires|date of (expiry|expiration)|best before|use (by|before)|retest|re-test|shelf life until|valid until)\s*(\/\s*(retest|re-test|expiry)\s*)?(date|on)?(?![a-z])\s*:?/i,
  ],
  [
    'product',
    /^(product( name)?|item( name| description)?|material( name)?|description|commodity|name of (product|material))\s*:?(?=\s|$)/i,
  ],
  [
    'supplier',
    /^(supplier|manufacturer|vendor|manufactured by|supplied by|producer)\s*(name)?\s*:?(?=\s|$)/i,
  ],
]

const COMPANY =
  /\b(inc|ltd|llc|gmbh|ag|s\.?a|co|corp(oration)?|company|laborator(y|ies)|limited|plc|pvt|b\.?v|kg)\b\.?/i

/**
 * A word without the marks OCR reads from dust and from the quote-like speckles before a label
 * ("‘Expiration", "\"Exp."), or undefined when nothing of it is left (a lone "©", "*", "~~").
 */
function withoutDebris(t: Token): Token | undefined {
  const text = t.text.replace(/^[‘’'"“”`°*~©®|_]+/, '').replace(/[‘’'"“”`°*~©®|_]+$/, '')
  if (!/[\p{L}\p{N}:/.-]/u.test(text)) return undefined
  return text === t.text ? t : { ...t, text }
}

function field(tokens: Token[], page: number, label: string): HeaderField {
  return {
    text: textOf(tokens),
    page,
    bbox: unionBox(tokens),
    confidence: Math.min(...tokens.map((t) => t.confidence)),
    label,
  }
}

/** "03507-XX-KG0025": a code a product value may open with, before the name. */
function isProductCode(text: string): boolean {
  return /\d/.test(text) && /^[A-Z0-9][A-Z0-9\-/.]{4,}$/i.test(text)
}

function labelled(text: string): HeaderFieldName | undefined {
  return LABELS.find(([, re]) => re.test(text))?.[0]
}

/** Labels of header fields the desk does not read; they end the value printed before them. */
const OTHER_LABEL =
  /^((test |analysis )?report|ref(erence)?|a\.?\s?r\.?|certificate|coa|invoice|p\.?\s?o\.?|order|sample[ds]?|analy[sz](is|ed)|test(ed|ing)?|issue[d]?|date|quantity|qty|grade|pack(ing|\s*size)?|customer|page|specification|standard|lab(oratory)?|s\.?\s?no|shelf life|storage|dispatch|despatch|challan|net (wt\.?|weight)|gross (wt\.?|weight)|consignee|buyer|party)(?:(?![a-z])|(?=no\b))\.?\s*(no\.?|number|#|date|ref\.?|of [a-z]+|name|size|qty)?(?![a-z])\.?\s*:?/i

const ALL_LABELS = [...LABELS.map(([, re]) => re), OTHER_LABEL]

/** Whether a text is only a label ("Batch No.", "Expiry Date :", "Report No"), never a value. */
export function isFieldLabel(text: string): boolean {
  const t = text.trim().replace(/\s*:$/, '')
  if (t === '') return false
  return ALL_LABELS.some((re) => {
    const m = re.exec(t)
    return !!m && m[0].replace(/[:\s]+$/, '').length >= t.length
  })
}

/**
 * Words of a label starting at `tokens[i]` that ends in a colon ("Report No. :", "Expiry Date:"),
 * or 0. A label without a colon in the middle of a phrase is too easily a word of a value.
 */
function colonLabelAt(tokens: Token[], i: number): number {
  const text = textOf(tokens.slice(i))
  for (const re of ALL_LABELS) {
    const m = re.exec(text)
    if (!m) continue
    const words = m[0].trim().split(/\s+/).length
    if (/:\s*$/.test(m[0]) || /:$/.test(tokens[i + words - 1]?.text ?? '')) return words
    if (/^:/.test(tokens[i + words]?.text ?? '')) return words + (tokens[i + words]!.text === ':' ? 1 : 0)
  }
  return 0
}

/** Words of the label a segment starts with: a known label, else words up to a colon (at most 4). */
function labelLength(tokens: Token[], s: number): number {
  const text = textOf(tokens.slice(s))
  for (const re of ALL_LABELS) {
    const m = re.exec(text)
    if (!m) continue
    const words = m[0].trim().split(/\s+/).length
    return words + (tokens[s + words]?.text === ':' ? 1 : 0)
  }
  for (let k = s; k < Math.min(tokens.length, s + 4); k++) if (/:$/.test(tokens[k]!.text)) return k - s + 1
  return 0
}

/**
 * A header line as label–value cells: split where the space between words is wide, and where a
 * second label begins inside a phrase ("Product : Bleaching Powder  Report No. : QC/2026/118" in a
 * two- or three-column header block whose columns sit close together).
 */
function headerCells(tokens: Token[], gap: number): Token[][] {
  const out: Token[][] = []
  for (const phrase of phrases(tokens, gap)) {
    let s = 0
    let min = labelLength(phrase, 0) + 1
    for (let i = 1; i < phrase.length; i++) {
      if (i < min) continue
      let words = colonLabelAt(phrase, i)
      let start = i
      if (words === 0 && phrase[i]!.text === ':' && i + 1 < phrase.length) {
        // An unknown label before a spaced " : " ("Grade : IS 1065"): the word before it. A colon
        // glued to a word may be part of a value ("Zinc Oxide: Feed Grade"), so it splits nothing.
        start = i - 1
        words = 2
        if (start < min) continue
      }
      if (words === 0) continue
      out.push(phrase.slice(s, start))
      s = start
      min = start + words + 1
      i = start + words - 1
    }
    out.push(phrase.slice(s))
  }
  return out.filter((c) => c.length > 0)
}

/**
 * A value printed under its label, as in a grid header ("Batch No.  Mfg. Date  Expiry Date" over
 * "QC118  01/2026  12/2027"): the words of the next line that lie under the label, up to the next
 * label's column.
 */
function valueBelow(
  below: { tokens: Token[]; top: number } | undefined,
  bottom: number,
  label: Token[],
  next: Token[] | undefined,
  wordHeight: number,
): Token[] {
  if (!below || below.top - bottom > wordHeight * 1.5) return []
  const x0 = label[0]!.x0 - wordHeight
  const x1 = next ? next[0]!.x0 - wordHeight * 0.5 : label[label.length - 1]!.x1 + wordHeight * 4
  const inColumn = below.tokens.filter((t) => t.x0 >= x0 && t.x1 <= x1)
  // One phrase: where OCR lost the next label, its value must not join this one ("AA/26/867
  // 01-Jun-2026" under "Batch No." when "Mfg. Date" beside it was not read).
  const words = phrases(inColumn, wordHeight * 1.6)[0] ?? []
  if (words.length === 0 || isFieldLabel(textOf(words)) || colonLabelAt(words, 0) > 0) return []
  return words.filter((t) => !/^[:/]$/.test(t.text))
}

/**
 * Header fields of a COA (product, code, batch, dates, supplier) from label–value pairs outside the
 * results table. A product value that starts with a code ("03507-XX-KG0025 Zinc Bisglycinate")
 * gives both the code and the name.
 */
export function extractHeaderFields(
  page: PageText,
  exclude: { y0: number; y1: number }[] = [],
): Partial<Record<HeaderFieldName, HeaderField>> {
  const angle = wordSkew(page)
  const tokens = tokensOf(page, angle)
    .filter((t) => !exclude.some((e) => t.cy >= e.y0 && t.cy <= e.y1))
    .map(withoutDebris)
    .filter((t): t is Token => t !== undefined)
  const wordHeight = median(
    tokens.map((t) => t.h),
    20,
  )
  const lines = groupLines(tokens, wordHeight)
  const out: Partial<Record<HeaderFieldName, HeaderField>> = {}
  lines.forEach((line, li) => {
    const cells = headerCells(line.tokens, wordHeight * 1.6)
    cells.forEach((cell, ci) => {
      const text = textOf(cell)
      const name = labelled(text)
      if (!name || out[name]) return
      const match = LABELS.find(([n]) => n === name)![1].exec(text)!
      // Label and value in one phrase ("Batch No: 123"), or the value in the next phrase(s).
      const labelWords = match[0].trim().split(/\s+/).length
      let value = cell.slice(labelWords)
      const isLabel = (c: Token[] | undefined) =>
        !!c && (!!labelled(textOf(c)) || colonLabelAt(c, 0) > 0 || isFieldLabel(textOf(c)))
      if (value.length === 0) {
        const next = cells[ci + 1]
        if (next && !isLabel(next)) value = next
        if (next && !isLabel(next) && (name === 'product' || name === 'productCode')) {
          const after = cells[ci + 2]
          if (after && !isLabel(after)) value = [...next, ...after]
        }
      }
      value = value.filter((t) => !/^[:/]$/.test(t.text))
      // A label is never a value ("Expiry" under "Retest date"): look in the cell below instead.
      if (value.length > 0 && (isFieldLabel(textOf(value)) || colonLabelAt(value, 0) > 0)) value = []
      if (value.length === 0) {
        value = valueBelow(lines[li + 1], line.bottom, cell, cells[ci + 1], wordHeight)
        // Under a label, only what reads as its kind of value: a date, a batch with a digit.
        const below = textOf(value)
        if ((name === 'manufactured' || name === 'expiry') && !findCoaDate(below)) value = []
        if ((name === 'batch' || name === 'productCode') && !/\d/.test(below)) value = []
      }
      if (value.length === 0) return
      // A name that wraps onto the next line, starting under its first word.
      const below = lines[li + 1]
      if (name === 'product' && below && below.top - line.bottom < wordHeight) {
        // Under the name's first word; under the second when the value opens with a product code.
        const x0 = value[value.length > 1 && isProductCode(value[0]!.text) ? 1 : 0]!.x0
        const cont = below.tokens.filter((t) => Math.abs(t.x0 - x0) < wordHeight * 2)
        const startsRow = below.tokens[0] && below.tokens[0].x0 < cell[0]!.x0 + wordHeight
        if (cont.length > 0 && !startsRow) {
          const first = cont[0]!
          value = [
            ...value,
            ...below.tokens.filter(
              (t) => t.x0 >= first.x0 && t.x0 - first.x1 < wordHeight * 1.6 + (t.x0 - first.x0),
            ),
          ]
          value = value.filter((t, i, all) => all.indexOf(t) === i)
          value = value.slice(0, value.findIndex((t, i) => i > 0 && labelled(t.text) !== undefined) >>> 0)
        }
      }
      const label = match[0].replace(/[:\s]+$/, '')
      if (name === 'product') {
        const [code, ...rest] = value
        if (code && rest.length > 0 && isProductCode(code.text)) {
          if (!out.productCode) out.productCode = field([code], page.page, label)
          value = rest
        }
      }
      const f = field(value, page.page, label)
      if (name === 'batch' || name === 'productCode') {
        // OCR spaces out "FC-2609-31" as "FC- 2609- 31" and reads a colon or dash before it.
        f.text = f.text.replace(/\s*([-/])\s*/g, '$1').replace(/^[^\p{L}\p{N}]+/u, '')
        if (!/\d/.test(f.text)) return
      }
      if (name === 'manufactured' || name === 'expiry') {
        const date = findCoaDate(f.text)
        if (date) {
          out[name] = { ...f, text: date.text, date: date.iso }
          return
        }
      }
      out[name] = f
    })
  })
  if (!out.supplier) {
    // The letterhead: a company name in the top sixth of the page.
    const top = lines.filter((l) => l.bottom < page.height / 6)
    for (const line of top) {
      for (const cell of phrases(line.tokens, wordHeight * 1.6)) {
        if (COMPANY.test(textOf(cell)) && !labelled(textOf(cell))) {
          out.supplier = { ...field(cell, page.page, ''), label: '' }
          return out
        }
      }
    }
  }
  return out
}
