// Sketch: tesseract.js throughput with the OCR engine's settings vs native tesseract, same PGM pages,
// same run. Usage: node bench/ocr-engine.mjs <dir-with-.pgm-pages> [workers=2]
// Prints JSON. The product path (decode → preprocess → engine) is what bench:ocr should time; this
// isolates the engine so settings (PSM, invert check, input format) can be compared quickly.
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'

const require = createRequire(import.meta.url)
const { createWorker, OEM } = require('tesseract.js')
const run = promisify(execFile)
const [dir, workersArg = '2'] = process.argv.slice(2)
const workers = Number(workersArg)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pgm'))
  .map((f) => join(dir, f))
const langPath = join(require.resolve('@tesseract.js-data/eng/package.json'), '..', '4.0.0_best_int')

async function pool(n, jobs) {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async (_, lane) => {
      while (next < jobs.length) await jobs[next++](lane)
    }),
  )
}

async function tesseractJs(params) {
  const ws = await Promise.all(
    Array.from({ length: workers }, () =>
      createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' }),
    ),
  )
  for (const w of ws)
    await w.setParameters({
      preserve_interword_spaces: '1',
      user_defined_dpi: '300',
      tessedit_pageseg_mode: '3',
      ...params,
    })
  const started = performance.now()
  await pool(
    workers,
    files.map((f) => (lane) => ws[lane].recognize(readFileSync(f), {}, { text: true, tsv: true })),
  )
  const ms = performance.now() - started
  await Promise.all(ws.map((w) => w.terminate()))
  return ms
}

async function native() {
  const started = performance.now()
  await pool(
    workers,
    files.map(
      (f) => () =>
        run('tesseract', [f, 'stdout', '--dpi', '300', 'tsv'], {
          env: { ...process.env, OMP_THREAD_LIMIT: '1' },
          maxBuffer: 1 << 26,
        }),
    ),
  )
  return performance.now() - started
}

const nativeMs = await native()
const defaultsMs = await tesseractJs({ tessedit_do_invert: '1' })
const engineMs = await tesseractJs({ tessedit_do_invert: '0' })
const ppm = (ms) => Math.round((files.length / (ms / 60000)) * 10) / 10
console.log(
  JSON.stringify({
    pages: files.length,
    workers,
    native: { pagesPerMin: ppm(nativeMs) },
    tesseractJsDefaults: {
      pagesPerMin: ppm(defaultsMs),
      ratio: Math.round((nativeMs / defaultsMs) * 100) / 100,
    },
    engineSettings: { pagesPerMin: ppm(engineMs), ratio: Math.round((nativeMs / engineMs) * 100) / 100 },
  }),
)
