import type { PageText } from '../../../shared/document-text'
import type { CoaCheck } from '../../../shared/qc'
import type { GrayImage } from '../vision'
import type { Rules } from '../../../shared/qc/table/extract'

/** A region as fractions of the page: [x0, y0, x1, y1], origin top-left. */
export type Region = [number, number, number, number]

export interface VisionSettings {
  /** Where a stamp or signature is expected (per supplier template); default the lower third. */
  signatureRegion?: Region
  /** Whether a missing stamp/signature or a skewed page changes the verdict (a tenant setting). */
  affectsVerdict?: boolean
  /** Degrees of skew above which the page is flagged. */
  maxSkewDeg?: number
  /** Share of the region's pixels that must be non-text ink to count as a mark. */
  minInk?: number
}

export const LOWER_THIRD: Region = [0, 2 / 3, 1, 1]

/**
 * Is there a stamp or signature in the region? Counts dark pixels that are neither OCR'd words
 * (their boxes are masked) nor ruling lines, and asks that they form a mark of some size rather
 * than specks of scanner noise. Colour stamps read as mid-grey, hence the generous threshold.
 */
export function inkMark(
  image: GrayImage,
  page: PageText,
  region: Region,
  rules: Rules,
): { ink: number; span: number } {
  const sx = image.width / page.width
  const sy = image.height / page.height
  const x0 = Math.floor(region[0] * image.width)
  const y0 = Math.floor(region[1] * image.height)
  const x1 = Math.ceil(region[2] * image.width)
  const y1 = Math.ceil(region[3] * image.height)
  const mask = new Uint8Array(image.width * image.height)
  const pad = 3
  const fill = (bx0: number, by0: number, bx1: number, by1: number) => {
    for (let y = Math.max(0, Math.floor(by0) - pad); y < Math.min(image.height, Math.ceil(by1) + pad); y++)
      for (let x = Math.max(0, Math.floor(bx0) - pad); x < Math.min(image.width, Math.ceil(bx1) + pad); x++)
        mask[y * image.width + x] = 1
  }
  // Only confident words are text; a signature OCR'd as "~~/\" garbage is still a signature.
  for (const w of page.words)
    if (w.confidence >= 50 && /[a-z0-9]{2,}/i.test(w.text))
      fill(w.bbox[0] * sx, w.bbox[1] * sy, w.bbox[2] * sx, w.bbox[3] * sy)
  for (const r of rules.horizontal) fill(r.x0 * sx, r.y * sy - 2, r.x1 * sx, r.y * sy + 2)
  for (const r of rules.vertical) fill(r.x * sx - 2, r.y0 * sy, r.x * sx + 2, r.y1 * sy)
  let ink = 0
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * image.width + x
      if (mask[i] || image.data[i]! >= 170) continue
      ink++
      minX = Math.min(minX, x)
      maxX = Math.max(maxX, x)
      minY = Math.min(minY, y)
      maxY = Math.max(maxY, y)
    }
  }
  const area = Math.max(1, (x1 - x0) * (y1 - y0))
  const span = ink === 0 ? 0 : Math.max(maxX - minX, maxY - minY) / (image.dpi ?? 300)
  return { ink: ink / area, span }
}

export function signatureCheck(
  image: GrayImage,
  page: PageText,
  rules: Rules,
  settings: VisionSettings = {},
): CoaCheck {
  const region = settings.signatureRegion ?? LOWER_THIRD
  const { ink, span } = inkMark(image, page, region, rules)
  const present = ink >= (settings.minInk ?? 0.0015) && span >= 0.3
  const where = settings.signatureRegion ? 'the expected region' : 'the lower third'
  return {
    name: 'stamp-or-signature',
    status: present ? 'pass' : 'warn',
    detail: present
      ? `a stamp or signature mark is present in ${where} of page ${page.page} (${(ink * 100).toFixed(2)} % ink, ${span.toFixed(1)} in across)`
      : `no stamp or signature found in ${where} of page ${page.page}`,
    affectsVerdict: settings.affectsVerdict ?? false,
  }
}

/** The skew the pipeline measured (and corrected) for each page; a crooked scan is worth a look. */
export function skewCheck(pages: PageText[], settings: VisionSettings = {}): CoaCheck {
  const limit = settings.maxSkewDeg ?? 2
  const worst = pages.reduce((a, p) => (Math.abs(p.skewDeg) > Math.abs(a.skewDeg) ? p : a), pages[0]!)
  const deg = Math.abs(worst?.skewDeg ?? 0)
  return {
    name: 'page-skew',
    status: deg > limit ? 'warn' : 'pass',
    detail:
      deg > limit
        ? `page ${worst!.page} was scanned ${deg.toFixed(1)}° off square (corrected before reading; above ${limit}°)`
        : `pages are square within ${limit}° (worst ${deg.toFixed(1)}°)`,
    affectsVerdict: settings.affectsVerdict ?? false,
  }
}
