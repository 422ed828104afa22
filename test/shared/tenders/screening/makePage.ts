import type { PageText, Word } from '../../../../src/shared/document-text'
import { groupLines } from '../../../../src/shared/document-text'

/** A row is plain text from x=100, or cells placed at given x positions (label/value layouts). */
export type Row = string | [number, string][]

const CHAR = 22
const HEIGHT = 40
const PITCH = 50

/** A DocumentText page built from rows of text, with word boxes the way the pipeline lays them out. */
export function makePage(
  page: number,
  rows: Row[],
  options: { confidence?: number; top?: number } = {},
): PageText {
  const words: Word[] = []
  rows.forEach((row, r) => {
    const y = (options.top ?? 100) + r * PITCH
    const cells: [number, string][] = typeof row === 'string' ? [[100, row]] : row
    for (const [x0, text] of cells) {
      let x = x0
      for (const w of text.split(/\s+/).filter(Boolean)) {
        words.push({
          text: w,
          bbox: [x, y, x + w.length * CHAR, y + HEIGHT],
          confidence: options.confidence ?? 100,
        })
        x += (w.length + 1) * CHAR
      }
    }
  })
  const { lines, blocks, text } = groupLines(words)
  return {
    page,
    source: options.confidence === undefined ? 'text-layer' : 'ocr',
    rotation: 0,
    skewDeg: 0,
    width: 2480,
    height: 3508,
    dpi: 300,
    confidence: options.confidence ?? 100,
    text,
    words,
    lines,
    blocks,
    applied: [],
    notes: [],
  }
}
