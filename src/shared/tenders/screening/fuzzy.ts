import type { CompactText } from './text-index'

/** Edits allowed for a fuzzy term of this (canonical) length: none for short terms, where one edit changes the word. */
export function allowedEdits(length: number): number {
  if (length >= 16) return 2
  if (length >= 8) return 1
  return 0
}

/**
 * Pigeonhole pieces: a match with at most k edits contains one of k+1 disjoint pieces unchanged,
 * so the pieces go into the same automaton and only their hits pay for edit distance.
 */
export function pieces(pattern: string, k: number): { text: string; offset: number }[] {
  const size = Math.floor(pattern.length / (k + 1))
  return Array.from({ length: k + 1 }, (_, i) => ({
    offset: i * size,
    text: pattern.slice(i * size, i === k ? pattern.length : (i + 1) * size),
  }))
}

export interface Alignment {
  start: number
  end: number
  edits: number
}

/**
 * Bigrams a window must share with a pattern before `align` can find a match of at most k edits
 * in it (q-gram lemma: each edit destroys at most two of the pattern's m−1 bigrams). Cheap enough
 * to run on every piece hit, which is what keeps fuzzy verification from growing with the number
 * of terms: most piece hits are a common word that merely starts some catalogue term.
 */
export class BigramFilter {
  /** Hash of each bigram of the pattern. */
  private readonly grams: Uint16Array
  private readonly needed: number

  constructor(pattern: string, k: number) {
    const grams = new Uint16Array(Math.max(0, pattern.length - 1))
    for (let i = 0; i < grams.length; i++) grams[i] = bigram(pattern.charCodeAt(i), pattern.charCodeAt(i + 1))
    this.grams = grams
    this.needed = grams.length - 2 * k
  }

  /**
   * False only when no substring of text[lo, hi) can be within the pattern's edit budget.
   * `textGrams` is bigramsOf(text); checking starts at pattern bigram `first` (past the piece
   * that was found, so a miss, and the early exit, comes soonest).
   */
  mayMatch(textGrams: Uint16Array, lo: number, hi: number, first = 0): boolean {
    const count = this.grams.length
    if (this.needed <= 0) return true
    const from = Math.max(0, lo)
    const to = Math.min(textGrams.length + 1, hi)
    // A fresh stamp per call clears the table without touching it.
    const stamp = nextStamp()
    for (let i = from; i + 1 < to; i++) seen[textGrams[i]!] = stamp
    let found = 0
    let missing = 0
    const allowed = count - this.needed
    for (let n = 0, i = first % count; n < count; n++, i = i + 1 === count ? 0 : i + 1) {
      if (seen[this.grams[i]!] === stamp) {
        if (++found >= this.needed) return true
      } else if (++missing > allowed) return false
    }
    return found >= this.needed
  }
}

/** The bigram hash at every position of a text (one fewer than its length). */
export function bigramsOf(text: string): Uint16Array {
  const out = new Uint16Array(Math.max(0, text.length - 1))
  let a = text.charCodeAt(0)
  for (let i = 0; i < out.length; i++) {
    const b = text.charCodeAt(i + 1)
    out[i] = bigram(a, b)
    a = b
  }
  return out
}

const GRAM_BITS = 12
const seen = new Uint32Array(1 << GRAM_BITS)
let stamp = 0

function nextStamp(): number {
  if (++stamp === 0xffffffff) {
    seen.fill(0)
    stamp = 1
  }
  return stamp
}

/** Collisions only let more windows through to `align`, never fewer. */
function bigram(a: number, b: number): number {
  return ((a * 31 + b) * 2654435761) >>> (32 - GRAM_BITS)
}

// Reused by every align call: verification runs per candidate, and four allocations each was most of its cost.
let rows = new Int32Array(0)

/**
 * Best alignment of `pattern` inside text[lo, hi) with at most k edits that starts and ends on
 * token boundaries (semi-global Levenshtein; the start of each cell's path is carried along).
 */
export function align(
  doc: CompactText,
  lo: number,
  hi: number,
  pattern: string,
  k: number,
): Alignment | null {
  const from = Math.max(0, lo)
  const to = Math.min(doc.text.length, hi)
  const width = to - from
  if (width < 0) return null
  const INF = 1 << 20
  const stride = width + 1
  if (rows.length < 4 * stride) rows = new Int32Array(4 * stride * 2)
  let prev = rows.subarray(0, stride)
  let prevStart = rows.subarray(stride, 2 * stride)
  let cur = rows.subarray(2 * stride, 3 * stride)
  let curStart = rows.subarray(3 * stride, 4 * stride)
  const text = doc.text
  const tokenStart = doc.tokenStart
  for (let j = 0; j <= width; j++) {
    prev[j] = tokenStart[from + j] ? 0 : INF
    prevStart[j] = from + j
  }
  for (let i = 1; i <= pattern.length; i++) {
    const pc = pattern.charCodeAt(i - 1)
    cur[0] = prev[0]! + 1
    curStart[0] = prevStart[0]!
    for (let j = 1; j <= width; j++) {
      const sub = prev[j - 1]! + (text.charCodeAt(from + j - 1) === pc ? 0 : 1)
      const del = prev[j]! + 1
      const ins = cur[j - 1]! + 1
      if (sub <= del && sub <= ins) {
        cur[j] = sub
        curStart[j] = prevStart[j - 1]!
      } else if (del <= ins) {
        cur[j] = del
        curStart[j] = prevStart[j]!
      } else {
        cur[j] = ins
        curStart[j] = curStart[j - 1]!
      }
    }
    ;[prev, cur] = [cur, prev]
    ;[prevStart, curStart] = [curStart, prevStart]
  }
  let best: Alignment | null = null
  for (let j = 1; j <= width; j++) {
    const edits = prev[j]!
    if (edits > k || !tokenStart[from + j]) continue
    const start = prevStart[j]!
    if (start >= from + j) continue
    if (!best || edits < best.edits) best = { start, end: from + j, edits }
  }
  return best
}
