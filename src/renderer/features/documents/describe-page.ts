import type { PageText } from '../../../shared/document-text'

/** Words the engine was unsure of; below this they are worth a second look. */
export const LOW_CONFIDENCE = 60

export const isLowConfidence = (confidence: number): boolean => confidence < LOW_CONFIDENCE

/** "OCR · rotated 90° · deskewed 1.8° · confidence 96" */
export function describePage(page: PageText): string {
  const parts = [page.source === 'ocr' ? 'OCR' : 'Text layer']
  if (page.rotation !== 0) parts.push(`rotated ${page.rotation}°`)
  // Below a twentieth of a degree the correction is noise, not something a reader would notice.
  if (Math.abs(page.skewDeg) >= 0.05) parts.push(`deskewed ${Math.abs(page.skewDeg).toFixed(1)}°`)
  parts.push(`confidence ${Math.round(page.confidence)}`)
  return parts.join(' · ')
}
