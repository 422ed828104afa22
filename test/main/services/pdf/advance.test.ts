import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { advanceFractions } from '../../../../src/main/services/pdf/advance'
import { extractTextLayer, withPdf } from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'

describe('advanceFractions', () => {
  it('gives wide letters more of the run than narrow ones, and ends at 1', () => {
    const at = advanceFractions('mil')
    expect(at).toHaveLength(4)
    expect(at[0]).toBe(0)
    expect(at[3]).toBe(1)
    expect(at[1]! - at[0]!).toBeGreaterThan(3 * (at[2]! - at[1]!)) // m vs i
  })

  it('shares a monospaced run equally, and an empty run is all zero', () => {
    expect(advanceFractions('mil', true)).toEqual([0, 1 / 3, 2 / 3, 1])
    expect(advanceFractions('')).toEqual([0])
  })
})

describe('text-layer word boxes', () => {
  it('sit on their words: within a point of poppler’s boxes, not a character to the left', async () => {
    const name = 'tender_gem_GEM-2026-B-7439924_rockwool.pdf'
    // `pdftotext -bbox` on page 1 (points): one run "Bonded mineral -Rock- wool mattresses …".
    const poppler: Record<string, [number, number]> = {
      Bonded: [276.0, 310.26],
      mineral: [313.16, 347.33],
      '-Rock-': [350.2, 378.56],
      wool: [381.45, 402.28],
    }
    await withPdf(new Uint8Array(readFileSync(corpusFile(name))), name, async (pdf) => {
      const layer = await extractTextLayer(await pdf.doc.getPage(1), 72)
      for (const [text, [x0, x1]] of Object.entries(poppler)) {
        const word = layer.words.find((w) => w.text === text && Math.abs(w.bbox[1] - 404.15) < 1)
        expect(word, text).toBeDefined()
        expect(Math.abs(word!.bbox[0] - x0), `${text} left`).toBeLessThan(1)
        expect(Math.abs(word!.bbox[2] - x1), `${text} right`).toBeLessThan(1)
      }
    })
  })
})
