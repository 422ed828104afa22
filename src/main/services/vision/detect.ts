import { analysePage, type AnalyseOptions, type Rotation } from './analyse'
import type { RasterImage } from './raster'

export interface OrientationResult {
  rotation: Rotation
  /** 0..1 */
  confidence: number
}

/** Clockwise quarter turns that make the page read upright. Prefer preprocess(), which analyses once. */
export function detectOrientation(image: RasterImage): OrientationResult {
  const g = analysePage(image)
  return { rotation: g.rotation, confidence: g.orientationConfidence }
}

/** Deskew angle in degrees (positive = counter-clockwise correction), measured after orientation. */
export function estimateSkew(image: RasterImage, options?: AnalyseOptions): number {
  return analysePage(image, options).skewDeg
}
