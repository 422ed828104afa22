import type { BBox } from '../../document-text'
import type { MatchPage, PageBox, PreparedText } from '../screening'
import type { ExtractedFields, Field } from './types'

/**
 * A scanned page lies a degree or two askew on the glass, and OCR gives word boxes on the page as
 * scanned: across an A4 width at 300 dpi, 2° moves a row's right end 80 pixels up, two line
 * heights, so "the value to the right of the label" would be looked for on the wrong row. Field
 * extraction therefore works on levelled boxes (each page turned by its own text lines' slope) and
 * turns the boxes it returns back onto the page as scanned.
 */

/** Below this slope (0.1°) a page is taken as level: text layers, straight scans. */
const LEVEL = 0.002

/** The median slope of the page's text lines (dy/dx, y down), from lines long enough to measure. */
export function pageSlope(page: MatchPage): number {
  const slopes: number[] = []
  for (const line of page.lines) {
    const first = page.words[line.wordIndexes[0] ?? -1]
    const last = page.words[line.wordIndexes.at(-1) ?? -1]
    if (!first || !last || first === last) continue
    const h = Math.max(1, first.bbox[3] - first.bbox[1])
    const dx = (last.bbox[0] + last.bbox[2]) / 2 - (first.bbox[0] + first.bbox[2]) / 2
    if (dx < 8 * h) continue
    slopes.push(((last.bbox[1] + last.bbox[3]) / 2 - (first.bbox[1] + first.bbox[3]) / 2) / dx)
  }
  if (slopes.length < 3) return 0
  slopes.sort((a, b) => a - b)
  const median = slopes[slopes.length >> 1]!
  return Math.abs(median) < LEVEL ? 0 : median
}

function turn(box: BBox, sin: number, cos: number): BBox {
  const cx = (box[0] + box[2]) / 2
  const cy = (box[1] + box[3]) / 2
  const x = cx * cos + cy * sin
  const y = -cx * sin + cy * cos
  const w = (box[2] - box[0]) / 2
  const h = (box[3] - box[1]) / 2
  return [x - w, y - h, x + w, y + h]
}

/** The page with every word and line box turned so its text lines run level. */
export function levelPage(page: MatchPage, slope: number): MatchPage {
  if (slope === 0) return page
  const angle = Math.atan(slope)
  const [sin, cos] = [Math.sin(angle), Math.cos(angle)]
  return {
    ...page,
    words: page.words.map((w) => ({ ...w, bbox: turn(w.bbox, sin, cos) })),
    lines: page.lines.map((l) => ({ ...l, bbox: turn(l.bbox, sin, cos) })),
  }
}

const round = (b: BBox): BBox => [Math.round(b[0]), Math.round(b[1]), Math.round(b[2]), Math.round(b[3])]

/** Runs extraction on levelled pages and puts the boxes of what it found back where they are on the page. */
export function onLevelPages(
  prepared: PreparedText,
  extract: (levelled: PreparedText) => ExtractedFields,
): ExtractedFields {
  const slopes = new Map(prepared.pages.map((p) => [p.page, pageSlope(p)]))
  if ([...slopes.values()].every((s) => s === 0)) return extract(prepared)
  const levelled = extract({
    ...prepared,
    pages: prepared.pages.map((p) => levelPage(p, slopes.get(p.page) ?? 0)),
  })
  const back = (page: number, box: BBox): BBox => {
    const angle = Math.atan(slopes.get(page) ?? 0)
    return angle === 0 ? box : round(turn(box, -Math.sin(angle), Math.cos(angle)))
  }
  const boxes = (list: PageBox[]): PageBox[] =>
    list.map((b) => ({ page: b.page, bbox: back(b.page, b.bbox) }))
  const field = (f: Field): Field => ({
    ...f,
    bbox: back(f.page, f.bbox),
    boxes: boxes(f.boxes),
    labelBoxes: boxes(f.labelBoxes),
  })
  return {
    kind: levelled.kind,
    fields: Object.fromEntries(
      Object.entries(levelled.fields).map(([name, f]) => [name, field(f)]),
    ) as ExtractedFields['fields'],
    dates: levelled.dates.map(field),
    amounts: levelled.amounts.map(field),
    references: levelled.references.map(field),
  }
}
