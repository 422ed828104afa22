import type { PageText, Word } from '../../../src/shared/document-text'

/** One printed line: its words from x = 100, or [x, text] runs placed in columns. */
export type Line = string | [number, string][]

const H = 30
const CHAR = 15
const SPACE = 10

/**
 * A synthetic text-layer page: words with boxes (15 px a character, 30 px high, 60 px a line),
 * as the document reader gives them, for the COA layouts the table reader has never seen.
 */
export function pageOf(lines: Line[], confidence = 100): PageText {
  const words: Word[] = []
  lines.forEach((line, i) => {
    const y = 100 + i * 60
    const runs: [number, string][] = typeof line === 'string' ? [[100, line]] : line
    for (const [x0, text] of runs) {
      let x = x0
      for (const t of text.split(/\s+/).filter(Boolean)) {
        words.push({ text: t, bbox: [x, y, x + t.length * CHAR, y + H], confidence })
        x += t.length * CHAR + SPACE
      }
    }
  })
  return {
    page: 1,
    source: 'text-layer',
    rotation: 0,
    skewDeg: 0,
    width: 2400,
    height: 3200,
    dpi: 300,
    confidence,
    text: words.map((w) => w.text).join(' '),
    words,
    lines: [],
    blocks: [],
    applied: [],
    notes: [],
  }
}
