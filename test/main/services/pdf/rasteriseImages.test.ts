import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { rasterisePage, withPdf } from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'
import { generateBids, DEVELOPMENT } from '../../../support/documents/bids'
import { scanLookFor, scannedFirstPage } from '../tenders/bidAccuracy'

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

describe('rasterisePage with a scan of lower resolution than the render', () => {
  // pdf.js turns smoothing off for an image drawn larger than it is, which makes each scanned pixel
  // a block; OCR misread the blocky letters of 150-dpi scans (a reference, an EMD, a date).
  it('draws a 150-dpi scan at 300 dpi smoothly, not as 2×2 blocks', async () => {
    const [bid] = await generateBids(DEVELOPMENT[0]!, 1, 11)
    const scan = await scannedFirstPage(bid!, { ...scanLookFor(0, 5), dpi: 150 })
    const page = await withPdf(scan, 'scan-150dpi.pdf', async (pdf) =>
      rasterisePage(await pdf.doc.getPage(1), 300),
    )
    // Blocks repeat every pixel of an even column in the odd column beside it; smoothing does not.
    let inked = 0
    let repeated = 0
    for (let y = 0; y < page.height; y++)
      for (let x = 0; x + 1 < page.width; x += 2) {
        const [a, b] = [page.data[y * page.width + x]!, page.data[y * page.width + x + 1]!]
        if (a > 200 && b > 200) continue
        inked += 1
        if (a === b) repeated += 1
      }
    expect(inked).toBeGreaterThan(10_000)
    expect(repeated / inked).toBeLessThan(0.5)
  })
})
