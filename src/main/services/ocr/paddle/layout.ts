import { boxAround, type BBox } from '../../../../shared/document-text'
import { mean } from '../tsv'
import type { OcrBlock, OcrLine, OcrResult, OcrWord } from '../types'
import type { RecognizedLine } from './recognize'

/** Pieces of one printed line closer than this many line heights are one line. */
const JOIN_GAP = 1.0
/**
 * An empty vertical strip at least this many line heights wide splits columns. Pieces side by side
 * on one row with less than JOIN_GAP between them are one line already, so a narrower strip that
 * still crosses every line of a region only runs between lines that do not share rows: text
 * columns, whose gutter may be under a line height (0.9 on the linn leaflet scanned skewed).
 */
const COLUMN_GAP = 0.5
/** An empty horizontal strip at least this many line heights high splits paragraphs. */
const PARAGRAPH_GAP = 0.6

type Layout = Pick<OcrResult, 'text' | 'words' | 'lines' | 'blocks' | 'confidence'>

/**
 * Recognised boxes → the engine's result: pieces of one printed line joined, then blocks found by
 * recursive cuts (columns at wide empty vertical strips, paragraphs at empty horizontal ones), read
 * block by block, each top to bottom.
 */
export function assemble(pieces: readonly RecognizedLine[]): Layout {
  const lines = joinPieces(pieces.filter((p) => p.words.length > 0))
  const height = median(lines.map((l) => l.bbox[3] - l.bbox[1])) || 1
  const groups = cut(lines, height)
  const words: OcrWord[] = []
  const outLines: OcrLine[] = []
  const blocks: OcrBlock[] = []
  for (const group of groups) {
    const block: OcrBlock = { bbox: boxAround(group.map((l) => l.bbox)), confidence: 0, lineIndexes: [] }
    for (const line of group) {
      const wordIndexes = line.words.map((w) => words.push(w) - 1)
      block.lineIndexes.push(
        outLines.push({
          text: line.words.map((w) => w.text).join(' '),
          bbox: line.bbox,
          confidence: mean(line.words.map((w) => w.confidence)),
          wordIndexes,
        }) - 1,
      )
    }
    block.confidence = mean(
      block.lineIndexes.flatMap((i) => outLines[i]!.wordIndexes.map((w) => words[w]!.confidence)),
    )
    blocks.push(block)
  }
  const text = blocks.map((b) => b.lineIndexes.map((i) => outLines[i]!.text).join('\n')).join('\n\n')
  return { text, words, lines: outLines, blocks, confidence: mean(words.map((w) => w.confidence)) }
}

interface Piece {
  bbox: BBox
  words: OcrWord[]
}

function joinPieces(pieces: readonly RecognizedLine[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.bbox[0] - b.bbox[0])
  const lines: Piece[] = []
  for (const p of sorted) {
    const h = p.bbox[3] - p.bbox[1]
    const into = lines.find((l) => {
      const lh = l.bbox[3] - l.bbox[1]
      const overlap = Math.min(l.bbox[3], p.bbox[3]) - Math.max(l.bbox[1], p.bbox[1])
      const gap = p.bbox[0] - l.bbox[2]
      return overlap >= 0.6 * Math.min(h, lh) && gap >= -0.5 * h && gap <= JOIN_GAP * Math.max(h, lh)
    })
    if (into) {
      into.words.push(...p.words)
      into.bbox = boxAround([into.bbox, p.bbox])
    } else lines.push({ bbox: [...p.bbox], words: [...p.words] })
  }
  return lines
}

function cut(lines: Piece[], height: number): Piece[][] {
  if (lines.length <= 1) return lines.length ? [lines] : []
  const columns = split(lines, 0, COLUMN_GAP * height)
  if (columns.length > 1) return columns.flatMap((c) => cut(c, height))
  // One cut at the widest horizontal strip, then again inside each half: a strip that only happens
  // to cross both columns of a two-column region is narrower than the one above the region.
  const paragraphs = widestSplit(lines, PARAGRAPH_GAP * height)
  if (paragraphs.length > 1) return paragraphs.flatMap((p) => cut(p, height))
  return [[...lines].sort((a, b) => centreY(a) - centreY(b) || a.bbox[0] - b.bbox[0])]
}

const centreY = (l: Piece) => (l.bbox[1] + l.bbox[3]) / 2

/** The lines split at empty strips at least `gap` wide along x (axis 0) or y (axis 1), in order. */
function split(lines: Piece[], axis: 0 | 1, gap: number): Piece[][] {
  const lo = axis
  const hi = axis + 2
  const sorted = [...lines].sort((a, b) => a.bbox[lo]! - b.bbox[lo]!)
  const groups: Piece[][] = [[sorted[0]!]]
  let reach = sorted[0]!.bbox[hi]!
  for (const l of sorted.slice(1)) {
    if (l.bbox[lo]! - reach >= gap) groups.push([l])
    else groups[groups.length - 1]!.push(l)
    reach = Math.max(reach, l.bbox[hi]!)
  }
  return groups
}

/** The lines split in two at the highest empty horizontal strip, if it is at least `gap` high. */
function widestSplit(lines: Piece[], gap: number): Piece[][] {
  const sorted = [...lines].sort((a, b) => a.bbox[1] - b.bbox[1])
  let reach = sorted[0]!.bbox[3]
  let best = -1
  let bestGap = gap
  sorted.forEach((l, i) => {
    if (i > 0 && l.bbox[1] - reach >= bestGap) {
      bestGap = l.bbox[1] - reach
      best = i
    }
    reach = Math.max(reach, l.bbox[3])
  })
  return best < 0 ? [sorted] : [sorted.slice(0, best), sorted.slice(best)]
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
