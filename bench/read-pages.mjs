// What the OCR bench sections share: a corpus file's first page as a 300-dpi gray PNG, and a
// `documents read --json` run over pages with a given settings.ocr, timed, in a throwaway data folder.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

export function firstPage(corpus, dir, file) {
  if (!file.endsWith('.pdf')) {
    const copy = join(dir, file)
    copyFileSync(join(corpus, file), copy)
    return copy
  }
  const out = join(dir, basename(file, '.pdf'))
  execFileSync('pdftoppm', [
    '-r',
    '300',
    '-gray',
    '-png',
    '-singlefile',
    '-f',
    '1',
    '-l',
    '1',
    join(corpus, file),
    out,
  ])
  return `${out}.png`
}

/** `ocr` goes into settings.json (e.g. { engine: 'paddle' } or { clean: 'never' }). */
export function readPages(root, ocr, pages) {
  const label = Object.entries(ocr)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  const dataDir = mkdtempSync(join(tmpdir(), 'pebble-bench-read-'))
  try {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ ocr }))
    const started = performance.now()
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'bin', 'pebble-desk.js'),
        'documents',
        'read',
        '--json',
        '--no-cache',
        '--workers',
        '2',
        '--data-dir',
        dataDir,
        ...pages,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    )
    if (r.status !== 0)
      throw new Error(`documents read (${label}) exited ${r.status}: ${r.stderr.slice(0, 2000)}`)
    return { ms: performance.now() - started, files: JSON.parse(r.stdout).files }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
