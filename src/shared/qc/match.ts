import { similarity, tokens } from './text'

/**
 * How well a specification name matches a COA cell, 0..1. Whole-token containment counts (the COA
 * says "Lead - QC WI (Q 54)" or "QCL-Pb(ppm)-ICPMS"); otherwise a fuzzy match over token windows
 * absorbs OCR slips ("Arsen1c"). Names of three letters or fewer must match a token exactly, as one
 * slip in "pH" or "Pb" is a different parameter.
 */
export function nameScore(name: string, text: string): number {
  const want = tokens(name)
  const have = tokens(text)
  // A serial number read into the name cell ("3 Free acid", "12 Lead" for "2.") is not part of it.
  while (have.length > 1 && /^\d{1,2}$/.test(have[0]!) && !/^\d/.test(want[0] ?? '')) have.shift()
  if (want.length === 0 || have.length === 0) return 0
  const wantJoined = want.join(' ')
  if (wantJoined === have.join(' ')) return 1
  let best = 0
  for (let i = 0; i + want.length <= have.length; i++) {
    const window = have.slice(i, i + want.length).join(' ')
    const coverage = want.length / have.length
    if (window === wantJoined) {
      best = Math.max(best, 0.85 + 0.14 * coverage - (i === 0 ? 0 : 0.02))
      continue
    }
    if (wantJoined.replace(/ /g, '').length <= 3) continue
    const sim = similarity(window, wantJoined)
    if (sim >= 0.8) best = Math.max(best, 0.6 + 0.25 * sim + 0.1 * coverage)
  }
  // Words run together or split by OCR ("Lossondrying", "Tap Den sity").
  const squashed = similarity(have.join(''), want.join(''))
  if (wantJoined.replace(/ /g, '').length > 3 && squashed >= 0.85) best = Math.max(best, 0.6 + 0.3 * squashed)
  return best
}

export const MATCH_THRESHOLD = 0.75

/** Best score of any of a parameter's names against any of a row's texts. */
export function bestNameScore(names: readonly string[], texts: readonly string[]): number {
  let best = 0
  for (const n of names) for (const t of texts) best = Math.max(best, nameScore(n, t))
  return best
}

/**
 * One-to-one assignment of parameters to rows, best pairs first, so "Total aerobic count" and
 * "Total yeast and mould count" each find their own row.
 */
export function assign(
  names: readonly (readonly string[])[],
  rows: readonly (readonly string[])[],
  threshold = MATCH_THRESHOLD,
): Map<number, { row: number; score: number }> {
  const pairs: { p: number; r: number; score: number }[] = []
  names.forEach((n, p) =>
    rows.forEach((texts, r) => {
      const score = bestNameScore(n, texts)
      if (score >= threshold) pairs.push({ p, r, score })
    }),
  )
  pairs.sort((a, b) => b.score - a.score || a.r - b.r)
  const out = new Map<number, { row: number; score: number }>()
  const used = new Set<number>()
  for (const { p, r, score } of pairs) {
    if (out.has(p) || used.has(r)) continue
    out.set(p, { row: r, score })
    used.add(r)
  }
  return out
}
