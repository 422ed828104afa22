import type { TextComponents } from './components'

/** 'rows': text lines run left-right; 'cols': they run top-bottom (page turned by 90 or 270). */
export type Axis = 'rows' | 'cols'

const RAD = Math.PI / 180

/**
 * Projects component centres across the lines at a content angle `deg` (counter-clockwise positive)
 * and returns Σh²/N: centres of one line fall into the same few bins only at the right angle.
 * The same point set and bin width give comparable figures for both axes.
 */
export function profileScore(
  c: TextComponents,
  axis: Axis,
  deg: number,
  bin: number,
  hist: Float64Array,
): number {
  const cos = Math.cos(deg * RAD)
  const sin = Math.sin(deg * RAD)
  const offset = c.width + c.height
  const bins = Math.min(hist.length, Math.ceil((2 * offset) / bin) + 1)
  hist.fill(0, 0, bins)
  const { cx, cy, count } = c
  for (let i = 0; i < count; i++) {
    const v = axis === 'rows' ? cy[i]! * cos + cx[i]! * sin : cx[i]! * cos - cy[i]! * sin
    hist[Math.floor((v + offset) / bin)]! += 1
  }
  let sum = 0
  for (let i = 0; i < bins; i++) sum += hist[i]! * hist[i]!
  return count > 0 ? sum / count : 0
}

export interface AngleFit {
  deg: number
  score: number
}

/** Coarse scan over ±maxDeg, then a fine scan around the best coarse angle. */
export function bestAngle(c: TextComponents, axis: Axis, maxDeg: number): AngleFit {
  const hist = new Float64Array(Math.ceil((2 * (c.width + c.height)) / Math.max(1, c.unit / 2)) + 2)
  let best: AngleFit = { deg: 0, score: -1 }
  const coarse = Math.max(1, c.unit)
  for (let deg = -maxDeg; deg <= maxDeg + 1e-9; deg += 0.25) {
    const score = profileScore(c, axis, deg, coarse, hist)
    // Ties go to the smaller angle so a page without structure is left alone.
    if (score > best.score || (score === best.score && Math.abs(deg) < Math.abs(best.deg)))
      best = { deg, score }
  }
  const fine = Math.max(1, c.unit / 2)
  const centre = best.deg
  let refined: AngleFit = { deg: centre, score: profileScore(c, axis, centre, fine, hist) }
  for (let deg = centre - 0.3; deg <= centre + 0.3 + 1e-9; deg += 0.02) {
    const score = profileScore(c, axis, deg, fine, hist)
    if (score > refined.score) refined = { deg, score }
  }
  return { deg: refined.deg, score: best.score }
}
