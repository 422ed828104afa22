import { readFileSync } from 'node:fs'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { wordSchema, type Word } from '../../../../src/shared/document-text'
import { assessTextLayer, extractTextLayer, withPdf, type TextLayer } from '../../../../src/main/services/pdf'
import { scoreTextLayer } from '../../../../src/main/services/pdf/assess'
import { corpusFile } from '../../../support/corpus'

async function layersOf(bytes: Uint8Array, name: string, pages?: number[]): Promise<TextLayer[]> {
  return withPdf(bytes, name, async (pdf) => {
    const out: TextLayer[] = []
    for (const p of pages ?? Array.from({ length: pdf.numPages }, (_, i) => i + 1)) {
      out.push(await extractTextLayer(await pdf.doc.getPage(p), 300))
    }
    return out
  })
}

const corpusLayers = (name: string, pages?: number[]) =>
  layersOf(new Uint8Array(readFileSync(corpusFile(name))), name, pages)

const mean = (words: readonly Word[]) => words.reduce((sum, w) => sum + w.confidence, 0) / words.length
const confidenceOf = (layer: TextLayer, text: string) => layer.words.find((w) => w.text === text)?.confidence

describe('text-layer word confidence on the corpus', () => {
  it('scores a clean text layer high: every word of the Nutrisol specification, every IREPS page', async () => {
    const [spec] = await corpusLayers('spec_nutrisol_boron-citrate.pdf', [1])
    expect(spec!.words.length).toBeGreaterThan(200)
    expect(spec!.quality).toBeGreaterThanOrEqual(95)
    expect(Math.min(...spec!.words.map((w) => w.confidence))).toBeGreaterThanOrEqual(95)

    const irepsPages = await corpusLayers('tender_ireps_railways_eauction-conditions_EMD-circular.pdf')
    for (const layer of irepsPages.filter((l) => l.words.length > 0)) {
      expect(layer.quality).toBeGreaterThanOrEqual(95)
      expect(mean(layer.words)).toBeGreaterThanOrEqual(99)
      // The numbers a reader checks come through whole.
      for (const w of layer.words.filter((w) => /^[\d.,/-]+$/.test(w.text))) expect(w.confidence).toBe(100)
    }
  })

  it('scores the glyph-code text layer of the Balchem COA low, every word of it', async () => {
    const [layer] = await corpusLayers('coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf', [1])
    expect(layer!.words.length).toBeGreaterThan(100)
    expect(layer!.quality).toBeLessThan(20)
    expect(Math.max(...layer!.words.map((w) => w.confidence))).toBeLessThan(20)
    // The same judgement as the one that sends the page to OCR.
    const verdict = assessTextLayer(layer!.words, layer!.width * layer!.height)
    expect(verdict.usable).toBe(false)
    expect(verdict.quality).toBe(layer!.quality)
  })

  it('tells the broken Hindi half of a GeM bid from its good English half, word by word', async () => {
    const [layer] = await corpusLayers('tender_gem_GEM-2026-B-7439924_rockwool.pdf', [1])
    // Most of the page reads well, so its English words are judged on their own characters.
    expect(layer!.quality).toBeGreaterThanOrEqual(80)
    expect(confidenceOf(layer!, 'Bid')).toBe(100)
    expect(confidenceOf(layer!, 'GEM/2026/B/7439924')).toBe(100)
    // Control characters where Devanagari glyphs had no Unicode mapping ("\u0001बड" for "बिड").
    const unknownGlyphs = layer!.words.filter((w) => /\p{Cc}/u.test(w.text))
    expect(unknownGlyphs.length).toBeGreaterThan(5)
    for (const w of unknownGlyphs) expect(w.confidence).toBeLessThan(60)
    // A vowel sign with no letter before it: the shaping was lost.
    expect(confidenceOf(layer!, 'ालय/')).toBeLessThan(60)
    // Not a constant: several levels on one page, and the pages differ.
    expect(new Set(layer!.words.map((w) => w.confidence)).size).toBeGreaterThanOrEqual(4)
    for (const w of layer!.words) expect(wordSchema.safeParse(w).success).toBe(true)
  })

  it('keeps every word of a generated text-layer COA at 95 or more, so no QC threshold sees a difference', async () => {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.addPage([612, 792])
    const lines = [
      'CERTIFICATE OF ANALYSIS',
      'Product Name: Ascorbic Acid Fine Powder   Batch No.: AA-2025-117',
      'Manufacturing Date: 03/02/2025   Expiry Date: 02/2028',
      'Parameter   Specification   Result   Unit   Method',
      'Assay (on dried basis)   98.0 - 102.0 %   99.4   %   HPLC',
      'Loss on drying   NMT 0.5%   0.21   %   USP <731>',
      'Lead   NMT 10 ppm   <0.5   ppm   ICP-MS',
      'Arsenic   Max. 1.0 µg/g   0.12   µg/g   ICP-MS',
      'Total aerobic microbial count   Max 1,000 cfu/g   120   cfu/g   USP <61>',
      'Salmonella   Absent in 10 g   Absent   Ph.Eur. 2.6.13',
      'Appearance   White to off-white crystalline powder   Complies   Visual',
      'Approved by: Quality Assurance (QA)   e-mail: qa@acme-vitamins.com',
    ]
    lines.forEach((text, i) => page.drawText(text, { x: 40, y: 740 - i * 20, size: 9, font }))
    const [layer] = await layersOf(await pdf.save(), 'coa.pdf')
    // pdf.js hands the micro sign back as Greek mu (NFKC); either way it is a unit prefix.
    expect(layer!.words.filter((w) => /^[µμ]g\/g$/u.test(w.text))).toHaveLength(2)
    expect(layer!.quality).toBeGreaterThanOrEqual(95)
    expect(layer!.words.filter((w) => w.confidence < 95)).toEqual([])
  })
})

describe('scoreTextLayer on made-up layers (no corpus tuning)', () => {
  const words = (text: string): Word[] =>
    text.split(/\s+/).map((t, i) => ({ text: t, bbox: [i * 10, 0, i * 10 + 8, 10], confidence: 0 }))
  const prose =
    'The supplier shall deliver the goods within thirty days of the purchase order and provide a certificate of analysis for every batch'

  const scored = (text: string) => {
    const layer = words(text)
    const { quality, confidences } = scoreTextLayer(layer)
    return { quality, of: (t: string) => confidences[layer.findIndex((w) => w.text === t)] }
  }

  it('gives ordinary prose, numbers and codes full confidence', () => {
    const { quality, confidences } = scoreTextLayer(
      words(`${prose} 29-08-2025 18:00:00 IS:9842 GEM/2025/B/6572913 ₹40,000 pH 7.2 ±0.5 μm µg/kg`),
    )
    expect(quality).toBe(100)
    expect(new Set(confidences)).toEqual(new Set([100]))
  })

  it('marks each word by its own characters on an otherwise clean page', () => {
    const page = scored(
      `${prose} ${prose} ${prose} \uE0B7 Certi\uFFFDcate cafÃ© â€œquotedâ€ ालय रा!य Hелло clause(s) DGVCL qa@acme.com`,
    )
    expect(page.quality).toBeGreaterThanOrEqual(80)
    expect(page.of('supplier')).toBe(100)
    expect(page.of('qa@acme.com')).toBe(100)
    // Odd-looking Latin (a plural in brackets, an all-consonant code) is doubted a little.
    expect(page.of('clause(s)')).toBe(90)
    expect(page.of('DGVCL')).toBe(90)
    // Mojibake and broken script are doubted a lot; unknown glyphs most.
    for (const t of ['cafÃ©', 'â€œquotedâ€', 'ालय', 'रा!य', 'Hелло']) expect(page.of(t)).toBe(55)
    expect(page.of('Certi\uFFFDcate')).toBeLessThan(50)
    expect(page.of('\uE0B7')).toBe(0)
  })

  it('doubts every word of a page of glyph codes, even the ones that happen to look like words', () => {
    // Glyph ids in first-use order from "=" on, as the Balchem COA's font has them ("=>YBZ>SDBH").
    const ids = new Map<string, string>()
    const coded = [...`${prose} ${prose}`]
      .map((c) => (c === ' ' ? c : (ids.get(c) ?? ids.set(c, String.fromCharCode(0x3d + ids.size)).get(c)!)))
      .join('')
    const { quality, confidences } = scoreTextLayer(words(coded))
    expect(quality).toBeLessThan(50)
    expect(Math.max(...confidences)).toBeLessThan(20)
  })

  it('doubts a layer of one-letter words, though each letter is a letter', () => {
    const singles = [...'QWERTZUPLKJHGFDSXCVBNMQWRTZPLKJHGFDSXCVBNM'].join(' ')
    expect(scoreTextLayer(words(singles)).quality).toBeLessThan(40)
  })

  it('has no evidence on a page without letters or digits', () => {
    expect(scoreTextLayer([]).quality).toBe(0)
    expect(scoreTextLayer(words('— • —')).quality).toBe(0)
  })
})
