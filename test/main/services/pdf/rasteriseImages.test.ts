import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rasterisePage, withPdf } from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'

/** Share of pixels darker than mid-grey in a gray image. */
const inkShare = (data: Uint8Array): number => data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / data.length

describe('rasterisePage with the image codecs scanned PDFs use', () => {
  // Scanned specification sheets: a JPEG 2000 page image under a JBIG2 text mask. pdf.js decodes
  // both with its WebAssembly codecs, which it must be able to find on Node; without them such a
  // page renders blank and OCR reads nothing.
  it.each(['spec_nutrisol_boron-citrate.pdf', 'spec_dsm_dl-alpha-tocopherol.pdf'])(
    'draws the scan of %s as pdftoppm does',
    async (name) => {
      const file = corpusFile(name)
      const ours = await withPdf(new Uint8Array(readFileSync(file)), name, async (pdf) =>
        rasterisePage(await pdf.doc.getPage(1), 75),
      )
      const pgm = execFileSync('pdftoppm', ['-r', '75', '-gray', '-f', '1', '-l', '1', file])
      const reference = pgm.subarray(pgm.length - ours.width * ours.height)
      const theirs = inkShare(reference)
      expect(theirs).toBeGreaterThan(0.01)
      expect(inkShare(ours.data)).toBeGreaterThan(theirs * 0.7)
      expect(inkShare(ours.data)).toBeLessThan(theirs * 1.3)
    },
  )
})
