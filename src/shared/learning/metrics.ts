/** How a binary classifier did on a labelled set: what a reviewer reads before a model is promoted. */
export interface BinaryMetrics {
  n: number
  accuracy: number
  precision: number
  recall: number
  f1: number
  /** Expected calibration error over ten probability bins: how far "80% sure" is from 80% right. */
  calibrationError: number
  confusion: { truePositive: number; falsePositive: number; trueNegative: number; falseNegative: number }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

export function binaryMetrics(
  cases: readonly { actual: boolean; probability: number }[],
  threshold = 0.5,
): BinaryMetrics {
  const confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 }
  for (const { actual, probability } of cases) {
    const predicted = probability >= threshold
    if (predicted && actual) confusion.truePositive++
    else if (predicted) confusion.falsePositive++
    else if (actual) confusion.falseNegative++
    else confusion.trueNegative++
  }
  const { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn } = confusion
  const n = cases.length
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {
    n,
    accuracy: round(n === 0 ? 0 : (tp + tn) / n),
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    calibrationError: round(calibrationError(cases)),
    confusion,
  }
}

function calibrationError(cases: readonly { actual: boolean; probability: number }[]): number {
  if (cases.length === 0) return 0
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, positives: 0 }))
  for (const { actual, probability } of cases) {
    const bin = bins[Math.min(9, Math.floor(probability * 10))]
    if (!bin) continue
    bin.n++
    bin.confidence += probability
    bin.positives += actual ? 1 : 0
  }
  return bins.reduce(
    (sum, b) =>
      b.n === 0 ? sum : sum + (b.n / cases.length) * Math.abs(b.confidence / b.n - b.positives / b.n),
    0,
  )
}
