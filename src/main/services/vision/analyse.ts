import { findTextComponents } from './components'
import { uprightVote } from './baseline'
import { bestAngle } from './profile'
import { toGray, type RasterImage } from './raster'

export type Rotation = 0 | 90 | 180 | 270

export interface PageGeometry {
  /** Clockwise quarter turns (degrees) that make the page read upright. */
  rotation: Rotation
  /** 0..1: how sure the rotation is (line direction and reading direction both agree). */
  orientationConfidence: number
  /** Deskew to apply after `rotation`, degrees, positive = counter-clockwise (schema convention). */
  skewDeg: number
  /** Diagnostics for notes and tuning. */
  details: { glyphs: number; axisRatio: number; upright: number; uprightVotes: number }
  /**
   * Median height of the page's glyphs across the text line, in the image's own pixels (0 when the
   * page has too few to tell): how large the print is, whatever dpi the page was scanned at.
   */
  glyphHeightPx: number
}

export interface AnalyseOptions {
  /** Largest skew searched, degrees. */
  maxSkewDeg?: number
}

/** Fewer character-like blobs than this and there is no text to read a direction from. */
const MIN_GLYPHS = 20

export function analysePage(image: RasterImage, options: AnalyseOptions = {}): PageGeometry {
  const maxSkew = options.maxSkewDeg ?? 15
  const c = findTextComponents(toGray(image))
  if (c.count < MIN_GLYPHS) {
    return {
      rotation: 0,
      orientationConfidence: 0,
      skewDeg: 0,
      details: { glyphs: c.count, axisRatio: 1, upright: 0, uprightVotes: 0 },
      glyphHeightPx: 0,
    }
  }
  const rows = bestAngle(c, 'rows', maxSkew)
  const cols = bestAngle(c, 'cols', maxSkew)
  const vertical = cols.score > rows.score
  const fit = vertical ? cols : rows
  const axisRatio = Math.max(rows.score, cols.score) / Math.max(1e-9, Math.min(rows.score, cols.score))
  const vote = uprightVote(c, vertical, fit.deg)
  const upsideDown = vote.score < 0
  const rotation: Rotation = vertical ? (upsideDown ? 270 : 90) : upsideDown ? 180 : 0
  // Line direction: centres of a text line collapse into few bins, so text pages score well above 1.5×.
  const axisConfidence = clamp01((axisRatio - 1.1) / 0.6)
  // Reading direction: |score|·√votes is a z-like figure (random glyph extents give ≈ ±1).
  const uprightConfidence = clamp01((Math.abs(vote.score) * Math.sqrt(vote.votes)) / 4)
  return {
    rotation,
    orientationConfidence: Math.min(axisConfidence, uprightConfidence),
    skewDeg: -round2(fit.deg),
    details: {
      glyphs: c.count,
      axisRatio: round2(axisRatio),
      upright: round2(vote.score),
      uprightVotes: vote.votes,
    },
    glyphHeightPx: round2(median(vertical ? c.w : c.h) / c.scale),
  }
}

function median(xs: Float32Array): number {
  const sorted = Float32Array.from(xs).sort()
  return sorted[sorted.length >> 1] ?? 0
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
