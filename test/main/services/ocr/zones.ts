import type { BBox } from '../../../../src/shared/document-text/schema'

export interface Zone {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** UNLV .uzn: one zone per line, "x y w h type", in the order the ground-truth text follows. */
export function parseUzn(text: string): Zone[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 4 && f.slice(0, 4).every((v) => /^\d+$/.test(v)))
    .map(([x, y, w, h]) => ({ x0: +x!, y0: +y!, x1: +x! + +w!, y1: +y! + +h! }))
}

/**
 * Reading order is not what the UNLV pages test (the ground truth follows hand-drawn zones, engines
 * follow their own layout analysis), so both engines' words are regrouped the same way: each word
 * goes to the zone holding its centre, words keep the engine's order inside a zone, zones follow the
 * .uzn order, and words outside every zone (photo speckle, rules) are dropped, as the ground truth
 * has no text there.
 */
export function zoneOrderedText(words: { text: string; bbox: BBox }[], zones: Zone[]): string {
  const parts: string[][] = zones.map(() => [])
  for (const w of words) {
    const cx = (w.bbox[0] + w.bbox[2]) / 2
    const cy = (w.bbox[1] + w.bbox[3]) / 2
    const z = zones.findIndex((z) => cx >= z.x0 && cx < z.x1 && cy >= z.y0 && cy < z.y1)
    if (z >= 0) parts[z]!.push(w.text)
  }
  return parts.map((p) => p.join(' ')).join('\n')
}
