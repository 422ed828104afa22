import type { BBox, Block, Line, Word } from './schema'

/** The smallest box holding every box given. */
export function boxAround(boxes: readonly BBox[]): BBox {
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const b of boxes) {
    if (b[0] < x0) x0 = b[0]
    if (b[1] < y0) y0 = b[1]
    if (b[2] > x1) x1 = b[2]
    if (b[3] > y1) y1 = b[3]
  }
  return [x0, y0, x1, y1]
}

/** A box's height, at least one pixel (a rule or a dot still has one). */
export const boxHeight = (b: BBox): number => Math.max(1, b[3] - b[1])

/** A box's vertical middle: what rows and bands are compared by. */
export const boxMiddle = (b: BBox): number => (b[1] + b[3]) / 2

/** Whether the centre of `box` lies inside `outer`: a word belongs to the cell its centre is in. */
export function centreInside(box: BBox, outer: BBox): boolean {
  const x = (box[0] + box[2]) / 2
  const y = (box[1] + box[3]) / 2
  return x >= outer[0] && x <= outer[2] && y >= outer[1] && y <= outer[3]
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length

interface Row {
  top: number
  bottom: number
  /** Word indexes. */
  members: number[]
}

/**
 * Groups text-layer words into reading lines and blocks (OCR brings its own). A word joins a line
 * when it overlaps the line vertically by at least half its own height; lines are read top to
 * bottom, words left to right; a vertical gap of more than 1.5 line heights starts a new block.
 */
export function groupLines(words: readonly Word[]): { lines: Line[]; blocks: Block[]; text: string } {
  // Every page of every document passes through here, so this works on indexes, not wrappers.
  const centre = new Float64Array(words.length)
  const order: number[] = []
  for (let i = 0; i < words.length; i++) {
    const b = words[i]!.bbox
    centre[i] = (b[1] + b[3]) / 2
    if (words[i]!.text.trim() !== '') order.push(i)
  }
  order.sort((a, b) => centre[a]! - centre[b]!)

  const rows: Row[] = []
  // Rows a word could still join, oldest first. Joining needs the row to reach down to the word's
  // centre; centres only grow in this order, so a row that ends above one never takes another word.
  let live: Row[] = []
  for (const index of order) {
    const [, top, , bottom] = words[index]!.bbox
    const height = Math.max(1, bottom - top)
    if (live.length > 8) live = live.filter((r) => r.bottom >= centre[index]! - 1)
    let row: Row | undefined
    for (const r of live) {
      if (Math.min(r.bottom, bottom) - Math.max(r.top, top) >= height / 2) {
        row = r
        break
      }
    }
    if (row) {
      row.members.push(index)
      row.top = Math.min(row.top, top)
      row.bottom = Math.max(row.bottom, bottom)
    } else {
      const created = { top, bottom, members: [index] }
      rows.push(created)
      live.push(created)
    }
  }
  rows.sort((a, b) => a.top - b.top)

  const lines: Line[] = rows.map((row) => {
    row.members.sort((a, b) => words[a]!.bbox[0] - words[b]!.bbox[0])
    const members = row.members.map((i) => words[i]!)
    return {
      text: members.map((w) => w.text).join(' '),
      bbox: boxAround(members.map((w) => w.bbox)),
      confidence: mean(members.map((w) => w.confidence)),
      wordIndexes: row.members,
    }
  })

  const blocks: Block[] = []
  lines.forEach((line, index) => {
    const current = blocks.at(-1)
    const previous = lines[index - 1]
    const lineHeight = line.bbox[3] - line.bbox[1]
    if (current && previous && line.bbox[1] - previous.bbox[3] <= 1.5 * lineHeight) {
      current.lineIndexes.push(index)
      current.bbox = boxAround([current.bbox, line.bbox])
    } else {
      blocks.push({ bbox: line.bbox, confidence: 0, lineIndexes: [index] })
    }
  })
  for (const block of blocks) block.confidence = mean(block.lineIndexes.map((i) => lines[i]?.confidence ?? 0))

  const text = blocks.map((b) => b.lineIndexes.map((i) => lines[i]?.text ?? '').join('\n')).join('\n\n')
  return { lines, blocks, text }
}
