// bench:ocr's engines section: tesseract.js (settings.ocr.engine = tesseract, the default) and
// PaddleOCR PP-OCRv4 on onnxruntime-node (ocr.engine = paddle) on the same pages through
// `pebble-desk documents read --workers 2`: pages per minute (process start included) and, per page,
// CER against the truth.
// Pages: the first page of corpus scans (the linn scans and phototest have truth; epson and the COA
// only time) and two generated scans whose truth is the text they were drawn from (the table's CER
// over its words sorted, see sortedWords).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { firstPage, readPages } from './read-pages.mjs'
import { cer } from './clean-step.mjs'

const LINN = 'ocrmypdf_linn.gt.txt'
/** [file, truth]: truth null where the corpus has none. */
const CORPUS = [
  ['ocrmypdf_linn.pdf', LINN],
  ['ocrmypdf_skew.pdf', LINN],
  ['ocrmypdf_ccitt.pdf', LINN],
  ['ocrmypdf_jbig2.pdf', LINN],
  ['tess_phototest.tif', 'tess_phototest.gt.txt'],
  ['ocrmypdf_epson.pdf', null],
  ['coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf', null],
]

const PROSE = [
  'Tender notice for the supply of industrial chemicals',
  'Sealed bids are invited from registered suppliers for the supply of magnesium sulphate,',
  'zinc bisglycinate and ascorbic acid to the central stores. The earnest money deposit is',
  'Rs. 45,000 and bids must reach the office before 15:00 hours on 12 January 2027.',
  'Each bid shall carry the certificate of analysis for every batch offered, signed by the',
  'quality manager of the manufacturer, with the batch number, date of manufacture and',
  'date of expiry printed on it. Incomplete bids will be rejected without notice.',
  'Delivery within 30 days of the purchase order; payment within 45 days of receipt.',
]
const TABLE = [
  ['Parameter', 'Method', 'Specification', 'Result'],
  ['Assay (as Zn)', 'USP <191>', '24.0 - 26.0 %', '25.1 %'],
  ['Loss on drying', 'USP <731>', 'NMT 5.0 %', '2.3 %'],
  ['pH (1% solution)', 'USP <791>', '6.5 - 8.0', '7.2'],
  ['Lead (Pb)', 'ICP-MS', 'NMT 3 ppm', '0.4 ppm'],
  ['Arsenic (As)', 'ICP-MS', 'NMT 1 ppm', '0.1 ppm'],
  ['Total plate count', 'USP <2021>', 'NMT 1000 cfu/g', '< 10 cfu/g'],
  ['Batch number', '', '', 'BN12000005720'],
]

/** A generated page as a scanner would give it: drawn with pdf-lib, rendered at 300 dpi, tilted 0.8°, speckled. */
async function generated(dir, name, draw) {
  const { PDFDocument, StandardFonts } = await import('pdf-lib')
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595, 842])
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const truth = draw(page, font)
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, await pdf.save())
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', file, join(dir, name)])
  const image = await loadImage(readFileSync(join(dir, `${name}.png`)))
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, image.width, image.height)
  ctx.translate(image.width / 2, image.height / 2)
  ctx.rotate((0.8 * Math.PI) / 180)
  ctx.translate(-image.width / 2, -image.height / 2)
  ctx.drawImage(image, 0, 0)
  const pixels = ctx.getImageData(0, 0, image.width, image.height)
  let state = 7
  for (let i = 0; i < image.width * image.height * 0.001; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    const at = (state % (image.width * image.height)) * 4
    const v = pixels.data[at] > 128 ? 40 : 230
    pixels.data[at] = pixels.data[at + 1] = pixels.data[at + 2] = v
  }
  ctx.putImageData(pixels, 0, 0)
  const png = join(dir, `${name}-scan.png`)
  writeFileSync(png, canvas.toBuffer('image/png'))
  return { png, truth }
}

const prose = (page, font) => {
  PROSE.forEach((line, i) => page.drawText(line, { x: 56, y: 770 - i * 22, size: i === 0 ? 14 : 10.5, font }))
  return PROSE.join('\n')
}

const table = (page, font) => {
  const xs = [56, 200, 300, 450]
  TABLE.forEach((row, r) =>
    row.forEach((cell, c) => cell && page.drawText(cell, { x: xs[c], y: 770 - r * 24, size: 10, font })),
  )
  return TABLE.map((row) => row.filter(Boolean).join(' ')).join('\n')
}

/**
 * A table's words in sorted order: both engines read a table column by column, its truth is row by
 * row, so its CER is taken over the words sorted (what was read, not in which order).
 */
const sortedWords = (text) => text.split(/\s+/u).filter(Boolean).sort().join(' ')

export async function engines({ root, corpus }) {
  const dir = mkdtempSync(join(tmpdir(), 'pebble-bench-engines-'))
  try {
    const cases = CORPUS.map(([file, truth]) => ({
      file,
      png: firstPage(corpus, dir, file),
      truth: truth ? readFileSync(join(corpus, truth), 'utf8') : null,
    }))
    for (const [name, draw] of [
      ['generated-prose', prose],
      ['generated-coa-table', table],
    ]) {
      const g = await generated(dir, name, draw)
      cases.push({ file: name, png: g.png, truth: g.truth, anyOrder: draw === table })
    }
    const pages = cases.map((c) => c.png)
    const runs = Math.max(1, Number(process.env.BENCH_OCR_RUNS ?? 3))
    const result = {}
    for (const engine of ['tesseract', 'paddle']) {
      const all = []
      for (let r = 0; r < runs; r++) all.push(readPages(root, { engine }, pages))
      const run = [...all].sort((a, b) => a.ms - b.ms)[Math.floor(all.length / 2)]
      const page = (i) => run.files[i].pages[0]
      const rates = cases.map((c, i) =>
        !c.truth
          ? null
          : c.anyOrder
            ? cer(sortedWords(page(i).text), sortedWords(c.truth))
            : cer(page(i).text, c.truth),
      )
      const scored = rates.filter((x) => x !== null)
      result[engine] = {
        ms: Math.round(run.ms),
        pagesPerMinute: +((pages.length / run.ms) * 60_000).toFixed(1),
        meanCer: +(scored.reduce((a, b) => a + b, 0) / scored.length).toFixed(4),
        cer: Object.fromEntries(
          cases.map((c, i) => [c.file, rates[i] === null ? null : +rates[i].toFixed(4)]),
        ),
        meanConfidence: +(
          run.files.reduce((a, f) => a + f.pages[0].confidence, 0) / run.files.length
        ).toFixed(1),
      }
    }
    return {
      tool: 'pebble-desk documents read --workers 2 (process start included), settings.ocr.engine tesseract (best_int) / paddle (PP-OCRv4 ONNX), first page of each file',
      pages: pages.length,
      runs,
      ...result,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
