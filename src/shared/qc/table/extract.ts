import type { PageText } from '../../document-text'
import type { ColumnRole, ExtractedCell, ExtractedRow, ExtractedTable, TableColumn } from '..'
import { cleanResultText, parseResult } from '../result'
import { extractListTable } from './lines'
import { findHeaders, type HeaderCell, type TableHeader } from './header'
import {
  groupLines,
  median,
  textOf,
  tokensOf,
  unionBox,
  wordSkew,
  type PageLine,
  type Token,
} from './geometry'

/** Ruling lines of a bordered table, in page coordinates (see findRules). */
export interface Rules {
  horizontal: { y: number; x0: number; x1: number }[]
  vertical: { x: number; y0: number; y1: number }[]
}

export interface ExtractOptions {
  rules?: Rules
  /** The last table of the previous page: rows at the top of this page may continue it. */
  continues?: ExtractedTable
}

const FOOTER =
  /^(remarks?|comments?|customer comments|conclusions?|notes?|approved|released|prepared|checked|reviewed|verified|authori[sz]ed|signatures?|signed|qa\b|quality (assurance|control|contact)|storage|disclaimer|this (certificate|document|product|batch)|the (above|product|batch)|we (hereby )?certify|overall|page \d)/i

interface Column extends TableColumn {
  header?: HeaderCell
}

/**
 * Where one column ends and the next begins: inside the span between the two header centres, the
 * x where fewest body words lie (the white channel between columns), or a ruling line there when
 * the table has borders. Header labels are often centred over wide columns, so their edges alone
 * cut values in half.
 */
function separators(cells: HeaderCell[], body: PageLine[], verticalRules: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < cells.length; i++) {
    const a = cells[i]!
    const b = cells[i + 1]!
    const from = Math.max((a.x0 + a.x1) / 2, a.x1 - (a.x1 - a.x0) * 0.25)
    const to = Math.min((b.x0 + b.x1) / 2, b.x0 + (b.x1 - b.x0) * 0.25)
    if (to <= from) {
      out.push((a.x1 + b.x0) / 2)
      continue
    }
    const rule = verticalRules.filter((x) => x > from && x < to)
    const step = 2
    const xs: number[] = []
    const counts: number[] = []
    for (let x = from; x <= to; x += step) {
      xs.push(x)
      counts.push(body.filter((line) => line.tokens.some((t) => t.x0 <= x && x <= t.x1)).length)
    }
    const least = Math.min(...counts)
    // The widest channel at the lowest coverage is the gutter between the columns.
    let bestRun: [number, number] = [from, from]
    for (let k = 0; k < counts.length; k++) {
      if (counts[k] !== least) continue
      let e = k
      while (e + 1 < counts.length && counts[e + 1] === least) e++
      if (xs[e]! - xs[k]! > bestRun[1] - bestRun[0] || bestRun[0] === from) bestRun = [xs[k]!, xs[e]!]
      k = e
    }
    const gapMid = (bestRun[0] + bestRun[1]) / 2
    if (rule.length > 0)
      out.push(rule.reduce((p, c) => (Math.abs(c - gapMid) < Math.abs(p - gapMid) ? c : p)))
    else out.push(gapMid)
  }
  return out
}

function cellOf(tokens: Token[], page: number): ExtractedCell {
  return {
    text: textOf(tokens),
    page,
    bbox: unionBox(tokens),
    confidence: Math.min(...tokens.map((t) => t.confidence)),
  }
}

function mergeCells(
  a: ExtractedCell | undefined,
  b: ExtractedCell | undefined,
  bFirst: boolean,
): ExtractedCell | undefined {
  if (!a) return b
  if (!b) return a
  const [first, second] = bFirst ? [b, a] : [a, b]
  return {
    text: `${first.text} ${second.text}`,
    page: a.page,
    bbox: unionBox([a, b]),
    confidence: Math.min(a.confidence, b.confidence),
  }
}

interface BodyLine {
  line: PageLine
  byColumn: Token[][]
}

function isAnchor(l: BodyLine, columns: Column[]): boolean {
  const has = (role: ColumnRole) => columns.some((c, i) => c.role === role && l.byColumn[i]!.length > 0)
  if (has('result')) return true
  return (has('name') || has('method')) && (has('spec') || has('min') || has('max'))
}

function ruleBetween(rules: Rules['horizontal'], y0: number, y1: number): boolean {
  const [lo, hi] = y0 < y1 ? [y0, y1] : [y1, y0]
  return rules.some((r) => r.y > lo && r.y < hi)
}

/** Reads every results table on a page (a header line, then rows until the table visibly ends). */
export function extractTables(page: PageText, options: ExtractOptions = {}): ExtractedTable[] {
  if (page.words.length === 0) return []
  const angle = wordSkew(page)
  const tokens = tokensOf(page, angle)
  const wordHeight = median(
    tokens.map((t) => t.h),
    20,
  )
  const lines = groupLines(tokens, wordHeight)
  const gap = wordHeight * 1.1
  const headers = findHeaders(lines, gap, wordHeight)
  // Rules are found on the image, in the unrotated frame: only trusted when the page is square.
  const useRules = options.rules && Math.abs(angle) < 0.004 ? options.rules : undefined
  const continued = options.continues
    ? readContinuation(
        page,
        lines,
        headers[0]?.first ?? lines.length,
        options.continues,
        wordHeight,
        useRules,
      )
    : undefined
  if (headers.length === 0) {
    if (continued) return [continued]
    // No table header: results may be printed as numbered "Parameter : value (limit)" lines.
    const list = extractListTable(lines, page.page)
    return list ? [list] : []
  }
  const tables = headers
    .map((header, k) =>
      readTable(page, lines, header, headers[k + 1]?.first ?? lines.length, wordHeight, useRules),
    )
    .filter((t): t is ExtractedTable => t !== undefined)
  return continued ? [continued, ...tables] : tables
}

function splitLine(line: PageLine, columns: Column[]): BodyLine {
  return {
    line,
    byColumn: columns.map((c) =>
      line.tokens.filter((t) => (t.x0 + t.x1) / 2 >= c.x0 && (t.x0 + t.x1) / 2 < c.x1),
    ),
  }
}

/** A line that reads as a table row under `columns`: a parameter name and a result that is a value. */
function isResultRow(l: BodyLine, columns: Column[]): boolean {
  const cell = (role: ColumnRole) => {
    const i = columns.findIndex((c) => c.role === role)
    return i < 0 ? '' : textOf(l.byColumn[i]!)
  }
  const kind = parseResult(cell('result')).kind
  const filled = l.byColumn.filter((t) => t.length > 0).length
  return /[a-z]{2}/i.test(cell('name')) && kind !== 'text' && kind !== 'empty' && filled >= 2
}

/**
 * Rows at the top of a page that go on with the previous page's table, whose header is not
 * repeated: from the first line above `end` that reads as a row under the previous table's columns
 * (a name and a result that is a value) to where the table visibly ends.
 */
function readContinuation(
  page: PageText,
  lines: PageLine[],
  end: number,
  previous: ExtractedTable,
  wordHeight: number,
  rules: Rules | undefined,
): ExtractedTable | undefined {
  if (!previous.columns.some((c) => c.role === 'result') || !previous.columns.some((c) => c.role === 'name'))
    return undefined
  const columns: Column[] = previous.columns.map((c, i) => ({
    ...c,
    x0: i === 0 ? -Infinity : c.x0,
    x1: i === previous.columns.length - 1 ? Infinity : c.x1,
  }))
  const start = lines
    .slice(0, end)
    .findIndex((line) => !FOOTER.test(textOf(line.tokens)) && isResultRow(splitLine(line, columns), columns))
  if (start < 0) return undefined
  const left = previous.columns[0]!.x0
  const right = previous.columns[previous.columns.length - 1]!.x1
  const body = bodyLines(lines, start, end, lines[start]!.top, wordHeight, left, right)
  if (body.length === 0) return undefined
  const rows = groupRows(
    body.map((l) => splitLine(l, columns)),
    columns,
    page.page,
    rules?.horizontal ?? [],
  )
  if (rows.length === 0) return undefined
  return {
    page: page.page,
    bbox: unionBox(body.flatMap((l) => l.tokens)),
    columns: previous.columns,
    rows,
    columnSource: previous.columnSource,
  }
}

/** Lines `from` (inclusive) up to `end` that belong to the table, until it visibly ends. */
function bodyLines(
  lines: PageLine[],
  from: number,
  end: number,
  top: number,
  wordHeight: number,
  left: number,
  right: number,
): PageLine[] {
  const body: PageLine[] = []
  let prevBottom = top
  for (let i = from; i < end; i++) {
    const line = lines[i]!
    if (line.top - prevBottom > wordHeight * 3.5) break
    if (FOOTER.test(textOf(line.tokens))) break
    // Words far outside the table's columns belong to something beside or below it.
    const margin = Math.max(wordHeight * 2, (right - left) * 0.15)
    const inside = line.tokens.filter((t) => t.x1 > left - margin && t.x0 < right + margin)
    if (inside.length === 0) break
    body.push({ ...line, tokens: inside })
    prevBottom = line.bottom
  }
  return body
}

function readTable(
  page: PageText,
  lines: PageLine[],
  header: TableHeader,
  end: number,
  wordHeight: number,
  rules: Rules | undefined,
): ExtractedTable | undefined {
  const cells = header.cells
  const left = Math.min(...cells.map((c) => c.x0))
  const right = Math.max(...cells.map((c) => c.x1))
  const body = bodyLines(lines, header.last + 1, end, lines[header.last]!.bottom, wordHeight, left, right)
  const top = lines[header.first]!.top
  const bottom = body.length ? body[body.length - 1]!.bottom : lines[header.last]!.bottom
  const verticalRules = (rules?.vertical ?? [])
    .filter((r) => r.y0 < bottom && r.y1 > top && r.y1 - r.y0 > (bottom - top) * 0.3)
    .map((r) => r.x)
  const seps = separators(cells, body, verticalRules)
  const columns: Column[] = cells.map((c, i) => ({
    role: c.role,
    label: c.label,
    x0: i === 0 ? -Infinity : seps[i - 1]!,
    x1: i === cells.length - 1 ? Infinity : seps[i]!,
    header: c,
  }))
  const split: BodyLine[] = body.map((line) => splitLine(line, columns))
  const rows = groupRows(split, columns, page.page, rules?.horizontal ?? [])
  const allTokens = [...cells.flatMap((c) => c.tokens), ...body.flatMap((l) => l.tokens)]
  return {
    page: page.page,
    bbox: unionBox(allTokens),
    columns: columns.map(({ header: _header, ...c }) => ({
      ...c,
      x0: Number.isFinite(c.x0) ? c.x0 : left,
      x1: Number.isFinite(c.x1) ? c.x1 : right,
    })),
    rows,
    columnSource: verticalRules.length > 0 ? 'rules' : 'gaps',
  }
}

/**
 * Physical lines → table rows. A line with a result (or a name with a limit) starts a row; any
 * other line is a wrapped part of the nearest such line, unless a ruling line separates them.
 */
function groupRows(
  lines: BodyLine[],
  columns: Column[],
  page: number,
  hRules: Rules['horizontal'],
): ExtractedRow[] {
  const anchors = lines.map((l) => isAnchor(l, columns))
  const owner = lines.map((l, i) => {
    if (anchors[i]) return i
    let best = -1
    let bestDistance = Infinity
    for (let j = 0; j < lines.length; j++) {
      if (!anchors[j]) continue
      const d = Math.abs(lines[j]!.line.cy - l.line.cy)
      // Wrapped text usually continues downwards: a line above must be clearly nearer to win.
      const weighted = j > i ? d * 1.3 : d
      if (weighted < bestDistance && !ruleBetween(hRules, lines[j]!.line.cy, l.line.cy)) {
        best = j
        bestDistance = weighted
      }
    }
    const pitch = median(
      lines.slice(1).map((x, k) => x.line.cy - lines[k]!.line.cy),
      l.line.bottom - l.line.top,
    )
    return best >= 0 && bestDistance <= pitch * 2.2 ? best : i
  })
  const rows: ExtractedRow[] = []
  const rowOf = new Map<number, ExtractedRow>()
  lines.forEach((l, i) => {
    const own = owner[i]!
    let row = rowOf.get(own)
    const lineCells = columns.map((_, c) =>
      l.byColumn[c]!.length ? cellOf(l.byColumn[c]!, page) : undefined,
    )
    if (!row) {
      row = { page, bbox: unionBox(l.line.tokens), cells: {}, others: [] }
      rowOf.set(own, row)
      rows.push(row)
    }
    row.bbox = unionBox([row, ...l.line.tokens])
    columns.forEach((col, c) => {
      const cell = lineCells[c]
      if (!cell) return
      if (col.role === 'other') {
        row.others.push(cell)
        return
      }
      const merged = mergeCells(row.cells[col.role], cell, false)
      if (merged) row.cells[col.role] = merged
    })
  })
  return rows.filter((r) => Object.keys(r.cells).length > 0 || r.others.length > 0).map(cleanRow)
}

/** A result cell without OCR debris; a method reference printed after the value moves to the method. */
function cleanRow(row: ExtractedRow): ExtractedRow {
  const result = row.cells.result
  if (!result) return row
  const cleaned = cleanResultText(result.text)
  if (cleaned.text === result.text && !cleaned.method) return row
  const cells = { ...row.cells, result: { ...result, text: cleaned.text } }
  if (cleaned.method && !cells.method) cells.method = { ...result, text: cleaned.method }
  return { ...row, cells }
}
