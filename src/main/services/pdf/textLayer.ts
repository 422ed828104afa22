import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api'
import type { BBox, Word } from '../../../shared/document-text'
import { apply, pagePixelSize, type Matrix } from './geometry'

export interface TextLayer {
  /** Page size in pixels at `dpi`, /Rotate applied: the same frame as `rasterisePage`. */
  width: number
  height: number
  dpi: number
  /** The page's /Rotate (clockwise degrees). */
  rotation: number
  words: Word[]
}

/** Fallbacks when pdf.js has no metrics for a font: typical Latin ascender and descender. */
const DEFAULT_ASCENT = 0.8
const DEFAULT_DESCENT = -0.2

interface Run {
  item: TextItem
  /** Unit vector of the writing direction and of "up", in user space. */
  u: [number, number]
  v: [number, number]
  size: number
  ascent: number
  descent: number
}

/**
 * Words with boxes in page pixels (top-left origin) at `dpi`. pdf.js gives text runs, not words:
 * runs are split at whitespace (boxes apportioned by character count, as glyph widths are not
 * exposed), pieces of one word split over several runs are joined, and the doubled runs that
 * "fake bold" PDFs draw at almost the same spot are dropped.
 */
export async function extractTextLayer(page: PDFPageProxy, dpi = 300): Promise<TextLayer> {
  const viewport = page.getViewport({ scale: dpi / 72 })
  const { width, height } = pagePixelSize(viewport)
  const toDevice = viewport.transform as Matrix
  const content = await page.getTextContent()
  const words: Word[] = []
  let previous: { run: Run; end: [number, number]; open: boolean } | undefined

  for (const part of content.items) {
    if (!('str' in part)) continue
    const run = toRun(part, content.styles[part.fontName])
    const { item, u, v } = run
    const [e, f] = [Number(item.transform[4]), Number(item.transform[5])]
    const box = (t0: number, t1: number): BBox => {
      const corners = [t0, t1].flatMap((t) =>
        [run.descent, run.ascent].map((s) =>
          apply(toDevice, e + u[0] * t + v[0] * s * run.size, f + u[1] * t + v[1] * s * run.size),
        ),
      )
      const xs = corners.map((c) => c[0])
      const ys = corners.map((c) => c[1])
      return [
        clamp(Math.min(...xs), width),
        clamp(Math.min(...ys), height),
        clamp(Math.max(...xs), width),
        clamp(Math.max(...ys), height),
      ]
    }

    const str = item.str
    const tokens = [...str.matchAll(/\S+/g)]
    const continues =
      previous?.open === true && tokens[0]?.index === 0 && joins(previous.run, previous.end, run, e, f)
    tokens.forEach((token, i) => {
      const start = token.index
      const stop = start + token[0].length
      const bbox = box((start / str.length) * item.width, (stop / str.length) * item.width)
      const last = words[words.length - 1]
      if (i === 0 && continues && last) {
        last.text += token[0]
        last.bbox = union(last.bbox, bbox)
      } else if (!isEcho(words, token[0], bbox)) {
        words.push({ text: token[0], bbox, confidence: 100 })
      }
    })
    const endsOpen = str.length > 0 && !/\s$/.test(str) && !item.hasEOL
    previous = {
      run,
      end: [e + u[0] * item.width, f + u[1] * item.width],
      open: endsOpen && (tokens.length > 0 || previous?.open === true),
    }
  }
  return { width, height, dpi, rotation: page.rotate, words }
}

function toRun(item: TextItem, style: TextStyle | undefined): Run {
  const [a, b, c, d] = item.transform.map(Number) as [number, number, number, number]
  const along = Math.hypot(a, b) || 1
  const up = Math.hypot(c, d) || 1
  const ascent = style && style.ascent > 0 && style.ascent <= 1.5 ? style.ascent : DEFAULT_ASCENT
  const descent = style && style.descent <= 0 && style.descent >= -1 ? style.descent : DEFAULT_DESCENT
  return { item, u: [a / along, b / along], v: [c / up, d / up], size: item.height || up, ascent, descent }
}

/** Same direction, same baseline, and the next run starts where the previous one stopped. */
function joins(prev: Run, prevEnd: [number, number], next: Run, x: number, y: number): boolean {
  if (prev.u[0] * next.u[0] + prev.u[1] * next.u[1] < 0.99) return false
  const dx = x - prevEnd[0]
  const dy = y - prevEnd[1]
  const along = dx * prev.u[0] + dy * prev.u[1]
  const across = Math.abs(dx * prev.u[1] - dy * prev.u[0])
  const size = Math.max(prev.size, next.size)
  return across < 0.3 * size && along > -0.3 * size && along < 0.2 * size
}

/** A second copy of a recent word drawn over it (fake bold, shadows). */
function isEcho(words: Word[], text: string, bbox: BBox): boolean {
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

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

const clamp = (value: number, max: number) => Math.round(Math.min(max, Math.max(0, value)) * 100) / 100
