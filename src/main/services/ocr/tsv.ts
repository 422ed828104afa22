import type { BBox } from '../../../shared/document-text/schema'
import type { OcrBlock, OcrLine, OcrWord } from './types'

export interface Layout {
  words: OcrWord[]
  lines: OcrLine[]
  blocks: OcrBlock[]
}

/**
 * Tesseract's TSV (level, page, block, par, line, word, left, top, width, height, conf, text) carries
 * the same word boxes and hierarchy as the JSON "blocks" output at a fraction of its size (no
 * per-symbol records), which matters when the result crosses a thread boundary per page.
 */
export function parseTsv(tsv: string): Layout {
  const words: OcrWord[] = []
  const lines: OcrLine[] = []
  const blocks: OcrBlock[] = []
  let lineKey = ''
  let blockKey = ''
  let line: OcrLine | undefined
  let block: OcrBlock | undefined
  for (const row of tsv.split('\n')) {
    const f = row.split('\t')
    if (f[0] !== '5' || f.length < 12) continue
    const text = f.slice(11).join('\t').trim()
    if (text === '') continue
    const [left, top, width, height] = [Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9])]
    const bbox: BBox = [left, top, left + width, top + height]
    const confidence = clampConfidence(Number(f[10]))
    const wordIndex = words.push({ text, bbox, confidence }) - 1
    const bKey = `${f[1]}:${f[2]}`
    if (bKey !== blockKey || !block) {
      blockKey = bKey
      block = { bbox: [...bbox], confidence: 0, lineIndexes: [] }
      blocks.push(block)
    }
    const lKey = `${bKey}:${f[3]}:${f[4]}`
    if (lKey !== lineKey || !line) {
      lineKey = lKey
      line = { text: '', bbox: [...bbox], confidence: 0, wordIndexes: [] }
      block.lineIndexes.push(lines.push(line) - 1)
    }
    line.wordIndexes.push(wordIndex)
    grow(line.bbox, bbox)
    grow(block.bbox, bbox)
  }
  for (const l of lines) {
    l.text = l.wordIndexes.map((i) => words[i]!.text).join(' ')
    l.confidence = mean(l.wordIndexes.map((i) => words[i]!.confidence))
  }
  for (const b of blocks)
    b.confidence = mean(b.lineIndexes.flatMap((i) => lines[i]!.wordIndexes.map((w) => words[w]!.confidence)))
  return { words, lines, blocks }
}

function grow(into: BBox, box: BBox): void {
  into[0] = Math.min(into[0], box[0])
  into[1] = Math.min(into[1], box[1])
  into[2] = Math.max(into[2], box[2])
  into[3] = Math.max(into[3], box[3])
}

export function mean(values: number[]): number {
  if (values.length === 0) return 0
  let s = 0
  for (const v of values) s += v
  return s / values.length
}

function clampConfidence(c: number): number {
  return Number.isFinite(c) ? Math.min(100, Math.max(0, c)) : 0
}
