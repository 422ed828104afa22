import type { DocumentText, PageText, Word } from '../../../src/shared/document-text'

/** A text-layer COA page laid out as a person would print one: header fields, then a results table. */
const LINES: [number, string[]][] = [
  [150, ['Product:', 'Zinc', 'Bisglycinate', 'Chelate', 'SF']],
  [210, ['Batch', 'No:', 'BN1']],
  [270, ['Expiry', 'Date:', '2028-01-14']],
]
const COLUMNS = [200, 700, 1000, 1500]
const TABLE: string[][] = [
  ['Test', 'Unit', 'Specification', 'Result'],
  ['Zinc', '%', 'NLT 20', '22'],
  ['Lead', 'ppm', 'NMT 3.00', '1.86'],
]

export function coaText(sha256: string): DocumentText {
  const words: Word[] = []
  for (const [y, texts] of LINES) {
    let x = 200
    for (const t of texts) {
      words.push({ text: t, bbox: [x, y, x + t.length * 22, y + 36], confidence: 100 })
      x += t.length * 22 + 20
    }
  }
  TABLE.forEach((cells, r) => {
    const y = 500 + r * 80
    cells.forEach((t, c) => {
      const x = COLUMNS[c]!
      words.push({ text: t, bbox: [x, y, x + t.length * 22, y + 36], confidence: 100 })
    })
  })
  const page: PageText = {
    page: 1,
    source: 'text-layer',
    rotation: 0,
    skewDeg: 0,
    width: 2000,
    height: 2800,
    dpi: 300,
    confidence: 100,
    text: words.map((w) => w.text).join(' '),
    words,
    lines: [],
    blocks: [],
    applied: [],
    notes: [],
  }
  return { sha256, mediaType: 'application/pdf', pipelineVersion: 'test', mode: 'auto', pages: [page] }
}
