import type { EvidenceField, EvidenceHit, ScreeningDetail } from '../../../../shared/contract'
import type { Word } from '../../../../shared/document-text'
import { wordsInBoxes, type PageBox, type Picked } from './pick'

export const TERM_COLOURS = 6

export interface FlatHit extends EvidenceHit {
  /** Which term (its position in the breakdown): picks the colour. */
  termIndex: number
}

/** Every hit of a profile in reading order: page, then top to bottom, then left to right. */
export function flattenHits(profile: ScreeningDetail['profiles'][number] | undefined): FlatHit[] {
  if (!profile) return []
  return profile.terms
    .flatMap((t, termIndex) => t.hits.map((h) => ({ ...h, termIndex })))
    .sort((a, b) => a.page - b.page || a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])
}

export const termClass = (termIndex: number) => `mark term-${termIndex % TERM_COLOURS}`

/** Word indexes of the page to colour: each hit in its term's colour, the current one outlined. */
export function hitMarks(
  hits: readonly FlatHit[],
  page: number,
  current: FlatHit | undefined,
): Map<number, string> {
  const marks = new Map<number, string>()
  for (const hit of hits) {
    const cls = termClass(hit.termIndex) + (hit === current ? ' current' : '')
    for (const w of hit.words) if (w.page === page) for (const i of w.indexes) marks.set(i, cls)
  }
  return marks
}

/** The field's value words: those whose centre lies inside one of its boxes on the page. */
export function fieldMarks(field: EvidenceField, page: number, words: readonly Word[]): Map<number, string> {
  const boxes = field.boxes.filter((b) => b.page === page).map((b) => b.bbox)
  if (field.page === page && boxes.length === 0) boxes.push(field.bbox)
  const marks = new Map<number, string>()
  words.forEach((w, i) => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2
    const cy = (w.bbox[1] + w.bbox[3]) / 2
    if (boxes.some(([x0, y0, x1, y1]) => cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1))
      marks.set(i, 'mark field current')
  })
  return marks
}

/** The words inside boxes a person drew or picked (an added field's evidence), marked like a field. */
export function boxMarks(
  boxes: readonly PageBox[],
  page: number,
  words: readonly Word[],
): Map<number, string> {
  return new Map(wordsInBoxes(boxes, page, words).map((i) => [i, 'mark field current']))
}

/** The words being picked for a field. */
export function pickedMarks(picked: Picked | null, page: number): Map<number, string> {
  if (!picked || picked.page !== page) return new Map()
  return new Map(picked.indexes.map((i) => [i, 'mark picked']))
}
