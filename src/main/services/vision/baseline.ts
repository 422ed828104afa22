import type { TextComponents } from './components'

const RAD = Math.PI / 180

export interface UprightVote {
  /** (ascenders − descenders) / (ascenders + descenders): > 0 reads upright, < 0 upside down. */
  score: number
  votes: number
}

/**
 * Reading direction from glyph extents. In a text line most glyph tops sit on the x-line and most
 * bottoms on the baseline; glyphs poking above (capitals, digits, b d f h k l t; Devanagari vowel
 * signs over the headline) outnumber those hanging below (g j p q y), so turning the page by 180°
 * flips the sign. Cheap and script-tolerant, and it needs no OCR.
 *
 * `quarterTurn` evaluates the frame after turning the page 90° clockwise (for vertical lines);
 * `deg` is the content angle (counter-clockwise) in that frame.
 */
export function uprightVote(c: TextComponents, quarterTurn: boolean, deg: number): UprightVote {
  const n = c.count
  const cos = Math.cos(deg * RAD)
  const sin = Math.sin(deg * RAD)
  const u = new Float32Array(n)
  const v = new Float32Array(n)
  const ext = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    // Turning 90° clockwise maps (x, y) to (H − y, x).
    const x = quarterTurn ? c.height - c.cy[i]! : c.cx[i]!
    const y = quarterTurn ? c.cx[i]! : c.cy[i]!
    u[i] = x * cos - y * sin
    v[i] = y * cos + x * sin
    ext[i] = quarterTurn ? c.w[i]! : c.h[i]!
  }
  const medH = median(Array.from(ext))
  const order: number[] = []
  for (let i = 0; i < n; i++) if (ext[i]! >= medH * 0.5 && ext[i]! <= medH * 3) order.push(i)
  order.sort((a, b) => v[a]! - v[b]!)

  let up = 0
  let down = 0
  const tops: number[] = []
  const bottoms: number[] = []
  const window = medH * 0.5
  const reach = medH * 10
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!
    tops.length = 0
    bottoms.length = 0
    for (let dir = -1; dir <= 1; dir += 2) {
      for (let m = k + (dir < 0 ? 0 : 1); m >= 0 && m < order.length; m += dir) {
        const j = order[m]!
        if (Math.abs(v[j]! - v[i]!) > window) break
        if (Math.abs(u[j]! - u[i]!) > reach) continue
        tops.push(v[j]! - ext[j]! / 2)
        bottoms.push(v[j]! + ext[j]! / 2)
      }
    }
    if (tops.length < 5) continue
    const xLine = median(tops)
    const baseline = median(bottoms)
    const body = baseline - xLine
    if (body <= 1) continue
    const top = v[i]! - ext[i]! / 2
    const bottom = v[i]! + ext[i]! / 2
    if (top < xLine - body * 0.25) up++
    if (bottom > baseline + body * 0.25) down++
  }
  const votes = up + down
  return { score: votes > 0 ? (up - down) / votes : 0, votes }
}

function median(values: number[]): number {
  if (values.length === 0) return 0
  values.sort((a, b) => a - b)
  return values[values.length >> 1]!
}
