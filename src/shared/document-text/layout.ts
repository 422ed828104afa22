import type { BBox, Block, Line, Word } from './schema'

const union = (boxes: BBox[]): BBox => [
  Math.min(...boxes.map((b) => b[0])),
  Math.min(...boxes.map((b) => b[1])),
  Math.max(...boxes.map((b) => b[2])),
  Math.max(...boxes.map((b) => b[3])),
]

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length

/**
 * Groups text-layer words into reading lines and blocks (OCR brings its own). A word joins a line
 * when it overlaps the line vertically by at least half its own height; lines are read top to
 * bottom, words left to right; a vertical gap of more than 1.5 line heights starts a new block.
 */
export function groupLines(words: readonly Word[]): { lines: Line[]; blocks: Block[]; text: string } {
  const order = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => word.text.trim() !== '')
    .sort((a, b) => (a.word.bbox[1] + a.word.bbox[3]) / 2 - (b.word.bbox[1] + b.word.bbox[3]) / 2)

  type Row = { top: number; bottom: number; members: { word: Word; index: number }[] }
  const rows: Row[] = []
  // Rows a word could still join, oldest first. Joining needs the row to reach down to the word's
  // centre; centres only grow in this order, so a row that ends above one never takes another word.
  let live: Row[] = []
  for (const entry of order) {
    const [, top, , bottom] = entry.word.bbox
    const height = Math.max(1, bottom - top)
    if (live.length > 8) live = live.filter((r) => r.bottom >= (top + bottom) / 2 - 1)
    const row = live.find((r) => Math.min(r.bottom, bottom) - Math.max(r.top, top) >= height / 2)
    if (row) {
      row.members.push(entry)
      row.top = Math.min(row.top, top)
      row.bottom = Math.max(row.bottom, bottom)
    } else {
      const created = { top, bottom, members: [entry] }
      rows.push(created)
      live.push(created)
    }
  }
  rows.sort((a, b) => a.top - b.top)

  const lines: Line[] = rows.map((row) => {
    row.members.sort((a, b) => a.word.bbox[0] - b.word.bbox[0])
    return {
      text: row.members.map((m) => m.word.text).join(' '),
      bbox: union(row.members.map((m) => m.word.bbox)),
      confidence: mean(row.members.map((m) => m.word.confidence)),
      wordIndexes: row.members.map((m) => m.index),
    }
  })

  const blocks: Block[] = []
  lines.forEach((line, index) => {
    const current = blocks.at(-1)
    const previous = lines[index - 1]
    const lineHeight = line.bbox[3] - line.bbox[1]
    if (current && previous && line.bbox[1] - previous.bbox[3] <= 1.5 * lineHeight) {
      current.lineIndexes.push(index)
      current.bbox = union([current.bbox, line.bbox])
    } else {
      blocks.push({ bbox: line.bbox, confidence: 0, lineIndexes: [index] })
    }
  })
  for (const block of blocks) block.confidence = mean(block.lineIndexes.map((i) => lines[i]?.confidence ?? 0))

  const text = blocks.map((b) => b.lineIndexes.map((i) => lines[i]?.text ?? '').join('\n')).join('\n\n')
  return { lines, blocks, text }
}
