import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine, recognizePage, type OcrEngine } from '../../../../src/main/services/ocr'
import { rasterisePage, withPdf } from '../../../../src/main/services/pdf'
import {
  keyFigureWords,
  rereadKeyFigures,
  settledFigure,
} from '../../../../src/main/services/pipeline/keyFigures'
import type { RasterImage } from '../../../../src/main/services/imaging'
import type { PageText } from '../../../../src/shared/document-text'

const sure = (text: string, confidence = 95) => ({ text, confidence })
const onPage = (text: string, confidence = 70) => ({ text, confidence })

describe('settling a key figure read again', () => {
  it("takes the closer readings when they agree on the page's figure with one digit more or fewer, and outweigh it", () => {
    // A rule or a rupee sign glued to the figure read as a leading "1"; a cell edge as a trailing "0".
    const all = (figure: string) => [sure(figure), sure(figure), sure(figure, 96)]
    expect(settledFigure(onPage('115000000'), all('15000000'))).toBe('15000000')
    expect(settledFigure(onPage('17,40,000'), all('7,40,000'))).toBe('7,40,000')
    expect(settledFigure(onPage('7250'), all('725'))).toBe('725')
    // Unsure looks that agree on dropping the glued mark, the surest surer than the page.
    const looks = [sure('72,203', 76), sure('72,203', 62), sure('72,203', 41)]
    expect(settledFigure(onPage('172,203', 72), looks)).toBe('72,203')
    expect(settledFigure(onPage('172,203', 80), looks)).toBe(undefined)
    // Unsure looks never add a digit the page did not read.
    expect(settledFigure(onPage('2,203', 50), looks)).toBe(undefined)
  })

  it('keeps the page reading when the closer readings are unsure, disagree or change a digit', () => {
    const keep = (page: string, looks: { text: string; confidence: number }[]) =>
      expect(settledFigure(onPage(page, 60), looks)).toBe(undefined)
    keep('1,90,500', [sure('1.90500', 22), sure('190,500', 0), sure('1.90500', 73)])
    keep('74410', [sure('74410'), sure('74410'), sure('74470', 84)])
    keep('74410', [sure('74470'), sure('74470'), sure('74470')])
    keep('8,30,000', [sure('8,30,000'), sure('8,30,000'), sure('8,30,000')])
    keep('339500', [sure('. 339500'), sure('339500'), sure('339500')])
  })
})

describe('reading a bid page’s key figures again', () => {
  let engine: OcrEngine
  let image: RasterImage
  let page: PageText

  beforeAll(async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const sheet = pdf.addPage([595, 300])
    sheet.drawText('Tender Notice: Supply of Bleaching Powder', { x: 40, y: 250, size: 12, font })
    sheet.drawText('EMD Amount : 15000000', { x: 40, y: 200, size: 12, font })
    sheet.drawText('Quantity : 725', { x: 40, y: 170, size: 12, font })
    const bytes = await pdf.save()
    image = await withPdf(bytes, 'notice.pdf', async (doc) => {
      const first = await doc.doc.getPage(1)
      return rasterisePage(first, 200, { color: false })
    })
    engine = await createOcrEngine({ langs: 'eng' })
    page = await recognizePage(engine, image, { page: 1, dpi: 200 })
  }, 120_000)
  afterAll(() => engine?.terminate())

  const misread = (from: string, to: string): PageText => ({
    ...page,
    words: page.words.map((w) => (w.text === from ? { ...w, text: to, confidence: 70 } : w)),
  })

  it('finds the EMD and the quantity as the figures to read again', () => {
    expect(keyFigureWords(page).map((i) => page.words[i]!.text)).toEqual(['15000000', '725'])
  })

  it('puts back a figure a glued mark lengthened by a digit, and says so in the page notes', async () => {
    const read = await rereadKeyFigures(async () => engine, image, misread('15000000', '115000000'))
    expect(read.words.map((w) => w.text)).toContain('15000000')
    expect(read.text).toContain('EMD Amount : 15000000')
    expect(read.notes.at(-1)).toBe('key figures read again, each alone: "115000000" → "15000000"')
  }, 60_000)

  it('keeps the page as read, saying why, when its figures cannot be read again', async () => {
    const broken = async (): Promise<OcrEngine> => {
      throw new Error('the OCR engine did not start')
    }
    const page115 = misread('15000000', '115000000')
    const read = await rereadKeyFigures(broken, image, page115)
    expect(read.words).toEqual(page115.words)
    expect(read.notes.at(-1)).toBe('key figures not read again: the OCR engine did not start')
  })

  it('leaves a page it read right as it was, and never turns one digit into another', async () => {
    expect(await rereadKeyFigures(async () => engine, image, page)).toEqual(page)
    const other = misread('725', '728')
    expect(await rereadKeyFigures(async () => engine, image, other)).toEqual(other)
  }, 60_000)
})
