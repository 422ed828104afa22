import type { PageSource, PageText } from '../../../shared/document-text'

/** Words OCR was unsure of, or text-layer words whose characters look wrong: worth a second look. */
export const LOW_CONFIDENCE = 60

export const isLowConfidence = (confidence: number): boolean => confidence < LOW_CONFIDENCE

/**
 * "confidence 95", or "confidence 95 (from the text layer)": a text layer has no OCR engine to be
 * unsure, so its confidence is judged from its characters and the reader should know which it is.
 */
export function describeConfidence(confidence: number, source?: PageSource): string {
  const text = `confidence ${Math.round(confidence)}`
  return source === 'text-layer' ? `${text} (from the text layer)` : text
}

/** "OCR · rotated 90° · deskewed 1.8° · confidence 96", "Text layer · confidence 99 (from the text layer, not OCR)" */
export function describePage(page: PageText): string {
  const parts = [page.source === 'ocr' ? 'OCR' : 'Text layer']
  if (page.rotation !== 0) parts.push(`rotated ${page.rotation}°`)
  // Below a twentieth of a degree the correction is noise, not something a reader would notice.
  if (Math.abs(page.skewDeg) >= 0.05) parts.push(`deskewed ${Math.abs(page.skewDeg).toFixed(1)}°`)
  const confidence = `confidence ${Math.round(page.confidence)}`
  parts.push(page.source === 'text-layer' ? `${confidence} (from the text layer, not OCR)` : confidence)
  return parts.join(' · ')
}
