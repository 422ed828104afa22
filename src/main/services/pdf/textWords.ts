import type { BBox, Word } from '../../../shared/document-text'

/** A second copy of a recent word drawn over it (fake bold, shadows). */
export function isEcho(words: Word[], text: string, bbox: BBox): boolean {
  for (let i = words.length - 1; i >= Math.max(0, words.length - 4); i--) {
    const w = words[i]!
    if (w.text === text && iou(w.bbox, bbox) > 0.6) return true
  }
  return false
}

function iou(a: BBox, b: BBox): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]))
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]))
  const inter = ix * iy
  const area = (r: BBox) => (r[2] - r[0]) * (r[3] - r[1])
  const total = area(a) + area(b) - inter
  return total > 0 ? inter / total : 0
}

export function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

/** Exactly the code units JavaScript's \s matches. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** A coordinate within the page, to a hundredth of a pixel. */
export const clamp = (value: number, max: number) => Math.round(Math.min(max, Math.max(0, value)) * 100) / 100
