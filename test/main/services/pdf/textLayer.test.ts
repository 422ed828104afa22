import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  assessTextLayer,
  extractTextLayer,
  looksLikeWriting,
  rasterisePage,
  withPdf,
  type TextLayerAssessment,
} from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'
import { bundlePdfService, runPlainNode } from '../../../support/plainNodePdfjs'

async function assessAll(name: string): Promise<TextLayerAssessment[]> {
  return withPdf(new Uint8Array(readFileSync(corpusFile(name))), name, async (pdf) => {
    const out: TextLayerAssessment[] = []
    for (let p = 1; p <= pdf.numPages; p++) {
      const layer = await extractTextLayer(await pdf.doc.getPage(p), 300)
      out.push(assessTextLayer(layer.words, layer.width * layer.height))
    }
    return out
  })
}

describe('assessTextLayer on the corpus', () => {
  it.each([
    'coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf',
    'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf',
  ])('rejects the glyph-code text layer of %s', async (name) => {
    const pages = await assessAll(name)
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      expect(page.usable).toBe(false)
      expect(page.reason).toMatch(/glyph codes|one-letter|vowels/)
    }
  })

  it.each(['tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf', 'tender_gem_GEM-2026-B-7439924_rockwool.pdf'])(
    'accepts every page of %s (broken Hindi, good English)',
    async (name) => {
      const pages = await assessAll(name)
      // A closing page holding only a broken "धन्यवाद / Thank You" may go either way; it is cheap to OCR.
      expect(pages.filter((p) => p.stats.chars >= 100 && !p.usable)).toEqual([])
      expect(pages.filter((p) => p.usable).length).toBeGreaterThanOrEqual(pages.length - 1)
      expect(pages.some((p) => p.stats.junkChars > 0)).toBe(true)
    },
  )

  it('sends the pages of a PDF without fonts to OCR', async () => {
    const pages = await assessAll('tender_cppp_eprocure_2025_WBNPI_883395_1.pdf')
    expect(pages.map((p) => p.usable)).toEqual([false, false])
    expect(pages[0]!.reason).toMatch(/too little text/)
  })

  it('accepts the text pages of the IREPS tender', async () => {
    const pages = await assessAll('tender_ireps_railways_eauction-conditions_EMD-circular.pdf')
    expect(pages).toHaveLength(12)
    expect(pages.slice(0, 10).every((p) => p.usable)).toBe(true)
  })

  it('accepts an existing OCR layer', async () => {
    const [page] = await assessAll('ocrmypdf_graph_ocred.pdf')
    expect(page!.usable).toBe(true)
  })

  it('rejects image-only scans', async () => {
    for (const name of ['ocrmypdf_linn.pdf', 'ocrmypdf_skew.pdf', 'ocrmypdf_ccitt.pdf']) {
      expect((await assessAll(name)).every((p) => !p.usable)).toBe(true)
    }
  })
})

describe('assessTextLayer on made-up layers (no corpus tuning)', () => {
  const words = (text: string) =>
    text.split(/\s+/).map((t, i) => ({
      text: t,
      bbox: [i * 10, 0, i * 10 + 8, 10] as [number, number, number, number],
      confidence: 100,
    }))
  const english =
    'The supplier shall deliver the goods within thirty days of the purchase order and provide a certificate of analysis for every batch'

  it('accepts ordinary prose', () => {
    expect(assessTextLayer(words(english), 1e6).usable).toBe(true)
  })

  it('rejects private-use glyph codes', () => {
    const pua = english.replace(/[a-z]/g, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
    expect(assessTextLayer(words(pua), 1e6).usable).toBe(false)
  })

  it('rejects replacement characters', () => {
    expect(assessTextLayer(words(english.replace(/[aeiou]/g, '\uFFFD')), 1e6).usable).toBe(false)
  })

  it('rejects a subset font whose codes are glyph ids in first-use order', () => {
    const ids = new Map<string, string>()
    const coded = [...english]
      .map((c) => (c === ' ' ? c : (ids.get(c) ?? ids.set(c, String.fromCharCode(0x21 + ids.size)).get(c)!)))
      .join('')
    expect(assessTextLayer(words(coded), 1e6).usable).toBe(false)
  })

  it('rejects one-glyph-per-word layers', () => {
    const singles = [...'QWERTZUPLKJHGFDSXCVBNMQWRTZPLKJHGFDSXCVBNM'].join(' ')
    const result = assessTextLayer(words(singles), 1e6)
    expect(result.usable).toBe(false)
  })

  it('accepts numbers, dates and codes', () => {
    const table = '29-08-2025 18:00:00 IS:9842 0.56 Mm 25 kg GEM/2025/B/6572913 ₹40,000 pH 7.2 ±0.5'
    expect(assessTextLayer(words(`${table} ${table} ${table}`), 1e6).usable).toBe(true)
  })

  it('judges words by their characters', () => {
    expect(looksLikeWriting('Certificate')).toBe(true)
    expect(looksLikeWriting("supplier's")).toBe(true)
    expect(looksLikeWriting('NABL-accredited')).toBe(true)
    expect(looksLikeWriting('संगठन')).toBe(true)
    expect(looksLikeWriting('ालय')).toBe(false) // starts with a vowel sign
    expect(looksLikeWriting('रा!य')).toBe(false)
    expect(looksLikeWriting('xKqZbP')).toBe(false)
    expect(looksLikeWriting('Hелло')).toBe(false) // Latin and Cyrillic mixed
  })
})

describe('extractTextLayer and rasterisePage share a frame', () => {
  it('puts word boxes on the ink of the rendered page', async () => {
    const name = 'tender_ireps_railways_eauction-conditions_EMD-circular.pdf'
    await withPdf(new Uint8Array(readFileSync(corpusFile(name))), name, async (pdf) => {
      const page = await pdf.doc.getPage(1)
      const layer = await extractTextLayer(page, 150)
      const image = await rasterisePage(page, 150)
      expect([image.width, image.height, image.channels, image.dpi]).toEqual([
        layer.width,
        layer.height,
        1,
        150,
      ])
      expect(layer.words.length).toBeGreaterThan(300)
      expect(layer.words.slice(0, 4).map((w) => w.text)).toEqual(['Page', '1', 'of', '10'])
      // Most word boxes contain dark pixels; a box in the wrong frame would mostly sit on paper.
      const inked = layer.words.filter((w) => {
        const [x0, y0, x1, y1] = w.bbox.map(Math.round) as [number, number, number, number]
        for (let y = y0; y < y1; y++)
          for (let x = x0; x < x1; x++) if (image.data[y * image.width + x]! < 100) return true
        return false
      })
      expect(inked.length / layer.words.length).toBeGreaterThan(0.95)
    })
  })

  it('honours /Rotate: boxes and raster are both in the rotated frame', async () => {
    const name = 'ocrmypdf_rotated_skew.pdf'
    await withPdf(new Uint8Array(readFileSync(corpusFile(name))), name, async (pdf) => {
      const page = await pdf.doc.getPage(1)
      const layer = await extractTextLayer(page, 72)
      const view = page.view
      const [w, h] = [view[2]! - view[0]!, view[3]! - view[1]!]
      const swapped = page.rotate % 180 !== 0
      expect(layer.width).toBe(Math.ceil(swapped ? h : w))
      expect(layer.height).toBe(Math.ceil(swapped ? w : h))
    })
  })
})

describe('loading pdf.js', () => {
  it("leaves Node's own push and JSON in place, which core-js in the legacy build would replace", async () => {
    const loader = await bundlePdfService()
    const pdf = corpusFile('tender_gem_GEM-2026-B-7439924_rockwool.pdf')
    const script = `
      import { readFileSync } from 'node:fs'
      import { loadPdfjs } from ${JSON.stringify(loader)}
      // Identity, not source text: core-js makes its replacements print as [native code].
      const own = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify }
      const pdfjs = await loadPdfjs()
      const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(${JSON.stringify(pdf)})) }).promise
      const text = await (await doc.getPage(1)).getTextContent()
      console.log(JSON.stringify({ push: Array.prototype.push === own.push, parse: JSON.parse === own.parse,
        stringify: JSON.stringify === own.stringify, items: text.items.length }))`
    const result = JSON.parse(runPlainNode(script))
    expect(result).toMatchObject({ push: true, parse: true, stringify: true })
    expect(result.items).toBeGreaterThan(20)
  })
})
