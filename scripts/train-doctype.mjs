// npm run train:doctype — trains the document-type model the desk ships (models/doctype.json) from
// generated documents (scripts/doctype/samples.mjs), through the desk's own command line, so the
// text the model learns from is read exactly as the desk reads an imported file. Documents of the
// held-out styles are never trained on; the script reports the model's accuracy on them and writes
// the figures with the model's checksum into models/manifest.json.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { HELD_OUT_STYLES, sampleDocuments } from './doctype/samples.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'bin', 'pebble-desk.js')
if (!existsSync(join(root, 'out', 'main', 'cli.js')))
  throw new Error('out/main/cli.js is missing: run "npx electron-vite build" first')

const SEED = 20261205
const PER_STYLE = 24

async function render(lines) {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const wrapped = lines
    .flatMap((line) => line.split('\n'))
    .flatMap((line) => {
      const out = []
      let rest = line.replace(/[^\x20-\x7e]/g, ' ')
      while (rest.length > 100) {
        const cut = rest.lastIndexOf(' ', 100) > 40 ? rest.lastIndexOf(' ', 100) : 100
        out.push(rest.slice(0, cut))
        rest = rest.slice(cut).trimStart()
      }
      out.push(rest)
      return out
    })
  for (let start = 0; start < wrapped.length; start += 60) {
    const page = pdf.addPage([595, 842])
    wrapped.slice(start, start + 60).forEach((text, i) => {
      page.drawText(text, { x: 40, y: 800 - i * 12.5, size: 9, font })
    })
  }
  return pdf.save()
}

function pebble(args, dataDir) {
  const out = execFileSync(process.execPath, [cli, ...args, '--json', '--data-dir', dataDir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  return JSON.parse(out)
}

const work = mkdtempSync(join(tmpdir(), 'pebble-doctype-'))
try {
  const documents = sampleDocuments(SEED, PER_STYLE)
  const trainDir = join(work, 'train')
  const heldDir = join(work, 'held-out')
  mkdirSync(trainDir)
  mkdirSync(heldDir)
  const labels = ['file,label']
  for (const doc of documents) {
    const heldOut = HELD_OUT_STYLES.has(doc.style)
    writeFileSync(join(heldOut ? heldDir : trainDir, doc.name), await render(doc.lines))
    if (!heldOut) labels.push(`${doc.name},${doc.docType}`)
  }
  writeFileSync(join(work, 'labels.csv'), labels.join('\n') + '\n')
  const trainCount = labels.length - 1
  const description = `${trainCount} generated documents (scripts/doctype/samples.mjs, seed ${SEED}, ${PER_STYLE} per style); styles ${[...HELD_OUT_STYLES].join(', ')} held out`
  const model = join(work, 'doctype.json')
  const report = pebble(
    [
      'train',
      'doctype',
      trainDir,
      '--labels',
      join(work, 'labels.csv'),
      '--out',
      model,
      '--description',
      description,
    ],
    join(work, 'data'),
  )
  if (!report.promoted) throw new Error(`the model was not written: ${report.reason}`)

  const classified = pebble(['documents', 'classify', heldDir, '--model', model], join(work, 'data'))
  const truth = new Map(documents.map((d) => [d.name, d.docType]))
  const results = classified.results.map((r) => ({
    file: r.file.split('/').pop(),
    want: truth.get(r.file.split('/').pop()),
    got: r.docType,
  }))
  const right = results.filter((r) => r.want === r.got).length
  const heldOut = { n: results.length, accuracy: Math.round((right / results.length) * 10_000) / 10_000 }
  const wrong = results.filter((r) => r.want !== r.got)

  const target = join(root, 'models', 'doctype.json')
  copyFileSync(model, target)
  const sha256 = createHash('sha256').update(readFileSync(target)).digest('hex')
  const manifestPath = join(root, 'models', 'manifest.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const entry = {
    name: 'doctype',
    kind: 'document-type',
    version: report.version,
    source: 'file:doctype.json',
    sha256,
    licence: 'Apache-2.0 (trained in this repository by npm run train:doctype)',
    training: description,
    metrics: { validation: report.metrics.validation, heldOutStyles: heldOut },
  }
  manifest.models = [...manifest.models.filter((m) => m.name !== 'doctype'), entry]
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n')
  process.stdout.write(JSON.stringify({ ...entry, wrong }, null, 2) + '\n')
} finally {
  rmSync(work, { recursive: true, force: true })
}
