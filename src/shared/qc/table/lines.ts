import type { ExtractedCell, ExtractedRow, ExtractedTable, TableColumn } from '../coa'
import { cleanResultText, parseResult } from '../result'
import { isFieldLabel } from '../headerFields'
import { unionBox, type PageLine, type Token } from './geometry'

/**
 * Results printed as lines rather than a table, as many Indian test reports do:
 * "2. Ferric chloride (as FeCl3) : 42.85 % (Min. 40.0)", "Insolubles - 0.45 % Limit: Max. 1.0".
 * A number, the parameter, a ":" or " - ", the result with its unit, then the limit in brackets or
 * after "Limit:"/"Spec:". Each line becomes a row shaped like a table row (cells with boxes).
 */
const ITEM = /^(?:(\d{1,2})\s*(?:[.)]\s*|\s+))?([A-Za-z][^:]*?)\s*:\s*(\S.*)$/
/** "Ferrous chloride: (as FeCl2): 1.35 %": OCR put a colon inside the name; the value follows the last. */
const ITEM_LAST_COLON = /^(?:(\d{1,2})\s*(?:[.)]\s*|\s+))?([A-Za-z].*?)\s*:\s*([^:]*)$/
const ITEM_DASH = /^(?:(\d{1,2})\s*(?:[.)]\s*|\s+))?([A-Za-z].*?)\s+[-–—]\s+(\S.*)$/
const BRACKET_LIMIT =
  /\s*[[(]\s*((?:min|max|nlt|nmt|not (?:less|more) than|limit|spec|req|range|<|>|≤|≥|should|to be|free|absent)[^)\]]*|[\d.,]+\s*(?:[-–~]|to)?\s*[\d.,]+[^)\]]*)(?:[)\]]|(?<=\d)\s*[|!1l]?)\s*$/i
const WORD_LIMIT =
  /[\s,;]*\b(?:limits?|spec(?:ification)?s?|std|standard|requirements?|norms?)\b\.?\s*[:\-–]?\s*(\S.*)$/i
const BARE_LIMIT = /\s+((?:min|max|nlt|nmt|not (?:less|more) than)\b\.?\s*[\d.,]+.*)$/i
const QUALITATIVE = new Set(['pass', 'fail', 'absent', 'present', 'not-detected'])
const VALUE_KINDS = new Set(['number', 'below', 'above'])
const UNIT_WORD = /^(%(\s*[wv]\s*\/\s*[wv])?|ppm|ppb|[a-zµμ%°]+(\s*\/\s*[a-z0-9µμ]+)*|pH)$/i

interface Span {
  start: number
  end: number
}

/** Cell for a span of the line's text: the text of the span, the box of the words it touches. */
function cellFor(text: string, span: Span, tokens: Token[], offsets: Span[], page: number): ExtractedCell {
  const touched = tokens.filter((_, i) => offsets[i]!.start < span.end && offsets[i]!.end > span.start)
  return {
    text: text.slice(span.start, span.end).trim(),
    page,
    bbox: unionBox(touched),
    confidence: Math.min(...touched.map((t) => t.confidence)),
  }
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

/**
 * A line's words without OCR debris at its ends: marks before the first word (a lost item number
 * read as ". " or "; ") and scraps after a closing bracket ("(Max. 3.0 ppm) oo", "… ppm) -").
 */
function trimDebris(tokens: Token[]): Token[] {
  let from = 0
  let to = tokens.length
  while (from < to && !/[\p{L}\p{N}]/u.test(tokens[from]!.text)) from++
  // "2 _ Alumina": the item number, then a speck where its dot was.
  if (
    from + 1 < to &&
    /^\d{1,2}[.)]?$/.test(tokens[from]!.text) &&
    !/[\p{L}\p{N}]/u.test(tokens[from + 1]!.text)
  ) {
    const rest = trimDebris(tokens.slice(from + 1, to))
    return [tokens[from]!, ...rest]
  }
  const closing = tokens.findLastIndex((t) => /[)\]]$/.test(t.text))
  if (closing >= from)
    while (
      to - 1 > closing &&
      (tokens[to - 1]!.text.length <= 2 || !/[\p{L}\p{N}]/u.test(tokens[to - 1]!.text))
    )
      to--
  return tokens.slice(from, to)
}

/** "1. 35" as OCR splits "1.35" after the decimal point: one word again. */
function joinSplitDecimals(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (const t of tokens) {
    const prev = out[out.length - 1]
    if (prev && /\d\.$/.test(prev.text) && /^\d/.test(t.text) && t.x0 - prev.x1 < t.h * 0.8)
      out[out.length - 1] = {
        ...prev,
        text: prev.text + t.text,
        bbox: unionBox([prev, t]),
        confidence: Math.min(prev.confidence, t.confidence),
        x1: t.x1,
      }
    else out.push(t)
  }
  return out
}

function readLine(line: PageLine, page: number): ExtractedRow | undefined {
  const tokens = joinSplitDecimals(trimDebris(line.tokens))
  if (tokens.length === 0) return undefined
  const offsets: Span[] = []
  let text = ''
  for (const t of tokens) {
    if (text) text += ' '
    offsets.push({ start: text.length, end: text.length + t.text.length })
    text += t.text
  }
  // The separator is whichever comes first: "Insolubles - 0.45 % Limit: Max 1.0" splits at " - ".
  const colon = text.indexOf(':')
  const dash = text.search(/\s[-–—]\s/)
  const order =
    dash >= 0 && (colon < 0 || dash < colon)
      ? [ITEM_DASH, ITEM, ITEM_LAST_COLON]
      : [ITEM, ITEM_DASH, ITEM_LAST_COLON]
  for (const pattern of order) {
    const m = pattern.exec(text)
    const row = m && readItem(m, text, tokens, offsets, page)
    if (row) return row
  }
  return undefined
}

function readItem(
  m: RegExpExecArray,
  text: string,
  tokens: Token[],
  offsets: Span[],
  page: number,
): ExtractedRow | undefined {
  const numbered = m[1] !== undefined
  const name = m[2]!.trim()
  if (
    !/[a-z]{2}/i.test(name) ||
    name.split(/\s+/).length > 10 ||
    (isFieldLabel(name) && !/^description$/i.test(name))
  )
    return undefined
  const nameStart = text.indexOf(m[2]!, m[1] ? text.indexOf(m[1]) + m[1].length : 0)
  const nameSpan = trimSpan(text, { start: nameStart, end: nameStart + m[2]!.length })
  const restStart = text.length - m[3]!.length
  let rest = m[3]!
  let limitSpan: Span | undefined
  const limit = BRACKET_LIMIT.exec(rest) ?? WORD_LIMIT.exec(rest) ?? BARE_LIMIT.exec(rest)
  if (limit && limit.index > 0) {
    const at = restStart + limit.index + limit[0].indexOf(limit[1]!)
    limitSpan = trimSpan(text, { start: at, end: at + limit[1]!.length })
    rest = rest.slice(0, limit.index)
  } else {
    // "Complies (White crystalline powder)": words in brackets after a value are its requirement.
    const bracket = /\s*[[(]([^()[\]]*[a-z][^()[\]]*)[)\]]\s*$/i.exec(rest)
    const before = bracket && bracket.index > 0 ? parseResult(rest.slice(0, bracket.index)).kind : 'empty'
    if (bracket && (VALUE_KINDS.has(before) || QUALITATIVE.has(before))) {
      const at = restStart + bracket.index + bracket[0].indexOf(bracket[1]!)
      limitSpan = trimSpan(text, { start: at, end: at + bracket[1]!.length })
      rest = rest.slice(0, bracket.index)
    }
  }
  const cleaned = cleanResultText(rest)
  if (cleaned.text === '') return undefined
  const parsed = parseResult(cleaned.text)
  const valueLike = parsed.kind !== 'text' && parsed.kind !== 'empty'
  // An unnumbered "Key : value" line is a result only when the value reads as one.
  if (!valueLike && !numbered) return undefined
  const found = rest.indexOf(cleaned.text)
  if (found < 0) {
    // Cleaning rewrote the value ("€ 0.30" is "< 0.30"): one cell over the words it came from.
    const span = trimSpan(text, { start: restStart, end: restStart + rest.length })
    const cells: ExtractedRow['cells'] = {
      name: cellFor(text, nameSpan, tokens, offsets, page),
      result: { ...cellFor(text, span, tokens, offsets, page), text: cleaned.text },
    }
    if (limitSpan) cells.spec = cellFor(text, limitSpan, tokens, offsets, page)
    return {
      page,
      bbox: unionBox([cells.name!, cells.result!, ...(cells.spec ? [cells.spec] : [])]),
      cells,
      others: [],
    }
  }
  const resultAt = restStart + found
  let resultSpan: Span = { start: resultAt, end: resultAt + cleaned.text.length }
  let unitSpan: Span | undefined
  if (parsed.kind === 'number' || parsed.kind === 'below' || parsed.kind === 'above') {
    // "42.85 %": the unit in its own cell, as a table with a Unit column gives it.
    const unit = /^(.*\d)\s*([^\d\s][^\d]*)$/.exec(cleaned.text)
    if (unit && UNIT_WORD.test(unit[2]!) && parseResult(unit[1]!).kind === parsed.kind) {
      const unitAt = resultAt + cleaned.text.length - unit[2]!.length
      unitSpan = { start: unitAt, end: resultSpan.end }
      resultSpan = trimSpan(text, { start: resultAt, end: resultAt + unit[1]!.length })
    }
  }
  const cells: ExtractedRow['cells'] = {
    name: cellFor(text, nameSpan, tokens, offsets, page),
    result: cellFor(text, resultSpan, tokens, offsets, page),
  }
  if (unitSpan) cells.unit = cellFor(text, unitSpan, tokens, offsets, page)
  if (limitSpan) cells.spec = cellFor(text, limitSpan, tokens, offsets, page)
  if (cleaned.method) {
    const at = text.indexOf(cleaned.method, resultAt)
    if (at >= 0)
      cells.method = cellFor(text, { start: at, end: at + cleaned.method.length }, tokens, offsets, page)
  }
  const used = Object.values(cells).map((c) => c.bbox)
  return {
    page,
    bbox: unionBox([...used.map((bbox) => ({ bbox })), ...(numbered ? [tokens[0]!] : [])]),
    cells,
    others: [],
  }
}

/**
 * The results of a page printed as numbered (or "Parameter : value") lines, as one table, when at
 * least two lines read as results and at least one is numbered or gives a value a result column
 * would (a number, a "<"/"NMT" form, Complies, Absent…). Undefined otherwise.
 */
export function extractListTable(lines: PageLine[], page: number): ExtractedTable | undefined {
  const rows: ExtractedRow[] = []
  for (const line of lines) {
    const row = readLine(line, page)
    if (row) rows.push(row)
  }
  if (rows.length < 2) return undefined
  const numeric = rows.filter((r) => {
    const kind = parseResult(r.cells.result!.text).kind
    return kind === 'number' || kind === 'below' || kind === 'above' || QUALITATIVE.has(kind)
  })
  if (numeric.length === 0) return undefined
  const column = (role: TableColumn['role'], label: string): TableColumn | undefined => {
    const boxes = rows.map((r) => r.cells[role as 'name']?.bbox).filter((b) => b !== undefined)
    if (boxes.length === 0) return undefined
    return {
      role,
      label,
      x0: Math.min(...boxes.map((b) => b[0])),
      x1: Math.max(...boxes.map((b) => b[2])),
    }
  }
  const columns = [
    column('name', 'Parameter'),
    column('result', 'Result'),
    column('unit', 'Unit'),
    column('spec', 'Limit'),
    column('method', 'Method'),
  ].filter((c): c is TableColumn => c !== undefined)
  return { page, bbox: unionBox(rows), columns, rows, columnSource: 'gaps' }
}
