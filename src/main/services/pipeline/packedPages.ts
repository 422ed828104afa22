import { z } from 'zod'
import {
  pageTextSchema,
  type Block,
  type Line,
  type PageText,
  type Word,
} from '../../../shared/document-text'

/*
 * Pages of text as a few flat arrays for the trip from a document worker to the main thread.
 * A 60-page bid has some 30,000 words; as objects, each is cloned on the way out, rebuilt on the
 * way in and then copied again by validation, and the main thread spent more time on that (and on
 * the garbage it left) than on anything else while reading text layers. Packed, the numbers travel
 * as moved buffers and the texts as one string per kind.
 */
export type PackedPages = z.infer<typeof packedPagesSchema>
/** Items' texts end to end (`textLengths` cuts them apart), x0 y0 x1 y1 per item, confidences. */
type PackedItems = PackedPages['words']

const headerSchema = pageTextSchema.omit({ words: true, lines: true, blocks: true }).extend({
  wordCount: z.number().int().nonnegative(),
  lineCount: z.number().int().nonnegative(),
  blockCount: z.number().int().nonnegative(),
})

const itemsShape = {
  text: z.string(),
  textLengths: z.instanceof(Uint32Array),
  boxes: z.instanceof(Float64Array),
  confidences: z.instanceof(Float64Array),
}
const indexedShape = { indexes: z.instanceof(Uint32Array), indexCounts: z.instanceof(Uint32Array) }

export const packedPagesSchema = z.object({
  pages: z.array(headerSchema),
  words: z.object(itemsShape),
  lines: z.object({ ...itemsShape, ...indexedShape }),
  blocks: z.object({
    boxes: itemsShape.boxes,
    confidences: itemsShape.confidences,
    ...indexedShape,
  }),
})

/** The pages packed, and the buffers to move (not copy) with them. */
export function packPages(pages: readonly PageText[]): { packed: PackedPages; transfer: ArrayBuffer[] } {
  const words = pages.flatMap((p) => p.words)
  const lines = pages.flatMap((p) => p.lines)
  const blocks = pages.flatMap((p) => p.blocks)
  const packed: PackedPages = {
    pages: pages.map(({ words: w, lines: l, blocks: b, ...header }) => ({
      ...header,
      wordCount: w.length,
      lineCount: l.length,
      blockCount: b.length,
    })),
    words: packItems(words),
    lines: { ...packItems(lines), ...packIndexes(lines.map((l) => l.wordIndexes)) },
    blocks: {
      boxes: packBoxes(blocks),
      confidences: Float64Array.from(blocks, (b) => b.confidence),
      ...packIndexes(blocks.map((b) => b.lineIndexes)),
    },
  }
  const { words: pw, lines: pl, blocks: pb } = packed
  const transfer = [
    pw.textLengths,
    pw.boxes,
    pw.confidences,
    pl.textLengths,
    pl.boxes,
    pl.confidences,
    pl.indexes,
    pl.indexCounts,
    pb.boxes,
    pb.confidences,
    pb.indexes,
    pb.indexCounts,
  ].map((a) => a.buffer as ArrayBuffer)
  return { packed, transfer }
}

// Plain loops below: the typed arrays' from() with a mapping function, forEach and a slice per box
// cost more than the copying itself, on every page of every text layer.
function packItems(
  items: readonly { text: string; bbox: readonly number[]; confidence: number }[],
): PackedItems {
  const n = items.length
  const textLengths = new Uint32Array(n)
  const confidences = new Float64Array(n)
  let text = ''
  for (let i = 0; i < n; i++) {
    const item = items[i]!
    text += item.text
    textLengths[i] = item.text.length
    confidences[i] = item.confidence
  }
  return { text, textLengths, boxes: packBoxes(items), confidences }
}

function packBoxes(items: readonly { bbox: readonly number[] }[]): Float64Array<ArrayBuffer> {
  const boxes = new Float64Array(items.length * 4)
  for (let i = 0; i < items.length; i++) {
    const bbox = items[i]!.bbox
    boxes[i * 4] = bbox[0]!
    boxes[i * 4 + 1] = bbox[1]!
    boxes[i * 4 + 2] = bbox[2]!
    boxes[i * 4 + 3] = bbox[3]!
  }
  return boxes
}

function packIndexes(lists: readonly (readonly number[])[]): {
  indexes: Uint32Array<ArrayBuffer>
  indexCounts: Uint32Array<ArrayBuffer>
} {
  const indexCounts = new Uint32Array(lists.length)
  let total = 0
  for (let i = 0; i < lists.length; i++) {
    indexCounts[i] = lists[i]!.length
    total += lists[i]!.length
  }
  const indexes = new Uint32Array(total)
  let at = 0
  for (const list of lists) {
    for (const index of list) indexes[at++] = index
  }
  return { indexes, indexCounts }
}

/**
 * The pages back as objects, after checking that the arrays agree with each other (counts, text
 * lengths, index ranges, confidences 0..100, finite boxes). A mismatch is a fault of the worker,
 * so it throws with `file` named rather than handing on a page that is quietly wrong.
 */
export function unpackPages(input: unknown, file: string): PageText[] {
  const parsed = packedPagesSchema.safeParse(input)
  if (!parsed.success)
    throw new Error(`${file}: packed pages from the document worker: ${parsed.error.message}`)
  return unpackParsed(parsed.data, file)
}

/** `unpackPages` for arrays already through `packedPagesSchema` (as part of a task's result). */
export function unpackParsed(packed: PackedPages, file: string): PageText[] {
  const fail = (why: string): never => {
    throw new Error(`${file}: packed pages from the document worker: ${why}`)
  }
  const words = unpackItems(packed.words, 'words', fail)
  const lineTexts = unpackItems(packed.lines, 'lines', fail)
  const lineIndexes = unpackIndexes(packed.lines, lineTexts.length, 'lines', fail)
  const blockCount = packed.blocks.confidences.length
  if (packed.blocks.boxes.length !== blockCount * 4) fail('block boxes and confidences disagree')
  const blockIndexes = unpackIndexes(packed.blocks, blockCount, 'blocks', fail)
  const totals = packed.pages.reduce(
    (t, p) => [t[0]! + p.wordCount, t[1]! + p.lineCount, t[2]! + p.blockCount],
    [0, 0, 0],
  )
  if (totals[0] !== words.length || totals[1] !== lineTexts.length || totals[2] !== blockCount)
    fail('page counts do not add up to the items sent')
  let [w, l, b] = [0, 0, 0]
  return packed.pages.map(({ wordCount, lineCount, blockCount: blocksHere, ...header }) => {
    const pageWords: Word[] = words.slice(w, w + wordCount)
    const pageLines: Line[] = lineTexts.slice(l, l + lineCount).map((line, k) => {
      const wordIndexes = lineIndexes[l + k]!
      if (wordIndexes.some((i) => i >= wordCount))
        fail(`page ${header.page}: a line names a word it does not have`)
      return { ...line, wordIndexes }
    })
    const pageBlocks: Block[] = []
    for (let k = 0; k < blocksHere; k++) {
      const lineIndexesHere = blockIndexes[b + k]!
      if (lineIndexesHere.some((i) => i >= lineCount))
        fail(`page ${header.page}: a block names a line it does not have`)
      pageBlocks.push({
        bbox: box(packed.blocks.boxes, b + k, fail),
        confidence: confidence(packed.blocks.confidences[b + k]!, fail),
        lineIndexes: lineIndexesHere,
      })
    }
    w += wordCount
    l += lineCount
    b += blocksHere
    return { ...header, words: pageWords, lines: pageLines, blocks: pageBlocks }
  })
}

function unpackItems(
  items: PackedItems,
  kind: string,
  fail: (why: string) => never,
): { text: string; bbox: [number, number, number, number]; confidence: number }[] {
  const n = items.textLengths.length
  if (items.boxes.length !== n * 4 || items.confidences.length !== n)
    fail(`${kind}: arrays of different lengths`)
  const out: { text: string; bbox: [number, number, number, number]; confidence: number }[] = new Array(n)
  let at = 0
  for (let i = 0; i < n; i++) {
    const end = at + items.textLengths[i]!
    if (end > items.text.length) fail(`${kind}: texts shorter than their lengths`)
    out[i] = {
      text: items.text.slice(at, end),
      bbox: box(items.boxes, i, fail),
      confidence: confidence(items.confidences[i]!, fail),
    }
    at = end
  }
  if (at !== items.text.length) fail(`${kind}: texts longer than their lengths`)
  return out
}

function unpackIndexes(
  packed: { indexes: Uint32Array; indexCounts: Uint32Array },
  count: number,
  kind: string,
  fail: (why: string) => never,
): number[][] {
  if (packed.indexCounts.length !== count) fail(`${kind}: index counts and items disagree`)
  const out: number[][] = new Array(count)
  let at = 0
  for (let i = 0; i < count; i++) {
    const end = at + packed.indexCounts[i]!
    if (end > packed.indexes.length) fail(`${kind}: fewer indexes than counted`)
    out[i] = Array.from(packed.indexes.subarray(at, end))
    at = end
  }
  if (at !== packed.indexes.length) fail(`${kind}: more indexes than counted`)
  return out
}

function box(boxes: Float64Array, i: number, fail: (why: string) => never): [number, number, number, number] {
  const b: [number, number, number, number] = [
    boxes[i * 4]!,
    boxes[i * 4 + 1]!,
    boxes[i * 4 + 2]!,
    boxes[i * 4 + 3]!,
  ]
  if (!b.every(Number.isFinite)) fail('a box that is not a number')
  return b
}

function confidence(value: number, fail: (why: string) => never): number {
  if (!(value >= 0 && value <= 100)) fail(`confidence ${value} outside 0..100`)
  return value
}
