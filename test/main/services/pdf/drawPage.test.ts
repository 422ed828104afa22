import { degrees, PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../../src/shared/contract'
import { drawPdfPage, rasterisePage, withPdf } from '../../../../src/main/services/pdf'
import type { RasterImage } from '../../../../src/main/services/imaging'
import { pdfWithDamagedPage } from './damagedPagePdf'

const lines = (n: number) =>
  Array.from({ length: 12 }, (_, i) => `Page ${n} line ${i + 1}: rockwool slabs, EMD 25000`)

/** Share of the pixels in rows [from, to) darker than mid-gray. */
function inkShare(image: RasterImage, from: number, to: number): number {
  let dark = 0
  for (let y = from; y < to; y++)
    for (let x = 0; x < image.width; x++)
      if (image.data[(y * image.width + x) * image.channels]! < 128) dark++
  return dark / ((to - from) * image.width)
}

describe('drawing a PDF page for OCR', () => {
  it('draws with PDFium the pages of a file pdf.js counts no pages in', async () => {
    // The page tree says /Count 0 but lists two pages: pdf.js refuses the file, PDFium reads both.
    const bytes = pdfWithDamagedPage([lines(1), lines(2)], 0)
    for (const n of [1, 2]) {
      const image = await drawPdfPage(bytes, 'count0.pdf', n, 300)
      expect(image).toMatchObject({ width: 2550, height: 3300, channels: 1, dpi: 300 })
      // Twelve lines of print from 1 inch below the top; the bottom half is blank paper.
      expect(inkShare(image, 290, 1100)).toBeGreaterThan(0.01)
      expect(inkShare(image, 1700, 3300)).toBe(0)
    }
  })

  it('gives colour pages on white when asked, and a poster page at a lower dpi', async () => {
    const bytes = pdfWithDamagedPage([lines(1)], 0)
    const color = await drawPdfPage(bytes, 'count0.pdf', 1, 150, { color: true })
    expect(color).toMatchObject({ width: 1275, height: 1650, channels: 4 })
    expect([...color.data.subarray(0, 8)]).toEqual([255, 255, 255, 255, 255, 255, 255, 255])
    const small = await drawPdfPage(bytes, 'count0.pdf', 1, 300, { maxPixels: 1_000_000 })
    expect(small.dpi).toBeLessThan(300)
    expect(small.width * small.height).toBeLessThanOrEqual(1_000_000)
  })

  it("draws a turned page in the same frame as pdf.js, so the text layer's boxes land on it", async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.addPage([612, 792])
    page.setRotation(degrees(90))
    lines(1).forEach((line, i) => page.drawText(line, { x: 72, y: 720 - 16 * i, size: 12, font }))
    const bytes = await pdf.save({ useObjectStreams: false })
    const viaPdfjs = await withPdf(bytes, 'turned.pdf', async (doc) =>
      rasterisePage(await doc.doc.getPage(1), 100),
    )
    // The same page under a tree that says /Count 0 (same length, so the xref offsets hold) is
    // drawn by PDFium.
    const text = new TextDecoder('latin1').decode(bytes)
    expect(text).toMatch(/\/Count 1\b/)
    const broken = Uint8Array.from(text.replace(/\/Count 1\b/, '/Count 0'), (c) => c.charCodeAt(0))
    const viaPdfium = await drawPdfPage(broken, 'turned.pdf', 1, 100)
    expect(viaPdfium).toMatchObject({ width: viaPdfjs.width, height: viaPdfjs.height })
    expect(viaPdfium.width).toBeGreaterThan(viaPdfium.height)
    expect(inkShare(viaPdfium, 0, viaPdfium.height)).toBeGreaterThan(0.001)
    let differ = 0
    for (let i = 0; i < viaPdfium.data.length; i++)
      if (Math.abs(viaPdfium.data[i]! - viaPdfjs.data[i]!) > 64) differ++
    expect(differ / viaPdfium.data.length).toBeLessThan(0.01)
  })

  it('fails a page neither reader can load with a page error naming file and page', async () => {
    const bytes = pdfWithDamagedPage([lines(1), null, lines(3)])
    const drawing = drawPdfPage(bytes, 'one-bad-page.pdf', 2, 300)
    await expect(drawing).rejects.toBeInstanceOf(DeskError)
    await expect(drawing).rejects.toMatchObject({ code: 'CORRUPT_FILE', details: { page: 2 } })
    await expect(drawing).rejects.toThrow('one-bad-page.pdf: page 2 cannot be read')
    const third = await drawPdfPage(bytes, 'one-bad-page.pdf', 3, 72)
    expect(third.width).toBe(612)
  })

  it('fails a page that is in neither reading of the file as not found', async () => {
    const drawing = drawPdfPage(pdfWithDamagedPage([lines(1)]), 'short.pdf', 5, 72)
    await expect(drawing).rejects.toBeInstanceOf(DeskError)
    await expect(drawing).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(drawing).rejects.toThrow('short.pdf: page 5 cannot be read (pdf.js finds 1 pages)')
  })
})
