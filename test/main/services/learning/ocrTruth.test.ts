import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run'
import { ocrTruthDir } from '../../../../src/main/cli/commands/ocrTruth'
import { openDeskCore, type DeskCore } from '../../../../src/main/services/core/deskCore'
import { readDocuments } from '../../../../src/main/services/documents/readDocuments'
import { OcrTruthStore } from '../../../../src/main/services/learning'
import { TenantStore } from '../../../../src/main/services/tenants/tenantStore'
import { builtDocumentWorker, REPO_ROOT } from '../../../support/builtApp'
import { cliHarness } from '../../../support/cliHarness'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
let core: DeskCore
let dataDir: string
beforeAll(async () => {
  dataDir = tempDir()
  core = await openDeskCore({ dataDir, workerScript: builtDocumentWorker() })
})
afterAll(async () => core.close())

it('keeps a corrected OCR line as its picture and text, and exports them for tesstrain', async () => {
  await new TenantStore(dataDir).create({ id: 'plant-a', name: 'Plant A' })
  const file = corpusFile('tess_phototest.tif')
  const [read] = await readDocuments(core, { paths: [file] })
  const page = read?.pages[0]
  const line = page?.lines[0]
  expect(page?.source).toBe('ocr')
  if (!read?.sha256 || !page || !line) throw new Error('the test page was not read')

  const store = new OcrTruthStore(ocrTruthDir(dataDir, 'plant-a'))
  const entry = await store.add(
    core.requirePipeline(),
    { path: file, file, mediaType: 'image/tiff', sha256: read.sha256 },
    {
      page: page.page,
      dpi: page.dpi,
      bbox: line.bbox,
      ocrText: line.text,
      // A person's correction that changes one character.
      correctedText: `${line.text.slice(0, -1)}#`,
      correctedBy: 'asha',
      correctedAt: '2026-12-05T07:00:00Z',
    },
  )
  const png = readFileSync(join(ocrTruthDir(dataDir, 'plant-a'), `${entry.id}.png`))
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  // The picture is the line's box (plus a few pixels), not the page.
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  expect(width).toBeLessThanOrEqual(line.bbox[2] - line.bbox[0] + 10)
  expect(height).toBeLessThanOrEqual(line.bbox[3] - line.bbox[1] + 10)
  expect((await store.accuracy()).correctedCharacters).toBe(1)

  const out = join(tempDir(), 'gt')
  const cli = cliHarness(tempDir, { appRoot: REPO_ROOT })
  const code = await runCli(
    ['export-ocr-truth', '--out', out, '--data-dir', dataDir, '--tenant', 'plant-a', '--json'],
    cli.io,
  )
  expect(cli.stderr()).toBe('')
  expect(code).toBe(0)
  const report = JSON.parse(cli.stdout()) as { lines: number; ocrAccuracy: number }
  expect(report.lines).toBe(1)
  expect(report.ocrAccuracy).toBeLessThan(1)
  expect(readdirSync(out).sort()).toEqual([`${entry.id}.gt.txt`, `${entry.id}.png`])
  expect(readFileSync(join(out, `${entry.id}.gt.txt`), 'utf8')).toBe(`${line.text.slice(0, -1)}#\n`)
  expect(existsSync(join(out, `${entry.id}.json`))).toBe(false)
}, 120_000)

it('refuses a box outside the page, naming the file', async () => {
  const file = corpusFile('tess_phototest.tif')
  const store = new OcrTruthStore(join(tempDir(), 'truth'))
  await expect(
    store.add(
      core.requirePipeline(),
      { path: file, file, mediaType: 'image/tiff', sha256: 'a'.repeat(64) },
      {
        page: 1,
        dpi: 200,
        bbox: [5000, 5000, 5100, 5040],
        ocrText: 'x',
        correctedText: 'y',
        correctedBy: 'asha',
        correctedAt: '2026-12-05T07:00:00Z',
      },
    ),
  ).rejects.toThrow(`${file}: page 1: box 5000,5000,5100,5040 is outside the page`)
})
