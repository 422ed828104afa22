import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

const NOTO = '/usr/share/fonts/truetype/noto'

/**
 * fontkit's UMD build shapes Devanagari with generator functions compiled for regenerator, and
 * expects its runtime as a global. tesseract.js depends on the same runtime, so it is taken from
 * there rather than added as a package of its own.
 */
function provideRegeneratorRuntime(): void {
  const global = globalThis as { regeneratorRuntime?: unknown }
  if (global.regeneratorRuntime) return
  const fromTesseract = createRequire(createRequire(__filename).resolve('tesseract.js'))
  global.regeneratorRuntime = fromTesseract('regenerator-runtime')
}

/**
 * Noto Sans for English and the rupee sign (Helvetica's WinAnsi has no ₹), Noto Sans Devanagari
 * for Hindi (Debian's fonts-noto-core, installed by .ci/run). pdf-lib places glyphs without
 * shaping, so a Hindi label prints its vowel signs in logical order (ि after its consonant) and
 * without conjuncts: it reads oddly to a Hindi reader, as GeM's own broken text layers do, which is
 * acceptable here because the English half of every bilingual label is the one that carries meaning.
 */
export interface Fonts {
  regular: PDFFont
  bold: PDFFont
  devanagari: PDFFont
}

export async function newDocument(): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  provideRegeneratorRuntime()
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const load = (file: string) => pdf.embedFont(readFileSync(`${NOTO}/${file}`), { subset: true })
  const fonts = {
    regular: await load('NotoSans-Regular.ttf'),
    bold: await load('NotoSans-Bold.ttf'),
    devanagari: await load('NotoSansDevanagari-Regular.ttf'),
  }
  return { pdf, fonts }
}

const DEVANAGARI = /[\u0900-\u097f]/
/** Runs of Devanagari (with the spaces inside them) and of everything else. */
const RUNS = /[\u0900-\u097f]+(?:\s+[\u0900-\u097f]+)*|[^\u0900-\u097f]+/g

export interface TextStyle {
  size?: number
  bold?: boolean
}

/** An A4 page addressed from its top-left corner, in points, with mixed-script text. */
export class Sheet {
  readonly width: number
  readonly height: number

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: Fonts,
  ) {
    const { width, height } = page.getSize()
    this.width = width
    this.height = height
  }

  static add(pdf: PDFDocument, fonts: Fonts): Sheet {
    return new Sheet(pdf.addPage([595, 842]), fonts)
  }

  private fontFor(run: string, style: TextStyle): PDFFont {
    if (DEVANAGARI.test(run)) return this.fonts.devanagari
    return style.bold ? this.fonts.bold : this.fonts.regular
  }

  measure(text: string, style: TextStyle = {}): number {
    const size = style.size ?? 10
    let width = 0
    for (const run of text.match(RUNS) ?? []) width += this.fontFor(run, style).widthOfTextAtSize(run, size)
    return width
  }

  /** Draws one line with its baseline `y` points from the top; returns its width. */
  text(x: number, y: number, text: string, style: TextStyle = {}): number {
    const size = style.size ?? 10
    let at = x
    for (const run of text.match(RUNS) ?? []) {
      const font = this.fontFor(run, style)
      this.page.drawText(run, { x: at, y: this.height - y, size, font })
      at += font.widthOfTextAtSize(run, size)
    }
    return at - x
  }

  /** Greedy word wrap to `width` points. */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const lines: string[] = []
    let line = ''
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word
      if (line && this.measure(next, style) > width) {
        lines.push(line)
        line = word
      } else line = next
    }
    if (line) lines.push(line)
    return lines
  }

  /** Wrapped text from baseline `y`; returns the baseline after the last line. */
  paragraph(
    x: number,
    y: number,
    text: string,
    width: number,
    style: TextStyle = {},
    leading = 1.45,
  ): number {
    const step = (style.size ?? 10) * leading
    for (const line of this.wrap(text, width, style)) {
      this.text(x, y, line, style)
      y += step
    }
    return y
  }

  /** Centred on the page. */
  centred(y: number, text: string, style: TextStyle = {}): void {
    this.text((this.width - this.measure(text, style)) / 2, y, text, style)
  }

  rule(x1: number, y1: number, x2: number, y2: number, thickness = 0.6): void {
    this.page.drawLine({
      start: { x: x1, y: this.height - y1 },
      end: { x: x2, y: this.height - y2 },
      thickness,
      color: rgb(0.35, 0.35, 0.35),
    })
  }

  /** A table's grid: column edges `xs` and row edges `ys` (both from the top-left). */
  grid(xs: readonly number[], ys: readonly number[]): void {
    for (const x of xs) this.rule(x, ys[0]!, x, ys.at(-1)!)
    for (const y of ys) this.rule(xs[0]!, y, xs.at(-1)!, y)
  }
}
