import type { BBox } from '../../document-text'
import { union, type MatchPage, type PageBox, type PreparedText } from '../screening'
import { findLabels, valueBelow, valueRight, type LabelHit } from './locate'
import type { Parsed } from './parse'
import type { Field, FieldName, NormalisedValue } from './types'
import { findWordLabels, pageGeometry, type PageGeometry } from './wordLabels'

export type ValueParser = (text: string) => Parsed<NormalisedValue> | null

export interface FieldSpec {
  name: FieldName
  /** English labels, most specific first. */
  labels: string[]
  parse: ValueParser
  /** The value may run over several lines of its cell. */
  multiline?: boolean
  /** Only search after this heading, within `window` compact characters of it. */
  section?: { heading: string; window: number }
}

const geometries = new WeakMap<PreparedText, PageGeometry[]>()

/** Word geometry of the first pages (where a bid's key fields are), worked out once per document. */
export function geometryOf(prepared: PreparedText, pages = 2): PageGeometry[] {
  let geo = geometries.get(prepared)
  if (!geo) {
    geo = prepared.pages.slice(0, pages).map(pageGeometry)
    geometries.set(prepared, geo)
  }
  return geo
}

const METHOD_CONFIDENCE = { 'label-right': 0.95, 'label-below': 0.85, derived: 0.6, pattern: 0.7 } as const

/** Boxes per visual line. */
export function lineBoxes(page: MatchPage, indexes: number[]): PageBox[] {
  const rows: BBox[][] = []
  for (const i of [...indexes].sort((a, b) => page.words[a]!.bbox[1] - page.words[b]!.bbox[1])) {
    const b = page.words[i]!.bbox
    const row = rows.find((r) => {
      const u = union(r)
      return Math.min(u[3], b[3]) - Math.max(u[1], b[1]) > 0.5 * (b[3] - b[1])
    })
    if (row) row.push(b)
    else rows.push([b])
  }
  return rows.map((r) => ({ page: page.page, bbox: union(r) }))
}

/** Parses the words' joined text and keeps only the words the value occupies. */
export function fieldFromWords(
  page: MatchPage,
  indexes: number[],
  parse: ValueParser,
  label: string,
  method: Field['method'],
  labelHit?: LabelHit,
): Field | null {
  if (indexes.length === 0) return null
  let text = ''
  for (const i of indexes) {
    if (text) text += ' '
    text += page.words[i]!.text
  }
  const parsed = parse(text)
  // Most calls (the fallback scan, line by line) parse nothing: word offsets are only worked out after a hit.
  if (!parsed) return null
  const used: number[] = []
  let at = 0
  for (const i of indexes) {
    if (at > 0) at++
    const start = at
    at += page.words[i]!.text.length
    if (at > parsed.start && start < parsed.end) used.push(i)
  }
  if (used.length === 0) return null
  const confidence = used.reduce((sum, i) => sum + page.words[i]!.confidence, 0) / used.length / 100
  return {
    value: text.slice(parsed.start, parsed.end).replace(/\s+/g, ' '),
    normalised: parsed.value,
    label,
    page: page.page,
    bbox: union(used.map((i) => page.words[i]!.bbox)),
    boxes: lineBoxes(page, used),
    labelBoxes: labelHit ? lineBoxes(page, labelHit.words) : [],
    confidence: +(confidence * METHOD_CONFIDENCE[method]).toFixed(3),
    method,
  }
}

/** The first label occurrence with a parsable value beside it (or, failing that, under it). */
export function readField(prepared: PreparedText, spec: FieldSpec): Field | null {
  let from = 0
  let until = Infinity
  if (spec.section) {
    const heading = findLabels(prepared, spec.section.heading)[0]
    if (!heading) return null
    from = heading.end
    until = heading.end + spec.section.window
  }
  let hits: { label: string; hit: LabelHit }[] = spec.labels.flatMap((label) =>
    findLabels(prepared, label, from, until).map((hit) => ({ label, hit })),
  )
  // Not in the text as written: an OCR'd page may have the label with a slip, or wrapped in its cell.
  if (hits.length === 0 && !spec.section)
    hits = geometryOf(prepared).flatMap((geo) =>
      spec.labels.flatMap((label) => findWordLabels(geo, label).map((hit) => ({ label, hit }))),
    )
  // Beside any occurrence beats below the first: headings repeat their row's label above it.
  for (const { label, hit } of hits) {
    const page = prepared.pages.find((p) => p.page === hit.page)
    if (!page) continue
    const multiline = spec.multiline ?? false
    const right = fieldFromWords(
      page,
      valueRight(page, hit, multiline),
      spec.parse,
      label,
      'label-right',
      hit,
    )
    if (right) return right
    // "EMD Amount in ₹ | 3,30,500": the unit ends the label's cell, the value is the next column.
    const longer = withUnitTail(page, hit)
    const beyond =
      longer &&
      fieldFromWords(
        page,
        valueRight(page, longer.hit, multiline),
        spec.parse,
        `${label} ${longer.tail}`,
        'label-right',
        longer.hit,
      )
    if (beyond) return beyond
  }
  for (const { label, hit } of hits) {
    const page = prepared.pages.find((p) => p.page === hit.page)
    const below = page && fieldFromWords(page, valueBelow(page, hit), spec.parse, label, 'label-below', hit)
    if (below) return below
  }
  return null
}

const UNIT_WORD = /^[(:]*(?:in|₹|rs|inr|rupees)?[.):]*$/i

/** The label with the unit words that close its cell ("in ₹", "(Rs.)"), when nothing else follows them there. */
function withUnitTail(page: MatchPage, hit: LabelHit): { hit: LabelHit; tail: string } | null {
  const tail = valueRight(page, hit, false)
  if (tail.length === 0 || !tail.every((w) => UNIT_WORD.test(page.words[w]!.text))) return null
  const words = [...hit.words, ...tail]
  return {
    hit: { ...hit, words, bbox: union(words.map((w) => page.words[w]!.bbox)) },
    tail: tail.map((w) => page.words[w]!.text).join(' '),
  }
}

/** A field stated by implication (an EMD amount implies EMD is required), at lower confidence. */
export function derived(from: Field, normalised: NormalisedValue): Field {
  return { ...from, normalised, method: 'derived', confidence: +(from.confidence * 0.65).toFixed(3) }
}
