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
  const INF = 1 << 20
  let prev = new Int32Array(width + 1)
  let prevStart = new Int32Array(width + 1)
  let cur = new Int32Array(width + 1)
  let curStart = new Int32Array(width + 1)
  for (let j = 0; j <= width; j++) {
    prev[j] = doc.tokenStart[from + j] ? 0 : INF
    prevStart[j] = from + j
  }
  for (let i = 1; i <= pattern.length; i++) {
    const pc = pattern.charCodeAt(i - 1)
    cur[0] = prev[0]! + 1
    curStart[0] = prevStart[0]!
    for (let j = 1; j <= width; j++) {
      const sub = prev[j - 1]! + (doc.text.charCodeAt(from + j - 1) === pc ? 0 : 1)
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
    if (edits > k || !doc.tokenStart[from + j]) continue
    const start = prevStart[j]!
    if (start >= from + j) continue
    if (!best || edits < best.edits) best = { start, end: from + j, edits }
  }
  return best
}
