import { centreInside, type PageText } from '../../../shared/document-text'
import { extractFields, type FieldName } from '../../../shared/tenders/fields'
import { readCells, type CellReading, type OcrEngine } from '../ocr'
import { withWords } from '../ocr/pageWords'
import { digitsOf, oneSlip } from '../ocr/slips'
import type { RasterImage } from '../imaging'

/**
 * Key figures a page reading can lengthen or shorten by one digit: a ruling line beside the cell,
 * a speck or a rupee sign glued to the figure is read as a "1" ("115000000" for ₹1,50,00,000 read as
 * one word), a cell edge as a trailing "0". Read alone, cropped clean, the figure comes back right.
 */
const FIGURE_FIELDS: readonly FieldName[] = ['emdAmount', 'totalQuantity']
/** A figure as printed: digits with Indian or western grouping, or a decimal point. */
const FIGURE = /^\d[\d,.]*$/
/** Each closer reading must be this sure (the page's reading of a wrong digit was not). */
export const FIGURE_CONFIDENCE = 80
/** Each figure is read at the page's own pixels, 2× and 3×. */
const LOOKS = [1, 2, 3].map((scale) => ({ scale, denoise: false }))

/** Word indexes of the page's key figures: each field's figure, when its value holds one. */
export function keyFigureWords(page: PageText): number[] {
  const { fields } = extractFields([page])
  const found: number[] = []
  for (const name of FIGURE_FIELDS) {
    const field = fields[name]
    if (!field || field.page !== page.page) continue
    // The figure itself, not a unit after it ("72,203 Kg") or a sign before it.
    const figures = page.words
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => FIGURE.test(w.text) && centreInside(w.bbox, field.bbox))
    if (figures.length === 1 && !found.includes(figures[0]!.i)) found.push(figures[0]!.i)
  }
  return found
}

/**
 * The figure the closer readings settle on instead of the page's, or undefined when the page's
 * stands. All readings must give the same figure, one digit more or fewer than the page's (what a
 * glued rule, speck or sign does), and outweigh the page: each of them sure, or, when they drop a
 * digit the page read (the glued mark itself), the surest of them surer than the page. A figure
 * that differs otherwise is left as the page read it: the closer readings are not trusted to put
 * one digit in place of another.
 */
export function settledFigure(
  page: { text: string; confidence: number },
  readings: readonly CellReading[],
): string | undefined {
  if (readings.length < 2) return undefined
  const texts = readings.map((r) => r.text.replace(/\s+/g, ''))
  const figure = texts[0]!
  if (!texts.every((t) => FIGURE.test(t) && digitsOf(t) === digitsOf(figure))) return undefined
  if (!oneSlip(digitsOf(page.text), digitsOf(figure))) return undefined
  const allSure = readings.every((r) => r.confidence >= FIGURE_CONFIDENCE)
  const dropsMark = digitsOf(figure).length < digitsOf(page.text).length
  const surer = Math.max(...readings.map((r) => r.confidence)) > page.confidence
  return allSure || (dropsMark && readings.length >= 3 && surer) ? figure : undefined
}

/**
 * The page with its key figures (EMD, quantity) read again by `engine` (asked for only when the
 * page has one), each cropped alone from the page as OCR saw it, and replaced where the closer
 * readings settle on another (see settledFigure). A note names each change, so the review shows
 * what was read twice.
 */
export async function rereadKeyFigures(
  engine: () => Promise<OcrEngine>,
  image: RasterImage,
  page: PageText,
): Promise<PageText> {
  const indexes = keyFigureWords(page)
  if (indexes.length === 0) return page
  let readings: CellReading[][]
  try {
    readings = await readCells(
      await engine(),
      image,
      indexes.map((i) => page.words[i]!.bbox),
      { rotation: page.rotation, skewDeg: page.skewDeg, looks: LOOKS, kind: 'number' },
    )
  } catch (error) {
    // A second look is a refinement: when it cannot be had, the page stands as read.
    const reason = error instanceof Error ? error.message : String(error)
    return { ...page, notes: [...page.notes, `key figures not read again: ${reason}`] }
  }
  const words = [...page.words]
  const changes: string[] = []
  indexes.forEach((index, k) => {
    const word = words[index]!
    const figure = settledFigure(word, readings[k]!)
    if (figure === undefined) return
    const confidence = Math.min(...readings[k]!.map((r) => r.confidence))
    words[index] = { ...word, text: figure, confidence }
    changes.push(`"${word.text}" → "${figure}"`)
  })
  if (changes.length === 0) return page
  const read = withWords(page, words)
  return { ...read, notes: [...read.notes, `key figures read again, each alone: ${changes.join(', ')}`] }
}
