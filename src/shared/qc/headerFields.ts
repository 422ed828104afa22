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
    /^(exp(iry|iration|\.)?|expires|best before|use by|retest|re-test|shelf life until|valid until)\s*(date|on)?\s*:?/i,
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

function field(tokens: Token[], page: number, label: string): HeaderField {
  return {
    text: textOf(tokens),
    page,
    bbox: unionBox(tokens),
    confidence: Math.min(...tokens.map((t) => t.confidence)),
    label,
  }
}

function labelled(text: string): HeaderFieldName | undefined {
  return LABELS.find(([, re]) => re.test(text))?.[0]
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
  const tokens = tokensOf(page, angle).filter((t) => !exclude.some((e) => t.cy >= e.y0 && t.cy <= e.y1))
  const wordHeight = median(
    tokens.map((t) => t.h),
    20,
  )
  const lines = groupLines(tokens, wordHeight)
  const out: Partial<Record<HeaderFieldName, HeaderField>> = {}
  lines.forEach((line, li) => {
    const cells = phrases(line.tokens, wordHeight * 1.6)
    cells.forEach((cell, ci) => {
      const text = textOf(cell)
      const name = labelled(text)
      if (!name || out[name]) return
      const match = LABELS.find(([n]) => n === name)![1].exec(text)!
      // Label and value in one phrase ("Batch No: 123"), or the value in the next phrase(s).
      const labelWords = match[0].trim().split(/\s+/).length
      let value = cell.slice(labelWords)
      if (value.length === 0) {
        const next = cells[ci + 1]
        if (next && !labelled(textOf(next))) value = next
        if (next && (name === 'product' || name === 'productCode')) {
          const after = cells[ci + 2]
          if (after && !labelled(textOf(after))) value = [...next, ...after]
        }
      }
      value = value.filter((t) => !/^[:/]$/.test(t.text))
      if (value.length === 0) return
      // A name that wraps onto the next line, starting under its first word.
      const below = lines[li + 1]
      if (name === 'product' && below && below.top - line.bottom < wordHeight) {
        const x0 = value[value.length > 1 ? 1 : 0]!.x0
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
        if (
          code &&
          rest.length > 0 &&
          /\d/.test(code.text) &&
          /^[A-Z0-9][A-Z0-9\-/.]{4,}$/i.test(code.text)
        ) {
          if (!out.productCode) out.productCode = field([code], page.page, label)
          value = rest
        }
      }
      const f = field(value, page.page, label)
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
