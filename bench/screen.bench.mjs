// Screening throughput: `pebble-desk screen` end to end (text layer, fields, evidence, scores) on
// generated bid PDFs plus the corpus GeM bids, against `pdftotext | grep -F -f terms` on the same
// files in the same run; and the matcher alone in MB/s as the number of terms grows.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const ITEMS = [
  'Bonded rock wool mattresses with GS wire netting, density 100 kg/m3, thickness 50 mm',
  'Resin bonded mineral wool slabs for thermal insulation of boilers',
  'Printing maplitho paper 80 GSM conforming to IS 1848',
  'Copier paper A4 75 GSM, ISI marked',
  'Centrifugal pump 10 HP with motor and base frame',
  'Ceramic fibre blanket 128 kg/m3 for furnace lining',
  'LED street light fittings 90 W with surge protection',
  'Civil works for construction of boundary wall and drains',
  'Glass wool insulation rolls with aluminium foil facing',
  'HDPE pipes PE 100 PN 10 as per IS 4984',
]
const MINISTRIES = [
  'Ministry Of Heavy Industries And Public Enterprises',
  'Ministry Of Power',
  'Ministry Of Railways',
  'Ministry Of Coal',
]
const FILLER =
  'The bidder shall comply with all terms and conditions of the GeM GTC. Payments shall be made within 45 days of receipt of goods. ' +
  'Inspection will be carried out by the consignee. Bidders are advised to check applicable GST before quoting. '

export async function generate(dir, count) {
  const { PDFDocument, StandardFonts } = await import('pdf-lib')
  for (let i = 0; i < count; i++) {
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const item = ITEMS[i % ITEMS.length]
    const pages = 2 + (i % 3)
    for (let p = 0; p < pages; p++) {
      const page = pdf.addPage([595, 842])
      let y = 800
      const put = (text, x = 40, size = 9) => {
        page.drawText(text, { x, y, size, font })
        y -= 14
      }
      if (p === 0) {
        put(`Bid Number: GEM/2026/B/${7000000 + i}`, 330)
        put(`Dated: ${String((i % 28) + 1).padStart(2, '0')}-04-2026`, 330)
        y -= 20
        for (const [label, value] of [
          ['Bid End Date/Time', `${String((i % 28) + 1).padStart(2, '0')}-05-2026 15:00:00`],
          ['Bid Opening Date/Time', `${String((i % 28) + 1).padStart(2, '0')}-05-2026 15:30:00`],
          ['Ministry/State Name', MINISTRIES[i % MINISTRIES.length]],
          ['Department Name', 'Department Of Heavy Industry'],
          ['Organisation Name', 'Bharat Heavy Electricals Limited'],
          ['Total Quantity', String(100 + i)],
          ['Item Category', item],
          ['EMD Amount', String(10000 * ((i % 9) + 1))],
        ]) {
          page.drawText(label, { x: 40, y, size: 9, font })
          page.drawText(value, { x: 230, y, size: 9, font })
          y -= 22
        }
      }
      while (y > 60) {
        const words = (FILLER + (y % 3 === 0 ? item + '. ' : '')).split(' ')
        let line = ''
        for (const w of words) {
          if ((line + w).length > 100) {
            put(line)
            line = ''
            if (y <= 60) break
          }
          line += w + ' '
        }
      }
    }
    writeFileSync(join(dir, `bid-${String(i).padStart(4, '0')}.pdf`), await pdf.save())
  }
}

const PROFILE = {
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool', 'resin bonded'], weight: 5 },
    { term: 'mattress', synonyms: ['mattresses'], weight: 2 },
    { term: 'thermal insulation', synonyms: ['insulation'], weight: 3 },
    { term: 'ceramic fibre', synonyms: ['ceramic fiber'], weight: 3 },
    { term: 'glass wool', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
}

async function matcherAlone(root, work) {
  // The engine is TypeScript: bundle it once with the build's own bundler.
  const { build } = await import('rolldown')
  const file = join(work, 'screening.mjs')
  await build({
    input: join(root, 'src/shared/tenders/screening/index.ts'),
    output: { file, format: 'esm' },
    logLevel: 'silent',
  })
  const { Screener, parseProfile } = await import(pathToFileURL(file).href)
  const vocabulary = (FILLER + ITEMS.join(' ')).toLowerCase().split(/\W+/).filter(Boolean)
  let seed = 7
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n)
  // ~2 MB of text as pages of positioned words.
  const pages = []
  let bytes = 0
  for (let p = 1; bytes < 2_000_000; p++) {
    const words = []
    for (let line = 0; line < 60; line++) {
      for (let k = 0; k < 14; k++) {
        const text = vocabulary[rand(vocabulary.length)]
        words.push({ text, bbox: [k * 150, line * 50, k * 150 + 140, line * 50 + 40], confidence: 100 })
        bytes += text.length + 1
      }
    }
    const lines = Array.from({ length: 60 }, (_, l) => ({
      text: '',
      bbox: [0, 0, 0, 0],
      confidence: 100,
      wordIndexes: Array.from({ length: 14 }, (_, k) => l * 14 + k),
    }))
    pages.push({ page: p, words, lines })
  }
  const out = {}
  for (const n of [10, 1000, 10000]) {
    // Like a real catalogue: most terms never occur in a given bid; one in ten is fuzzy.
    const made = () => Array.from({ length: 6 + rand(6) }, () => 'bcdfghkmnpqrstvwxz'[rand(18)]).join('')
    const terms = Array.from({ length: n }, (_, i) => {
      const term = i % 3 === 0 ? `${vocabulary[rand(vocabulary.length)]} ${made()}` : `${made()} ${made()}`
      return { term, weight: 1, ...(i % 10 === 0 ? { mode: 'fuzzy' } : {}) }
    })
    terms[0] = { term: 'thermal insulation', weight: 3, mode: 'fuzzy' }
    const parsed = parseProfile({ name: `p${n}`, threshold: 1, terms })
    if (!parsed.ok) throw new Error(parsed.errors[0])
    let t = performance.now()
    const screener = new Screener([parsed.profile])
    const compileMs = performance.now() - t
    const runs = []
    for (let r = 0; r < 3; r++) {
      t = performance.now()
      screener.screen(pages)
      runs.push(performance.now() - t)
    }
    out[`terms${n}`] = {
      compileMs: +compileMs.toFixed(1),
      ms: +median(runs).toFixed(1),
      mbPerSec: +(bytes / 1024 / 1024 / (median(runs) / 1000)).toFixed(1),
    }
  }
  return { megabytes: +(bytes / 1024 / 1024).toFixed(2), ...out }
}

export default async function bench({ root, corpus }) {
  const count = Number(process.env.BENCH_SCREEN_DOCS ?? 1000)
  const work = mkdtempSync(join(tmpdir(), 'pebble-screen-bench-'))
  try {
    const docs = join(work, 'docs')
    mkdirSync(docs)
    let t = performance.now()
    await generate(docs, count)
    const generateMs = performance.now() - t
    const corpusBids = [
      'tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf',
      'tender_gem_GEM-2026-B-7439924_rockwool.pdf',
    ]
    for (const name of corpusBids) copyFileSync(join(corpus, name), join(docs, name))
    const files = count + corpusBids.length
    const profile = join(work, 'profile.json')
    writeFileSync(profile, JSON.stringify(PROFILE))
    const termsFile = join(work, 'terms.txt')
    writeFileSync(
      termsFile,
      PROFILE.terms
        .concat(PROFILE.exclude)
        .flatMap((x) => [x.term, ...(x.synonyms ?? [])])
        .join('\n') + '\n',
    )

    const cores = availableParallelism()
    t = performance.now()
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'bin', 'pebble-desk.js'),
        'tenders',
        'screen',
        docs,
        '--profile',
        profile,
        '--json',
        '--no-cache',
        '--data-dir',
        join(work, 'data'),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    )
    const oursMs = performance.now() - t
    if (r.status !== 0) throw new Error(`screen failed (${r.status}): ${r.stderr.slice(0, 500)}`)
    const results = JSON.parse(r.stdout).results
    const relevant = results.filter((x) => x.relevant).length
    const withEndDate = results.filter((x) => x.fields.bidEndDate).length

    t = performance.now()
    // The reference: extract text and grep for the same terms, one file per process, as many at once as cores.
    execFileSync('sh', [
      '-c',
      `ls "${docs}"/*.pdf | xargs -P ${cores} -I{} sh -c 'pdftotext -q "{}" - | grep -c -i -F -f "${termsFile}" || true' > /dev/null`,
    ])
    const refMs = performance.now() - t

    return {
      name: 'screen',
      documents: files,
      generated: count,
      generateSeconds: +(generateMs / 1000).toFixed(1),
      ours: {
        tool: 'pebble-desk screen --no-cache (process start, text layer, fields, evidence, scores)',
        seconds: +(oursMs / 1000).toFixed(2),
        docsPerSec: +(files / (oursMs / 1000)).toFixed(1),
        relevant,
        withBidEndDate: withEndDate,
      },
      reference: {
        tool: `pdftotext | grep -c -i -F -f terms (xargs -P ${cores})`,
        seconds: +(refMs / 1000).toFixed(2),
        docsPerSec: +(files / (refMs / 1000)).toFixed(1),
      },
      ratio: +(oursMs / refMs).toFixed(2),
      ratioMeaning: 'ours time / reference time (target ≤ 2)',
      matcher: await matcherAlone(root, work),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
