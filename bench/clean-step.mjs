// bench:ocr's cleanStep section: the clean pass (denoise + binarise, OCR again) on the corpus scans
// the issue names, each page read three ways through `pebble-desk documents read` with
// settings.ocr.clean = never (first pass only), always (the cleaned pass kept) and auto (the rule).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { firstPage, readPages } from './read-pages.mjs'

/** Scans and their truth (null: the corpus has none; ccitt and jbig2 are the linn page re-encoded). */
const FILES = [
  ['ocrmypdf_ccitt.pdf', 'ocrmypdf_linn.gt.txt'],
  ['ocrmypdf_jbig2.pdf', 'ocrmypdf_linn.gt.txt'],
  ['ocrmypdf_typewriter.png', null],
  ['ocrmypdf_epson.pdf', null],
  // Not in the corpus as such: the linn page under a shadow (made here, see shadowed()), the kind
  // of page the rule is for.
  ['ocrmypdf_linn.pdf#shadowed', 'ocrmypdf_linn.gt.txt'],
]

/** The page squeezed into gray 60–240 and darkened by up to 150 levels from left to right. */
async function shadowed(png, out) {
  const image = await loadImage(readFileSync(png))
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(image, 0, 0)
  const pixels = ctx.getImageData(0, 0, image.width, image.height)
  const d = pixels.data
  for (let i = 0; i < d.length; i += 4) {
    const x = (i / 4) % image.width
    const v = Math.max(0, Math.round(60 + (d[i] * 180) / 255 - (150 * x) / image.width))
    d[i] = d[i + 1] = d[i + 2] = v
  }
  ctx.putImageData(pixels, 0, 0)
  writeFileSync(out, canvas.toBuffer('image/png'))
  return out
}

const normalise = (s) => s.replace(/\s+/gu, ' ').trim()

/** Character error rate as src/shared/text-metrics computes it (whitespace-normalised Levenshtein). */
export function cer(hypothesis, reference) {
  const a = Array.from(normalise(hypothesis))
  const b = Array.from(normalise(reference))
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return b.length === 0 ? 0 : prev[b.length] / b.length
}

async function firstPages(corpus, dir) {
  const pages = []
  for (const [name] of FILES) {
    const [file, spoilt] = name.split('#')
    const png = firstPage(corpus, dir, file)
    pages.push(spoilt ? await shadowed(png, join(dir, `${basename(file, '.pdf')}-${spoilt}.png`)) : png)
  }
  return pages
}

export async function cleanStep({ root, corpus }) {
  const dir = mkdtempSync(join(tmpdir(), 'pebble-bench-clean-'))
  try {
    const pages = await firstPages(corpus, dir)
    const runs = Object.fromEntries(
      ['never', 'always', 'auto'].map((m) => [m, readPages(root, { clean: m }, pages)]),
    )
    const files = FILES.map(([file, truth], i) => {
      const reference = truth ? readFileSync(join(corpus, truth), 'utf8') : null
      const page = (mode) => runs[mode].files[i].pages[0]
      const rate = (mode) => (reference ? +cer(page(mode).text, reference).toFixed(4) : null)
      return {
        file,
        truth,
        cerWithout: rate('never'),
        cerWith: rate('always'),
        confidenceWithout: +page('never').confidence.toFixed(1),
        confidenceWith: +page('always').confidence.toFixed(1),
        autoChoseClean: page('auto').applied.includes('clean'),
      }
    })
    return {
      tool: 'pebble-desk documents read, settings.ocr.clean never / always / auto, first page of each file',
      files,
      ms: Object.fromEntries(Object.entries(runs).map(([m, r]) => [m, Math.round(r.ms)])),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
