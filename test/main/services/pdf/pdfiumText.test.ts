import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { Word } from '../../../../src/shared/document-text'
import { DeskError } from '../../../../src/shared/contract'
import {
  assessTextLayer,
  extractTextLayer,
  rasterisePage,
  withPdf,
  withTextLayers,
  type TextLayer,
} from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'
import { encryptedPdf } from './encryptedPdf'

/** Every page's text layer through one reader. */
async function layers(bytes: Uint8Array, reader: 'pdfium' | 'pdfjs'): Promise<TextLayer[]> {
  return withTextLayers(
    bytes,
    'test.pdf',
    async (source) => {
      expect(source.reader).toBe(reader === 'pdfium' ? 'pdfium' : 'pdf.js')
      const out: TextLayer[] = []
      for (let n = 1; n <= source.numPages; n++) out.push(await source.textLayer(n, 300))
      return out
    },
    reader,
  )
}

const centre = (w: Word) => [(w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2] as const

const ascii = (words: readonly Word[]) => words.filter((w) => /^[\x21-\x7e]+$/.test(w.text))

/**
 * Share of one reader's English words the other has too, spelt the same (a multiset match). The
 * GeM bids' Hindi is broken in both readers' hands, each its own way.
 */
function sharedWords(all: readonly Word[], others: readonly Word[]): number {
  const [a, b] = [ascii(all), ascii(others)]
  const left = new Map<string, number>()
  for (const w of b) left.set(w.text, (left.get(w.text) ?? 0) + 1)
  let common = 0
  for (const w of a) {
    const n = left.get(w.text) ?? 0
    if (n > 0) {
      common++
      left.set(w.text, n - 1)
    }
  }
  return common / Math.max(a.length, b.length, 1)
}

describe('text layers read by PDFium', () => {
  it.each([
    'tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf',
    'tender_gem_GEM-2026-B-7439924_rockwool.pdf',
    'tender_ireps_railways_eauction-conditions_EMD-circular.pdf',
    'spec_dsm_dl-alpha-tocopherol.pdf',
    'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf',
  ])('%s: the same pages go to OCR, the same words on the rest, where pdf.js puts them', async (name) => {
    const bytes = new Uint8Array(readFileSync(corpusFile(name)))
    const [ours, theirs] = [await layers(bytes, 'pdfium'), await layers(bytes, 'pdfjs')]
    expect(ours).toHaveLength(theirs.length)
    ours.forEach((page, i) => {
      const other = theirs[i]!
      expect([page.width, page.height, page.rotation]).toEqual([other.width, other.height, other.rotation])
      const verdict = assessTextLayer(page.words, page.width * page.height).usable
      expect(verdict).toBe(assessTextLayer(other.words, other.width * other.height).usable)
      if (!verdict) return
      expect(sharedWords(page.words, other.words)).toBeGreaterThan(0.95)
      // Each word sits where pdf.js's word of the same spelling nearest to it sits.
      const misplaced = ascii(page.words).filter((w) => {
        const [x, y] = centre(w)
        const h = w.bbox[3] - w.bbox[1]
        return !other.words.some((o) => {
          const [ox, oy] = centre(o)
          return o.text === w.text && Math.abs(ox - x) < Math.max(h, 5) && Math.abs(oy - y) < Math.max(h, 5)
        })
      })
      expect(misplaced.length / Math.max(1, ascii(page.words).length)).toBeLessThan(0.05)
    })
  })

  it('boxes words on a turned page in the frame the page is drawn in', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false })
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.addPage([595, 842])
    page.drawText('Bid Number: GEM/2026/B/7439924', { x: 60, y: 760, size: 14, font })
    page.drawText('EMD Amount 3,30,500', { x: 60, y: 500, size: 14, font })
    page.setRotation(degrees(90))
    const bytes = await pdf.save()
    const [layer] = await layers(bytes, 'pdfium')
    expect(layer!.rotation).toBe(90)
    const image = await withPdf(bytes, 'turned.pdf', async (doc) =>
      rasterisePage(await doc.doc.getPage(1), 300),
    )
    expect([layer!.width, layer!.height]).toEqual([image.width, image.height])
    expect(layer!.width).toBeGreaterThan(layer!.height)
    expect(layer!.words.map((w) => w.text).sort()).toEqual(
      ['Bid', 'Number:', 'GEM/2026/B/7439924', 'EMD', 'Amount', '3,30,500'].sort(),
    )
    // Every word is where pdf.js's reader (whose boxes the raster tests check) puts it.
    const [pdfjsLayer] = await withPdf(bytes, 'turned.pdf', async (doc) => [
      await extractTextLayer(await doc.doc.getPage(1), 300),
    ])
    for (const w of layer!.words) {
      const [x, y] = centre(w)
      const same = pdfjsLayer!.words.find((o) => o.text === w.text)!
      const [ox, oy] = centre(same)
      expect(Math.hypot(ox - x, oy - y)).toBeLessThan(20)
    }
  })

  it('keeps a decimal point, a hyphen and a comma inside their line', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false })
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    pdf
      .addPage([595, 842])
      .drawText('SIZE 0.841X100MTS , Rock-wool 02-08-2026', { x: 40, y: 700, size: 11, font })
    const [layer] = await layers(await pdf.save(), 'pdfium')
    const words = layer!.words
    expect(words.map((w) => w.text)).toEqual(['SIZE', '0.841X100MTS', ',', 'Rock-wool', '02-08-2026'])
    const comma = words[2]!.bbox
    const before = words[1]!.bbox
    expect(comma[1]).toBeLessThanOrEqual(before[1])
    expect(comma[3]).toBeGreaterThanOrEqual(before[3])
  })

  it('parts two cells drawn a narrow gap apart, and keeps a word drawn a letter at a time whole', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false })
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.addPage([595, 842])
    const size = 10
    const width = (text: string) => font.widthOfTextAtSize(text, size)
    // Cells 1.5 pt apart, less than PDFium's own measure for a space.
    page.drawText('Anhydrous', { x: 40, y: 700, size, font })
    page.drawText('Batch', { x: 40 + width('Anhydrous') + 1.5, y: 700, size, font })
    // A generator that places every letter itself, each at the end of the one before.
    let x = 40
    for (const letter of 'Quantity') {
      page.drawText(letter, { x, y: 660, size, font })
      x += width(letter)
    }
    const [layer] = await layers(await pdf.save(), 'pdfium')
    expect(layer!.words.map((w) => w.text)).toEqual(['Anhydrous', 'Batch', 'Quantity'])
  })

  it('refuses bad files with an error naming the file, as pdf.js does', async () => {
    const code = async (bytes: Uint8Array) =>
      withTextLayers(bytes, 'bad.pdf', async () => 'read').then(
        () => 'read',
        (e: unknown) => {
          expect(e).toBeInstanceOf(DeskError)
          expect((e as DeskError).message.startsWith('bad.pdf: ')).toBe(true)
          return (e as DeskError).code
        },
      )
    expect(await code(new Uint8Array(0))).toBe('CORRUPT_FILE')
    expect(await code(new Uint8Array(randomBytes(4096)))).toBe('CORRUPT_FILE')
    expect(await code(encryptedPdf('s3cret'))).toBe('ENCRYPTED')
  })
})
