import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api'
import type { BBox, Word } from '../../../shared/document-text'
import { advanceFractions } from './advance'
import { scoreTextLayer } from './assess'
import { pagePixelSize, type Matrix } from './geometry'
import { clamp, isEcho, isSpace, union } from './textWords'

export interface TextLayer {
  /** Page size in pixels at `dpi`, /Rotate applied: the same frame as `rasterisePage`. */
  width: number
  height: number
  dpi: number
  /** The page's /Rotate (clockwise degrees). */
  rotation: number
  /** 0..100: how far the layer's characters can be trusted (`scoreTextLayer`). */
  quality: number
  /** Each with a confidence from its own characters and the page's quality, not from OCR. */
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
  /** The font is monospaced: characters share the run's width equally. */
  monospace: boolean
}

/**
 * Words with boxes in page pixels (top-left origin) at `dpi`. pdf.js gives text runs, not words:
 * runs are split at whitespace (boxes apportioned by typical glyph widths, `advanceFractions`, as
 * pdf.js does not expose a run's own), pieces of one word split over several runs are joined, and
 * the doubled runs that "fake bold" PDFs draw at almost the same spot are dropped. A text layer
 * has no recognition step to be unsure of, so word confidences say how far its characters can be
 * trusted instead: 100 for ordinary words on an ordinary page, low for unknown glyphs, broken
 * script and pages of glyph codes (see `scoreTextLayer`).
 */
export async function extractTextLayer(page: PDFPageProxy, dpi = 300): Promise<TextLayer> {
  const viewport = page.getViewport({ scale: dpi / 72 })
  const { width, height } = pagePixelSize(viewport)
  const toDevice = viewport.transform as Matrix
  const content = await page.getTextContent()
  const words: Word[] = []
  let previous: { run: Run; end: [number, number]; open: boolean } | undefined
  const [m0, m1, m2, m3, m4, m5] = toDevice

  for (const part of content.items) {
    if (!('str' in part)) continue
    const run = toRun(part, content.styles[part.fontName])
    const { item, u, v } = run
    const e = Number(item.transform[4])
    const f = Number(item.transform[5])
    // The run's frame (t along the baseline, s across it) straight to device pixels: a word box is
    // then the extent of one affine image of a rectangle, taken per axis without building corners.
    const ox = m0 * e + m2 * f + m4
    const oy = m1 * e + m3 * f + m5
    const tx = m0 * u[0] + m2 * u[1]
    const ty = m1 * u[0] + m3 * u[1]
    const sx = (m0 * v[0] + m2 * v[1]) * run.size
    const sy = (m1 * v[0] + m3 * v[1]) * run.size
    const sxLo = Math.min(sx * run.descent, sx * run.ascent)
    const sxHi = Math.max(sx * run.descent, sx * run.ascent)
    const syLo = Math.min(sy * run.descent, sy * run.ascent)
    const syHi = Math.max(sy * run.descent, sy * run.ascent)
    const box = (t0: number, t1: number): BBox => {
      const x0 = tx * t0
      const x1 = tx * t1
      const y0 = ty * t0
      const y1 = ty * t1
      return [
        clamp(ox + Math.min(x0, x1) + sxLo, width),
        clamp(oy + Math.min(y0, y1) + syLo, height),
        clamp(ox + Math.max(x0, x1) + sxHi, width),
        clamp(oy + Math.max(y0, y1) + syHi, height),
      ]
    }

    const str = item.str
    const at = advanceFractions(str, run.monospace)
    const open = previous?.open === true
    let first = true
    let continues = false
    forEachToken(str, (start, stop) => {
      if (first) continues = open && start === 0 && joins(previous!.run, previous!.end, run, e, f)
      const text = str.slice(start, stop)
      const bbox = box(at[start]! * item.width, at[stop]! * item.width)
      const last = words[words.length - 1]
      if (first && continues && last) {
        last.text += text
        last.bbox = union(last.bbox, bbox)
      } else if (!isEcho(words, text, bbox)) {
        words.push({ text, bbox, confidence: 0 })
      }
      first = false
    })
    const endsOpen = str.length > 0 && !isSpace(str.charCodeAt(str.length - 1)) && !item.hasEOL
    previous = {
      run,
      end: [e + u[0] * item.width, f + u[1] * item.width],
      open: endsOpen && (!first || open),
    }
  }
  // Scored once the words are whole: runs of one word join above.
  const { quality, confidences } = scoreTextLayer(words)
  words.forEach((w, i) => (w.confidence = confidences[i]!))
  return { width, height, dpi, rotation: page.rotate, quality, words }
}

function toRun(item: TextItem, style: TextStyle | undefined): Run {
  const [a, b, c, d] = item.transform.map(Number) as [number, number, number, number]
  const along = Math.hypot(a, b) || 1
  const up = Math.hypot(c, d) || 1
  const ascent = style && style.ascent > 0 && style.ascent <= 1.5 ? style.ascent : DEFAULT_ASCENT
  const descent = style && style.descent <= 0 && style.descent >= -1 ? style.descent : DEFAULT_DESCENT
  return {
    item,
    u: [a / along, b / along],
    v: [c / up, d / up],
    size: item.height || up,
    ascent,
    descent,
    monospace: style?.fontFamily === 'monospace',
  }
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

/** Calls `fn` with the [start, stop) of every run of non-whitespace, as /\S+/g would find them. */
function forEachToken(str: string, fn: (start: number, stop: number) => void): void {
  let start = -1
  for (let i = 0; i < str.length; i++) {
    if (isSpace(str.charCodeAt(i))) {
      if (start >= 0) fn(start, i)
      start = -1
    } else if (start < 0) {
      start = i
    }
  }
  if (start >= 0) fn(start, str.length)
}
