import { DeskError } from '../../../shared/contract'
import type { BBox, Word } from '../../../shared/document-text'
import type { RasterImage } from '../imaging'
import { scoreTextLayer } from './assess'
import { apply, type Matrix } from './geometry'
import { loadPdfium, PDFIUM_ERROR, type Pdfium } from './pdfium'
import { pdfiumPageSize, renderPdfiumPage } from './pdfiumRender'
import type { RasteriseOptions } from './rasterise'
import type { TextLayer } from './textLayer'
import { clamp, isEcho, isSpace, union } from './textWords'

/** An open document whose pages' text layers PDFium reads. */
export interface PdfiumDocument {
  file: string
  numPages: number
  /** Page `n` (1-based) as `extractTextLayer` would give it: words in page pixels at `dpi`. */
  textLayer(n: number, dpi: number): TextLayer
  /** Page `n` drawn at `dpi`, the same size as its text layer (see renderPdfiumPage). */
  image(n: number, dpi: number, opts?: RasteriseOptions): RasterImage
}

/** An open PDFium document; `close` is idempotent and frees PDFium's copy of the file. */
export interface OpenPdfiumDocument extends PdfiumDocument {
  close(): void
}

/**
 * Opens a PDF with PDFium. A password-protected file fails with ENCRYPTED, one PDFium cannot parse
 * with CORRUPT_FILE (the caller may still try pdf.js).
 */
export async function openPdfiumDocument(bytes: Uint8Array, file: string): Promise<OpenPdfiumDocument> {
  if (bytes.length === 0) throw new DeskError('CORRUPT_FILE', `${file}: the file is empty`, { file })
  const lib = await loadPdfium()
  // PDFium reads from this copy for as long as the document is open.
  const data = lib.malloc(bytes.length)
  if (!data) throw new DeskError('FILE_TOO_LARGE', `${file}: too large to read in memory`, { file })
  lib.heap().u8.set(bytes, data)
  const doc = lib.FPDF_LoadMemDocument(data, bytes.length)
  let open = true
  const close = () => {
    if (!open) return
    open = false
    if (doc) lib.FPDF_CloseDocument(doc)
    lib.free(data)
  }
  if (!doc) {
    const code = lib.FPDF_GetLastError()
    close()
    throw openError(code, file)
  }
  const numPages = lib.FPDF_GetPageCount(doc)
  if (numPages < 1) {
    close()
    throw new DeskError('CORRUPT_FILE', `${file}: the PDF has no pages`, { file })
  }
  return {
    file,
    numPages,
    textLayer: (n, dpi) => readPage(lib, doc, file, n, dpi),
    image: (n, dpi, opts) => renderPdfiumPage(lib, doc, file, n, dpi, opts),
    close,
  }
}

function openError(code: number, file: string): DeskError {
  if (code === PDFIUM_ERROR.password || code === PDFIUM_ERROR.security) {
    return new DeskError('ENCRYPTED', `${file}: the PDF is password-protected`, { file })
  }
  return new DeskError('CORRUPT_FILE', `${file}: not a readable PDF (PDFium error ${code})`, { file })
}

function readPage(lib: Pdfium, doc: number, file: string, n: number, dpi: number): TextLayer {
  const page = lib.FPDF_LoadPage(doc, n - 1)
  if (!page) throw new DeskError('CORRUPT_FILE', `${file}: page ${n} cannot be read`, { file })
  try {
    const { width, height, exactWidth, exactHeight } = pdfiumPageSize(lib, page, dpi)
    const toDevice = deviceMatrix(lib, page, exactWidth, exactHeight)
    const textPage = lib.FPDFText_LoadPage(page)
    if (!textPage) throw new DeskError('CORRUPT_FILE', `${file}: page ${n} has unreadable text`, { file })
    let words: Word[]
    try {
      words = pageWords(lib, textPage, toDevice, width, height)
    } finally {
      lib.FPDFText_ClosePage(textPage)
    }
    const { quality, confidences } = scoreTextLayer(words)
    words.forEach((w, i) => (w.confidence = confidences[i]!))
    return { width, height, dpi, rotation: (lib.FPDFPage_GetRotation(page) & 3) * 90, quality, words }
  } finally {
    lib.FPDF_ClosePage(page)
  }
}

/** Device pixels per device unit asked of PDFium, whose FPDF_PageToDevice answers in integers. */
const SUBPIXEL = 64

/**
 * Page space (points, /Rotate not applied) to page pixels, /Rotate applied: PDFium's own mapping,
 * sampled at three points, so crop boxes and rotations are handled as its renderer handles them.
 */
function deviceMatrix(lib: Pdfium, page: number, width: number, height: number): Matrix {
  const out = lib.malloc(8)
  try {
    const at = (x: number, y: number): [number, number] => {
      lib.FPDF_PageToDevice(page, 0, 0, width * SUBPIXEL, height * SUBPIXEL, 0, x, y, out, out + 4)
      const i32 = lib.heap().i32
      return [i32[out >> 2]! / SUBPIXEL, i32[(out >> 2) + 1]! / SUBPIXEL]
    }
    const span = 1000
    const [e, f] = at(0, 0)
    const [ax, ay] = at(span, 0)
    const [cx, cy] = at(0, span)
    return [(ax - e) / span, (ay - f) / span, (cx - e) / span, (cy - f) / span, e, f]
  } finally {
    lib.free(out)
  }
}

/**
 * Words are the runs of characters between whitespace, PDFium's generated spaces and line breaks
 * included, boxed by their glyphs' outlines as OCR boxes words; doubled "fake bold" words are
 * dropped. PDFium boxes a run in one call (`FPDFText_CountRects`), which is most of the page's
 * words; a run it boxes in several pieces (turned text, a jump it did not mark with a space) is
 * walked character by character and split where a character is far from the word so far.
 */
function pageWords(lib: Pdfium, textPage: number, m: Matrix, width: number, height: number): Word[] {
  const count = lib.FPDFText_CountChars(textPage)
  if (count <= 0) return []
  const text = pageCharacters(lib, textPage, count)
  const out = lib.malloc(32)
  const toDevice = (left: number, top: number, right: number, bottom: number) =>
    deviceBox(m, left, top, right, bottom, width, height)
  const charBox = (k: number): BBox | undefined => {
    if (!lib.FPDFText_GetCharBox(textPage, k, out)) return undefined
    const f64 = lib.heap().f64
    const r = out >> 3
    // left, right, bottom, top
    return toDevice(f64[r]!, f64[r + 3]!, f64[r + 1]!, f64[r + 2]!)
  }
  const words: Word[] = []
  const push = (chars: string, box: BBox) => {
    if (!isEcho(words, chars, box)) words.push({ text: chars, bbox: box, confidence: 0 })
  }
  try {
    let start = -1
    for (let k = 0; k <= count; k++) {
      const code = k < count ? text.charCodeAt(k) : 0x20
      if (code !== 0 && !isSpace(code)) {
        if (start < 0) start = k
        continue
      }
      if (start < 0) continue
      // A vowel sign or other combining mark never begins a word: PDFium spaces some Devanagari
      // matras off from their letter ("होन े"), which belong with it.
      if (k + 1 < count && COMBINING.test(text[k + 1]!)) continue
      if (
        lib.FPDFText_CountRects(textPage, start, k - start) === 1 &&
        lib.FPDFText_GetRect(textPage, 0, out)
      ) {
        const f64 = lib.heap().f64
        const r = out >> 3
        // left, top, right, bottom
        push(
          text.slice(start, k).replace(SPACES, ''),
          toDevice(f64[r]!, f64[r + 1]!, f64[r + 2]!, f64[r + 3]!),
        )
      } else {
        walk(start, k, charBox, (c) => drawnAt(lib, textPage, c, out, toDevice), text, push)
      }
      start = -1
    }
  } finally {
    lib.free(out)
  }
  levelMarks(words)
  return words
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** A gap this many ems wide between two drawn strings separates them. */
const CELL_GAP = 0.1
const COMBINING = /^\p{M}/u
const SPACES = /\s+/g

/**
 * A word of marks alone (",", "-", ":") takes the height of the word before it on its line: a
 * glyph outline makes it a sliver at the baseline or mid-height, which the layout readers would
 * place on no line or a line of its own.
 */
function levelMarks(words: Word[]): void {
  for (let i = 1; i < words.length; i++) {
    const mark = words[i]!
    if (HAS_LETTER_OR_DIGIT.test(mark.text)) continue
    const before = words[i - 1]!.bbox
    const b = mark.bbox
    const h = before[3] - before[1]
    const touches = Math.min(before[3], b[3]) - Math.max(before[1], b[1]) > 0
    if (touches && b[0] - before[2] <= h && b[0] >= before[0]) {
      mark.bbox = [b[0], Math.min(b[1], before[1]), b[2], Math.max(b[3], before[3])]
    }
  }
}

/** Which string drew a character, and its advance box (one em tall) on the page. */
interface Drawn {
  object: number
  advance: BBox
}

function drawnAt(
  lib: Pdfium,
  textPage: number,
  k: number,
  out: number,
  toDevice: (left: number, top: number, right: number, bottom: number) => BBox,
): Drawn | undefined {
  if (!lib.FPDFText_GetLooseCharBox(textPage, k, out)) return undefined
  const f32 = lib.heap().f32
  const r = out >> 2
  const advance = toDevice(f32[r]!, f32[r + 1]!, f32[r + 2]!, f32[r + 3]!)
  return { object: lib.FPDFText_GetTextObject(textPage, k), advance }
}

/**
 * Boxes the characters one by one, starting a new word where one is far from the word so far, or
 * where a separately drawn string starts a visible gap after the last one ended: two table cells
 * printed close together ("Anhydrous" | "Batch") are two words, though PDFium put no space between
 * them. The gap is measured between advance boxes, where letters of one word meet whatever their
 * outlines do, so a word drawn a letter at a time stays whole.
 */
function walk(
  start: number,
  stop: number,
  charBox: (k: number) => BBox | undefined,
  drawnBy: (k: number) => Drawn | undefined,
  text: string,
  push: (chars: string, box: BBox) => void,
): void {
  let chars = ''
  let box: BBox | undefined
  let previous: Drawn | undefined
  for (let k = start; k < stop; k++) {
    if (isSpace(text.charCodeAt(k))) continue
    const next = charBox(k)
    if (!next) continue
    const drawn = drawnBy(k)
    const newString =
      previous !== undefined &&
      drawn !== undefined &&
      drawn.object !== previous.object &&
      drawn.advance[0] - previous.advance[2] >= CELL_GAP * (drawn.advance[3] - drawn.advance[1])
    previous = drawn
    if (box && (newString || farApart(box, next))) {
      push(chars, box)
      chars = ''
      box = undefined
    }
    chars += text[k]
    box = box ? union(box, next) : next
  }
  if (box) push(chars, box)
}

/** One UTF-16 unit per character index, as FPDFText_GetText writes them (per character if not). */
function pageCharacters(lib: Pdfium, textPage: number, count: number): string {
  return rawCharacters(lib, textPage, count).replace(LINE_END_HYPHEN, '-')
}

function rawCharacters(lib: Pdfium, textPage: number, count: number): string {
  const out = lib.malloc((count + 1) * 2)
  try {
    const written = lib.FPDFText_GetText(textPage, 0, count, out)
    // A lone surrogate decodes to one U+FFFD, so the string keeps one unit per character.
    if (written - 1 === count) return utf16.decode(lib.heap().u8.subarray(out, out + count * 2))
  } finally {
    lib.free(out)
  }
  let text = ''
  for (let k = 0; k < count; k++) {
    const code = lib.FPDFText_GetUnicode(textPage, k)
    text += code > 0xffff ? '\ufffd' : String.fromCharCode(code)
  }
  return text
}

/** PDFium's code for a hyphen that breaks a word at the end of a line. */
const LINE_END_HYPHEN = /\ufffe/g

const utf16 = new TextDecoder('utf-16le')

function deviceBox(
  m: Matrix,
  left: number,
  top: number,
  right: number,
  bottom: number,
  width: number,
  height: number,
): BBox {
  const [x0, y0] = apply(m, left, top)
  const [x1, y1] = apply(m, right, bottom)
  return [
    clamp(Math.min(x0, x1), width),
    clamp(Math.min(y0, y1), height),
    clamp(Math.max(x0, x1), width),
    clamp(Math.max(y0, y1), height),
  ]
}

/**
 * The next character does not continue the word: neither beside it on its line nor, for text set
 * vertically, under it in its column, within a character's size. Overlap is measured against the
 * smaller of the two, as glyph boxes are: a point or hyphen is a sliver of its line's height.
 */
function farApart(word: BBox, next: BBox): boolean {
  const heights = [word[3] - word[1], next[3] - next[1]]
  const widths = [word[2] - word[0], next[2] - next[0]]
  const size = Math.max(...heights, 1)
  const overlapY = Math.min(word[3], next[3]) - Math.max(word[1], next[1])
  const overlapX = Math.min(word[2], next[2]) - Math.max(word[0], next[0])
  const gapX = Math.max(next[0] - word[2], word[0] - next[2])
  const gapY = Math.max(next[1] - word[3], word[1] - next[3])
  // A mark drawn off the letters' band (an underscore under the baseline) still joins its neighbours.
  const beside = (overlapY >= 0.5 * Math.min(...heights) || -overlapY < 0.3 * size) && gapX <= size
  const below = overlapX >= 0.5 * Math.min(...widths) && gapY <= Math.max(...widths, 1)
  return !beside && !below
}
