import {
  boxAround,
  centreInside,
  type BBox,
  type DocumentText,
  type PageText,
} from '../../../shared/document-text'
import { cleanResultText, parseResult, unitInfo, type ParameterVerdict } from '../../../shared/qc'
import type { CoaReport } from './assessCoa'
import { oneSlip } from '../ocr/slips'

/** A page reading of a result this sure, that passes, is taken as read; anything less is read again. */
export const SURE_CONFIDENCE = 90
/** Closer readings of a number must be at least this sure to confirm or correct the page's. */
export const REREAD_CONFIDENCE = 80
/**
 * Every closer reading of a unit must be this sure, and read the page's unit, to confirm it (units
 * such as "cfu/g" are read less surely than digits, and a unit is only ever confirmed).
 */
export const UNIT_CONFIDENCE = 60

/**
 * How each result cell is looked at again: at 1×, 2× and 3× the page's pixels, never denoised (the
 * 3×3 median a speckled page is read with wears decimal points away; the crop drops specks and
 * ruling lines itself).
 */
export function rereadLooks(): { scale: number; denoise: boolean }[] {
  return [1, 2, 3].map((scale) => ({ scale, denoise: false }))
}

/** One reading of a cell's value. */
export interface Reading {
  text: string
  confidence: number
}

/**
 * What reading a result again said about the page's reading:
 * - `confirmed`: the closer readings give the page's value; it stands, as sure as the surest reading.
 * - `corrected`: the closer readings agree on a value the page's reading becomes by one OCR slip (a
 *   speck read as a digit, a lost or moved decimal point), and they outweigh it (surer than the page,
 *   or all of three or more looks sure of it): it replaces the page's.
 * - `disputed`: the closer readings agree on another value, and no slip explains it or they do not
 *   outweigh the page: a person looks (never a pass).
 * - `unsure`: the closer readings do not agree with each other; the page's reading stands.
 */
export type RereadOutcome = 'confirmed' | 'corrected' | 'disputed' | 'unsure'

export interface CellReread {
  page: number
  /** The words read again (indexes into the page's words), and their box on the page. */
  words: number[]
  bbox: BBox
  first: Reading
  again: Reading[]
  outcome: RereadOutcome
  /** For the report: "read "10.10" on the page and "0.10" from the cell alone". */
  detail: string
}

/** What pipeline.readCells does; injected so the decision can be tested without workers. */
export type ReadCells = (page: PageText, boxes: BBox[], kind: 'number' | 'unit') => Promise<Reading[][]>

/**
 * A word that is (part of) a number: digits, with only what OCR puts around and between them
 * (debris, bounds, a decimal point read as "-" or ",", O or l for 0 or 1).
 */
const NUMERIC_WORD = /^[\d.,:;'"`<>≤≥=%+|()[\]{}°*OolI\-–—]*$/
/** A bound or a percent sign printed apart from its number ("< 0.05", "0.115 %"). */
const BOUND_WORD = /^(?:<|>|≤|≥|<=|>=|%)$/

/**
 * The runs of numeric words in a cell, each read again as one picture: words on one line next to
 * each other ("<", "0.05"; "1.", "35"), the number itself at least.
 */
export function numericRuns(page: PageText, cell: BBox): number[][] {
  const inCell = page.words
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => w.text.trim() !== '' && centreInside(w.bbox, cell))
    .sort((a, b) => a.w.bbox[0] - b.w.bbox[0])
  const runs: number[][] = []
  let run: typeof inCell = []
  const flush = () => {
    if (run.some(({ w }) => /\d/.test(w.text))) runs.push(run.map(({ i }) => i))
    run = []
  }
  for (const item of inCell) {
    const text = item.w.text.trim()
    if (!(NUMERIC_WORD.test(text) && /\d/.test(text)) && !BOUND_WORD.test(text)) {
      flush()
      continue
    }
    const last = run[run.length - 1]
    if (last) {
      const a = last.w.bbox
      const b = item.w.bbox
      const h = Math.max(a[3] - a[1], b[3] - b[1])
      const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
      if (overlap < h * 0.5 || b[0] - a[2] > h * 1.5) flush()
    }
    run.push(item)
  }
  flush()
  return runs
}

/** A reading as the verdict sees it: kind and value ("<0.05" and "< 0.05" are the same). */
function valueKey(text: string): string | undefined {
  const parsed = parseResult(text)
  if (parsed.kind === 'number') return `=${parsed.value}`
  if (parsed.kind === 'below' || parsed.kind === 'above')
    return `${parsed.kind}${parsed.inclusive ? '=' : ''}${parsed.value}`
  return undefined
}

/** The number as printed, bound included, without its unit or debris ("<0.05", "160.5"). */
function numberPart(text: string): string {
  return cleanResultText(text).text.replace(/[^\d.,<>≤≥-]/g, '')
}

/**
 * Decides what a cell's closer readings say about its page reading (see RereadOutcome). The closer
 * readings agree when at least two of them, each sure, give one value and none sure gives another.
 */
export function judgeReread(
  first: Reading,
  again: Reading[],
  /** The page's reading gave no verdict (review): its confidence does not stand against the looks. */
  doubtful = false,
): { outcome: RereadOutcome; taken: Reading } {
  const sure = again
    .map((r) => ({ ...r, key: valueKey(r.text) }))
    .filter((r) => r.key !== undefined && r.confidence >= REREAD_CONFIDENCE)
  const key = sure[0]?.key
  if (sure.length < 2 || sure.some((r) => r.key !== key)) return { outcome: 'unsure', taken: first }
  const confidence = Math.min(...sure.map((r) => r.confidence))
  const best = sure.reduce((a, b) => (b.confidence > a.confidence ? b : a))
  const text = cleanResultText(best.text).text
  if (valueKey(first.text) === key)
    return {
      outcome: 'confirmed',
      taken: { text: first.text, confidence: Math.max(first.confidence, confidence) },
    }
  // Surer than the page, or every look (three at least) sure of the same value against one page
  // reading, or a page reading that gave no verdict anyway.
  const outweighs =
    doubtful || confidence > first.confidence || (again.length >= 3 && sure.length === again.length)
  if (outweighs && oneSlip(numberPart(first.text), numberPart(text)))
    return { outcome: 'corrected', taken: { text, confidence } }
  return { outcome: 'disputed', taken: first }
}

function unitKey(text: string): string | undefined {
  const info = unitInfo(text)
  return info && info.quantity !== 'other' ? `${info.symbol}:${info.quantity}` : undefined
}

/**
 * A unit read unsure is confirmed when every look at its cell alone, each fairly sure, reads the same known
 * unit as the page did ("cfulg" and "cfu/g" are both cfu/g). A unit is never corrected: a closer
 * reading that differs leaves the page's reading, and its doubt, as they were.
 */
export function judgeUnit(first: Reading, again: Reading[]): { outcome: RereadOutcome; taken: Reading } {
  const key = unitKey(first.text)
  const agree =
    key !== undefined &&
    again.length >= 2 &&
    again.every((r) => r.confidence >= UNIT_CONFIDENCE && unitKey(r.text) === key)
  if (!agree) return { outcome: 'unsure', taken: first }
  const confidence = Math.min(...again.map((r) => r.confidence))
  return {
    outcome: 'confirmed',
    taken: { text: first.text, confidence: Math.max(first.confidence, confidence) },
  }
}

/** Is a parameter's result worth a closer look: unsure, not a clean number, or not a pass? */
export function suspect(p: ParameterVerdict): boolean {
  const cell = p.cells?.result
  if (!cell || !/\d/.test(cell.text)) return false
  if (p.verdict !== 'pass' && p.verdict !== 'warn') return true
  if ((p.confidence ?? cell.confidence) < SURE_CONFIDENCE) return true
  const kind = p.parsed?.kind
  return kind !== 'number' && kind !== 'below' && kind !== 'above'
}

/**
 * Reads the suspect results of an assessed COA again from the page (see `suspect`), each numeric run
 * of the result cell on its own, and the unit cell beside it when that was read unsure; returns the
 * text with every confirmed or corrected reading rewritten, and what each closer reading said.
 * Text-layer pages are left alone.
 */
export async function rereadResults(
  text: DocumentText,
  report: CoaReport,
  read: ReadCells,
): Promise<{ text: DocumentText; rereads: CellReread[] }> {
  type Wanted = { page: PageText; runs: number[][]; units: number[][] }
  // Runs whose parameter the page's reading gave no verdict (review).
  const doubtful = new Set<string>()
  const wanted = new Map<number, Wanted>()
  const seen = new Set<string>()
  const add = (page: PageText, list: 'runs' | 'units', words: number[]) => {
    const key = `${page.page}:${words.join(',')}`
    if (words.length === 0 || seen.has(key)) return
    seen.add(key)
    const entry = wanted.get(page.page) ?? { page, runs: [], units: [] }
    entry[list].push(words)
    wanted.set(page.page, entry)
  }
  for (const p of report.parameters) {
    const cell = p.cells?.result
    if (!cell || !suspect(p)) continue
    const page = text.pages.find((pg) => pg.page === cell.page)
    if (!page || page.source !== 'ocr') continue
    for (const run of numericRuns(page, cell.bbox)) {
      add(page, 'runs', run)
      if (p.verdict === 'review') doubtful.add(`${page.page}:${run.join(',')}`)
    }
    // A unit in its own column read unsure keeps the verdict from the result: it is looked at too.
    const unit = p.cells?.unit
    if (unit && unit.page === page.page && unit.confidence < SURE_CONFIDENCE)
      add(
        page,
        'units',
        page.words.flatMap((w, i) => (w.text.trim() !== '' && centreInside(w.bbox, unit.bbox) ? [i] : [])),
      )
  }
  const rereads: CellReread[] = []
  const pages = new Map(text.pages.map((p) => [p.page, p]))
  for (const { page, runs, units } of wanted.values()) {
    const words = page.words.map((w) => ({ ...w }))
    let changed = false
    for (const [kind, groups] of [
      ['number', runs],
      ['unit', units],
    ] as const) {
      if (groups.length === 0) continue
      const boxes = groups.map((g) => boxAround(g.map((i) => page.words[i]!.bbox)))
      const readings = await read(page, boxes, kind)
      groups.forEach((group, k) => {
        const first: Reading = {
          text: group.map((i) => page.words[i]!.text).join(' '),
          confidence: Math.min(...group.map((i) => page.words[i]!.confidence)),
        }
        const again = readings[k] ?? []
        const { outcome, taken } =
          kind === 'number'
            ? judgeReread(first, again, doubtful.has(`${page.page}:${group.join(',')}`))
            : judgeUnit(first, again)
        const shown = again.map((r) => `"${r.text}"`).join(' and ')
        const what = kind === 'unit' ? 'unit ' : ''
        const detail =
          outcome === 'corrected'
            ? `${what}read "${first.text}" on the page, "${taken.text}" from the cell alone`
            : `${what}read "${first.text}" on the page and ${shown || 'nothing'} from the cell alone`
        rereads.push({ page: page.page, words: group, bbox: boxes[k]!, first, again, outcome, detail })
        if (outcome !== 'confirmed' && outcome !== 'corrected') return
        changed = true
        if (kind === 'unit') {
          // The unit's words stay as read, now as sure as the closer readings.
          for (const i of group)
            words[i] = { ...words[i]!, confidence: Math.max(words[i]!.confidence, taken.confidence) }
          return
        }
        // The run becomes one word: the reading taken, over the run's box.
        group.forEach((i, j) => {
          words[i] =
            j === 0
              ? { text: taken.text, bbox: boxes[k]!, confidence: taken.confidence }
              : { ...words[i]!, text: '' }
        })
      })
    }
    if (!changed) continue
    const lines = page.lines.map((l) => ({
      ...l,
      text: l.wordIndexes
        .map((i) => words[i]!.text)
        .filter((t) => t !== '')
        .join(' '),
    }))
    pages.set(page.page, { ...page, words, lines })
  }
  return { text: { ...text, pages: text.pages.map((p) => pages.get(p.page)!) }, rereads }
}
