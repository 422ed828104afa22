/** Fewest single-character insertions, deletions and substitutions turning `a` into `b`. */
export function characterEdits(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
      )
    }
    previous = current
  }
  return previous[y.length] ?? 0
}

export interface OcrAccuracy {
  /** Characters a person read and confirmed or corrected (the corrected text's length). */
  reviewedCharacters: number
  /** Characters the person had to change. */
  correctedCharacters: number
  /** 1 − corrected / reviewed; null until something was reviewed. */
  ocrAccuracy: number | null
}

/** OCR accuracy as people's corrections measure it: 1 − corrected characters / reviewed characters. */
export function ocrAccuracyOf(
  corrections: readonly { ocrText: string; correctedText: string }[],
): OcrAccuracy {
  let reviewed = 0
  let corrected = 0
  for (const c of corrections) {
    reviewed += [...c.correctedText].length
    corrected += characterEdits(c.ocrText, c.correctedText)
  }
  return {
    reviewedCharacters: reviewed,
    correctedCharacters: corrected,
    ocrAccuracy: reviewed === 0 ? null : Math.round(Math.max(0, 1 - corrected / reviewed) * 10_000) / 10_000,
  }
}
