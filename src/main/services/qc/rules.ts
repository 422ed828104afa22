import type { GrayImage } from '../vision'
import type { Rules } from '../../../shared/qc/table/extract'

/**
 * Ruling lines of bordered tables: long straight runs of dark pixels. Short breaks (scan dropouts,
 * text touching a line) are bridged. Returned in page coordinates (`scale` = page px per image px).
 */
export function findRules(image: GrayImage, scale: number, minLength: number): Rules {
  const { width, height, data } = image
  const dark = (x: number, y: number) => data[y * width + x]! < 140
  const bridge = Math.max(2, Math.round(width / 600))
  const minPx = minLength / scale
  const runs = (len: number, lines: number, at: (i: number, j: number) => boolean) => {
    const found: { pos: number; from: number; to: number }[] = []
    for (let j = 0; j < lines; j++) {
      let start = -1
      let lastDark = -1
      for (let i = 0; i <= len; i++) {
        const d = i < len && at(i, j)
        if (d) {
          if (start < 0) start = i
          lastDark = i
        } else if (start >= 0 && i - lastDark > bridge) {
          if (lastDark - start >= minPx) found.push({ pos: j, from: start, to: lastDark })
          start = -1
        }
      }
    }
    // Neighbouring pixel rows of one thick line become one rule.
    const merged: { pos: number; from: number; to: number; n: number }[] = []
    for (const r of found) {
      const m = merged.find((x) => Math.abs(x.pos / x.n - r.pos) <= 3 && x.from < r.to && r.from < x.to)
      if (m) {
        m.pos += r.pos
        m.n++
        m.from = Math.min(m.from, r.from)
        m.to = Math.max(m.to, r.to)
      } else merged.push({ ...r, n: 1 })
    }
    return merged.map((m) => ({ pos: (m.pos / m.n) * scale, from: m.from * scale, to: m.to * scale }))
  }
  return {
    horizontal: runs(width, height, (x, y) => dark(x, y)).map((r) => ({ y: r.pos, x0: r.from, x1: r.to })),
    vertical: runs(height, width, (y, x) => dark(x, y)).map((r) => ({ x: r.pos, y0: r.from, y1: r.to })),
  }
}
