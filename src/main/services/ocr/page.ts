import type { BBox, PageText } from '../../../shared/document-text/schema'
import {
  MIN_ORIENTATION_CONFIDENCE,
  preprocess,
  toGray,
  type GrayImage,
  type PreprocessOptions,
  type RasterImage,
} from '../vision'
import { CLEAN_BELOW_CONFIDENCE, confidentChars, paperSpread, UNEVEN_PAPER, type CleanMode } from './clean'
import type { OcrEngine } from './engine'
import { OSD_MIN_CONFIDENCE, type OrientationGuess } from './osd'
import type { Psm, RecognizeOptions } from './types'

export interface RecognizePageOptions extends RecognizeOptions {
  /** 1-based page number for the result. */
  page?: number
  /**
   * A second opinion on which way up the page is (tesseract's OSD), asked only when the page's own
   * heuristic is too unsure to turn it; null when it cannot tell either.
   */
  orientation?: (page: GrayImage) => Promise<OrientationGuess | null>
  preprocess?: PreprocessOptions
  /** The clean pass (denoise + binarise, then OCR again): by the measured rule (default), never, always. */
  clean?: CleanMode
}

/**
 * OCR of one page, and where the first pass looks poor (low mean confidence, or paper lit so
 * unevenly that part of the page may not have been read at all), a second pass over a cleaned
 * image; the pass that read more (confidentChars) is kept, and the page says which in `applied`
 * ('clean') and `notes`.
 */
export async function recognizePage(
  engine: OcrEngine,
  image: RasterImage,
  options: RecognizePageOptions = {},
): Promise<PageText> {
  // Asked once: the clean pass below reads the page turned the same way.
  const ask = options.orientation
  let guess: Promise<OrientationGuess | null> | undefined
  const once = ask && ((page: GrayImage) => (guess ??= ask(page)))
  const first = await readPage(engine, image, { ...options, orientation: once }, options.preprocess ?? {})
  const mode = options.clean ?? 'auto'
  if (mode === 'never') return first
  const spread = mode === 'always' ? 0 : paperSpread(toGray(image))
  const why =
    mode === 'always'
      ? 'clean pass always on'
      : first.confidence < CLEAN_BELOW_CONFIDENCE
        ? `mean confidence ${first.confidence.toFixed(0)} < ${CLEAN_BELOW_CONFIDENCE}`
        : spread > UNEVEN_PAPER
          ? `paper lit unevenly (${spread} gray levels)`
          : null
  if (!why) return first
  const cleaned = await readPage(
    engine,
    image,
    { ...options, orientation: once },
    {
      ...options.preprocess,
      denoise: true,
      binarise: true,
    },
  )
  const [a, b] = [confidentChars(first), confidentChars(cleaned)]
  const keepCleaned = mode === 'always' || b > a
  const kept = keepCleaned ? cleaned : first
  const note =
    `clean: ${why}; confident characters ${Math.round(a)} first, ${Math.round(b)} cleaned; ` +
    `kept the ${keepCleaned ? 'cleaned' : 'first'} pass`
  return {
    ...kept,
    applied: keepCleaned ? [...kept.applied, 'clean'] : kept.applied,
    notes: [...kept.notes, note],
  }
}

/**
 * preprocess → recognize → every box mapped back onto the original, unrotated page image, so the
 * viewer can draw boxes over the page as the user sees it.
 */
async function readPage(
  engine: OcrEngine,
  image: RasterImage,
  options: RecognizePageOptions,
  steps: PreprocessOptions,
): Promise<PageText> {
  const started = performance.now()
  // Speckle (dust, a noisy scanner) breaks characters apart; a 3×3 median removes it, and only a
  // speckled page gets one, so a clean page's thin strokes are left alone.
  const denoise = steps.denoise ?? speckleShare(toGray(image)) > SPECKLED
  const settings: PreprocessOptions = {
    orientation: true,
    deskew: true,
    glyphTargetPx: USEFUL_GLYPH_PX,
    glyphMinPx: SMALL_GLYPH_PX,
    ...steps,
    denoise,
  }
  let prepared = preprocess(image, settings)
  const osdNotes: string[] = []
  // A page with too little print to measure (glyphHeightPx 0: blank, a stamp) has nothing to turn.
  const measured = prepared.geometry
  const unsure =
    measured !== undefined &&
    measured.glyphHeightPx > 0 &&
    measured.orientationConfidence < (settings.minOrientationConfidence ?? MIN_ORIENTATION_CONFIDENCE)
  if (unsure && settings.orientation !== false && options.orientation) {
    const osd = await options.orientation(toGray(image))
    if (osd && osd.confidence >= OSD_MIN_CONFIDENCE) {
      osdNotes.push(`orientation by osd=${osd.rotation} confidence=${osd.confidence.toFixed(1)}`)
      if (osd.rotation !== 0) prepared = preprocess(image, { ...settings, rotation: osd.rotation })
    } else osdNotes.push('orientation by osd: unsure too, read as scanned')
  }
  const prepMs = performance.now() - started
  const psm: Psm = options.psm ?? 'auto'
  const dpi = Math.round((options.dpi ?? image.dpi) * prepared.scale)
  const result = await engine.recognize(prepared.image, { ...options, psm, dpi })
  const mapBox = (b: BBox): BBox => toPageBox(b, prepared.toPage, image.width, image.height)
  const notes = [`psm=${psm}`, `engine=${engine.name} ${engine.langs}`]
  if (prepared.geometry) {
    const g = prepared.geometry
    notes.push(`orientation=${g.rotation} confidence=${g.orientationConfidence.toFixed(2)} skew=${g.skewDeg}`)
    if (prepared.scale !== 1)
      notes.push(
        `${prepared.scale < 1 ? 'shrink' : 'enlarge'}: glyphs ${g.glyphHeightPx}px tall, read at ${dpi} dpi (×${prepared.scale.toFixed(2)})`,
      )
  }
  notes.push(...osdNotes)
  notes.push(
    `timing preprocess=${Math.round(prepMs)}ms ocr=${Math.round(performance.now() - started - prepMs)}ms`,
  )
  return {
    page: options.page ?? 1,
    source: 'ocr',
    rotation: prepared.rotation,
    skewDeg: prepared.skewDeg,
    width: image.width,
    height: image.height,
    dpi: image.dpi || dpi || 300,
    confidence: result.confidence,
    text: result.text,
    words: result.words.map((w) => ({ ...w, bbox: mapBox(w.bbox) })),
    lines: result.lines.map((l) => ({ ...l, bbox: mapBox(l.bbox) })),
    blocks: result.blocks.map((b) => ({ ...b, bbox: mapBox(b.bbox) })),
    applied: prepared.applied,
    notes,
  }
}

/** The page-space box around the mapped corners (a deskewed box is a tilted box on the page). */
export function toPageBox(
  b: BBox,
  toPage: (x: number, y: number) => [number, number],
  width: number,
  height: number,
): BBox {
  const corners = [toPage(b[0], b[1]), toPage(b[2], b[1]), toPage(b[0], b[3]), toPage(b[2], b[3])]
  const xs = corners.map((c) => c[0])
  const ys = corners.map((c) => c[1])
  const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, Math.round(v)))
  return [
    clamp(Math.min(...xs), width),
    clamp(Math.min(...ys), height),
    clamp(Math.max(...xs), width),
    clamp(Math.max(...ys), height),
  ]
}

/**
 * Median glyph height (pixels) print is scaled down to when it is at least a quarter taller: scans
 * made at 500-600 dpi are read as if at about 400. Tesseract reads each text line at a fixed height
 * anyway, so taller print only adds layout work. Lower targets were measured and cost accuracy on
 * noisy scans: at 15 px (10-pt text at 300 dpi read as at 210 dpi) pages took 12% less CPU and the
 * corpus CER held, but development COA scans fell from 98.4% to 93.8% of parameters right; at 20 px
 * held-out bid scans fell from 91.7% to 86.1% of key fields.
 */
export const USEFUL_GLYPH_PX = 30

/** Median glyph height (pixels) under which print is enlarged towards USEFUL_GLYPH_PX, at most twice. */
export const SMALL_GLYPH_PX = 16

/** Isolated dark specks per page pixel above which a page is treated as speckled (clean pages: ~0). */
const SPECKLED = 50e-6

/**
 * Share of the page's pixels that are dark specks standing alone: dark, with no dark pixel on the
 * ring two pixels around them (so a speck of up to 3×3 pixels). Text strokes always have dark
 * neighbours there; scanner speckle does not. Measured on generated scans: 0 on a clean page, about
 * 760 per million with 0.2% speckle.
 */
export function speckleShare(image: GrayImage): number {
  const { width, height, data } = image
  if (width < 5 || height < 5) return 0
  let specks = 0
  for (let y = 2; y < height - 2; y++) {
    const row = y * width
    for (let x = 2; x < width - 2; x++) {
      const i = row + x
      if (data[i]! >= 128) continue
      let ring = false
      for (let d = -2; d <= 2 && !ring; d++)
        ring =
          data[i - 2 * width + d]! < 128 ||
          data[i + 2 * width + d]! < 128 ||
          data[i + d * width - 2]! < 128 ||
          data[i + d * width + 2]! < 128
      if (!ring) specks++
    }
  }
  return specks / (width * height)
}
