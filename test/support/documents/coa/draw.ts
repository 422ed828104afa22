import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

export type FontFamily = 'helvetica' | 'times' | 'courier'

const FAMILIES: Record<FontFamily, [StandardFonts, StandardFonts]> = {
  helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  courier: [StandardFonts.Courier, StandardFonts.CourierBold],
}

export interface TextStyle {
  size?: number
  bold?: boolean
}

/**
 * A COA being drawn: A4 pages, coordinates from the top-left corner (as a template designer thinks
 * of them), one font family in regular and bold.
 */
export class Sheet {
  readonly width = 595
  readonly height = 842
  private pages: PDFPage[] = []

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    readonly size: number,
  ) {
    this.newPage()
  }

  static async create(family: FontFamily, size: number): Promise<Sheet> {
    const pdf = await PDFDocument.create()
    const [r, b] = FAMILIES[family]
    return new Sheet(pdf, await pdf.embedFont(r), await pdf.embedFont(b), size)
  }

  get pageCount(): number {
    return this.pages.length
  }

  newPage(): void {
    this.pages.push(this.pdf.addPage([this.width, this.height]))
  }

  private get page(): PDFPage {
    return this.pages[this.pages.length - 1]!
  }

  textWidth(text: string, style: TextStyle = {}): number {
    return (style.bold ? this.bold : this.regular).widthOfTextAtSize(text, style.size ?? this.size)
  }

  text(x: number, top: number, text: string, style: TextStyle = {}): void {
    if (text === '') return
    const size = style.size ?? this.size
    this.page.drawText(text, {
      x,
      y: this.height - top - size,
      size,
      font: style.bold ? this.bold : this.regular,
      color: rgb(0, 0, 0),
    })
  }

  hline(x0: number, x1: number, top: number): void {
    const y = this.height - top
    this.page.drawLine({ start: { x: x0, y }, end: { x: x1, y }, thickness: 0.7, color: rgb(0, 0, 0) })
  }

  vline(x: number, top0: number, top1: number): void {
    this.page.drawLine({
      start: { x, y: this.height - top0 },
      end: { x, y: this.height - top1 },
      thickness: 0.7,
      color: rgb(0, 0, 0),
    })
  }

  save(): Promise<Uint8Array> {
    return this.pdf.save()
  }
}

/** Words of `text` wrapped to lines no wider than `width`. */
export function wrap(sheet: Sheet, text: string, width: number, style: TextStyle = {}): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word
    if (line && sheet.textWidth(next, style) > width) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}

export interface Column {
  /** Header label, one string a line (stacked header lines). */
  label: string[]
  width: number
  align?: 'left' | 'center'
}

export interface TableOptions {
  x: number
  top: number
  columns: Column[]
  /** One array of cell lines per column; cells wrap to the column's width. */
  rows: string[][][]
  ruled: boolean
  /** A group title over some columns ("Specification" over Min and Max), drawn above the header. */
  groups?: { label: string; from: number; to: number }[]
  /** Rows on the first page; the rest continue on a new page. */
  breakAfter?: number
  repeatHeader?: boolean
  /** Top of the continued table on the new page (below a repeated letterhead). */
  continueTop?: number
  onNewPage?: () => void
}

/** Draws a results table; returns the top of the space below it. */
export function drawTable(sheet: Sheet, o: TableOptions): number {
  const lineH = sheet.size * 1.3
  const pad = 3
  const total = o.columns.reduce((a, c) => a + c.width, 0)
  const xs: number[] = []
  o.columns.reduce((x, c) => (xs.push(x), x + c.width), o.x)
  let top = o.top
  let blockTop = top
  const verticals = (from: number, to: number) => {
    if (!o.ruled) return
    for (const x of [...xs, o.x + total]) sheet.vline(x, from, to)
  }
  const header = () => {
    blockTop = top
    if (o.ruled) sheet.hline(o.x, o.x + total, top)
    if (o.groups) {
      for (const g of o.groups) {
        const gx = xs[g.from]!
        const gw = xs[g.to]! + o.columns[g.to]!.width - gx
        const w = sheet.textWidth(g.label, { bold: true })
        sheet.text(gx + (gw - w) / 2, top + pad, g.label, { bold: true })
        if (o.ruled) sheet.hline(gx, gx + gw, top + lineH + pad)
      }
      top += lineH + pad
    }
    const lines = Math.max(...o.columns.map((c) => c.label.length))
    o.columns.forEach((c, i) => {
      c.label.forEach((l, k) => {
        const w = sheet.textWidth(l, { bold: true })
        const x = c.align === 'center' ? xs[i]! + (c.width - w) / 2 : xs[i]! + pad
        sheet.text(x, top + pad + k * lineH, l, { bold: true })
      })
    })
    top += lines * lineH + pad * 2
    if (o.ruled) sheet.hline(o.x, o.x + total, top)
    else sheet.hline(o.x, o.x + total, top - 1)
  }
  header()
  o.rows.forEach((row, r) => {
    if (o.breakAfter !== undefined && r === o.breakAfter) {
      verticals(blockTop, top)
      sheet.newPage()
      o.onNewPage?.()
      top = o.continueTop ?? 60
      blockTop = top
      if (o.repeatHeader) header()
      else if (o.ruled) sheet.hline(o.x, o.x + total, top)
    }
    const cells = row.map((lines, i) => lines.flatMap((l) => wrap(sheet, l, o.columns[i]!.width - pad * 2)))
    const height = Math.max(1, ...cells.map((c) => c.length))
    cells.forEach((lines, i) => {
      const c = o.columns[i]!
      lines.forEach((l, k) => {
        const w = sheet.textWidth(l)
        const x = c.align === 'center' ? xs[i]! + (c.width - w) / 2 : xs[i]! + pad
        sheet.text(x, top + pad + k * lineH, l)
      })
    })
    top += height * lineH + pad * 2
    if (o.ruled) sheet.hline(o.x, o.x + total, top)
  })
  verticals(blockTop, top)
  return top
}

/**
 * Key–value pairs in `columns` side-by-side blocks: "Label : value" (or without the colon, or the
 * colon in its own column), each block's values aligned at a tab stop.
 */
export function drawKeyValues(
  sheet: Sheet,
  pairs: [string, string][],
  o: {
    x: number
    top: number
    columns: 1 | 2 | 3
    colon: 'glued' | 'spaced' | 'tab' | 'none'
    width?: number
  },
): number {
  const lineH = sheet.size * 1.6
  const width = o.width ?? sheet.width - o.x * 2
  const colW = width / o.columns
  const perCol = Math.ceil(pairs.length / o.columns)
  const labelW = Math.max(...pairs.map(([k]) => sheet.textWidth(`${k} :`, { bold: true }))) + 6
  pairs.forEach(([k, v], i) => {
    const col = o.columns === 1 ? 0 : i % o.columns
    const row = o.columns === 1 ? i : Math.floor(i / o.columns)
    const x = o.x + col * colW
    const top = o.top + row * lineH
    const bold = { bold: true }
    switch (o.colon) {
      case 'glued':
        sheet.text(x, top, `${k}:`, bold)
        sheet.text(x + labelW, top, v)
        break
      case 'spaced':
        sheet.text(x, top, `${k} : ${v}`)
        break
      case 'tab':
        sheet.text(x, top, k, bold)
        sheet.text(x + labelW - 6, top, ':')
        sheet.text(x + labelW, top, v)
        break
      case 'none':
        sheet.text(x, top, k, bold)
        sheet.text(x + labelW, top, v)
        break
    }
  })
  const rows = o.columns === 1 ? pairs.length : perCol
  return o.top + rows * lineH
}
