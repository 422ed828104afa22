/**
 * Where each character of a text run starts, as a fraction of the run's width. pdf.js gives a
 * run's total width but not its glyphs' advances, and apportioning it by character count puts
 * words after wide letters (B, m, o, d) too far left and words after narrow ones (i, l, 1) too far
 * right: a few pixels per word on a screen, enough to cut a highlight off its word. Widths of a
 * common proportional sans-serif (Helvetica/Arial metrics, per 1000 em) are far closer to most
 * fonts' than equal shares; monospaced fonts keep equal shares.
 */

// Advance widths of ' ' (32) to '~' (126).
const LATIN = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
/** Anything else (accented Latin, Devanagari, symbols): a typical letter. */
const OTHER = 556

function advance(code: number): number {
  return code >= 32 && code <= 126 ? LATIN[code - 32]! : OTHER
}

/**
 * Fractions 0..1, one more than `str` has UTF-16 units: `starts[i]` is where unit i begins and the
 * last is 1. `monospace` (the run's font family is monospace) shares the width equally.
 */
export function advanceFractions(str: string, monospace = false): number[] {
  const n = str.length
  const starts = new Array<number>(n + 1)
  starts[0] = 0
  let total = 0
  for (let i = 0; i < n; i++) {
    const code = str.charCodeAt(i)
    // The low half of a surrogate pair and combining marks (vowel signs) take no width of their own.
    const w = monospace ? 1 : (code >= 0xdc00 && code <= 0xdfff) || isMark(code) ? 0 : advance(code)
    total += w
    starts[i + 1] = total
  }
  if (total === 0) return starts.map((_, i) => (n === 0 ? 0 : i / n))
  return starts.map((s) => s / total)
}

/** Marks drawn on the letter before them: Latin diacritics, and Devanagari's non-spacing signs. */
function isMark(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x0900 && code <= 0x0902) ||
    code === 0x093c ||
    (code >= 0x0941 && code <= 0x0948) ||
    code === 0x094d
  )
}
