import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run'
import { createDesk, type Desk, type DeskSession } from '../../../../src/main/services/desk'
import type { DocumentRecord } from '../../../../src/shared/contract'
import type { DocumentText } from '../../../../src/shared/document-text'
import { deskMetricsSchema } from '../../../../src/shared/metrics'
import { builtDocumentWorker, REPO_ROOT } from '../../../support/builtApp'
import { cliHarness } from '../../../support/cliHarness'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
let desk: Desk
let session: DeskSession
let dataDir: string
beforeAll(async () => {
  dataDir = tempDir()
  desk = await createDesk({
    dataDir,
    host: 'cli',
    version: '9.9.9',
    modelsDir: join(REPO_ROOT, 'models'),
    workerScript: builtDocumentWorker(),
  })
  session = desk.openSession(() => undefined)
  await call('tenants.create', { id: 'plant-a', name: 'Plant A' })
  await call('tenants.select', { tenantId: 'plant-a' })
})
afterAll(async () => desk.close())

async function call(method: string, params: unknown = {}): Promise<unknown> {
  const outcome = await desk.registry.dispatch(method, params, session)
  if (!outcome.ok) throw new Error(outcome.error.message)
  return outcome.result
}

type Accuracy = { reviewedChars: number; correctedChars: number; accuracy: number } | null

async function importAndRead(file: string): Promise<{ id: string; text: DocumentText }> {
  await call('documents.import', { paths: [file] })
  await desk.idle()
  const { documents } = (await call('documents.list')) as { documents: DocumentRecord[] }
  const record = documents.find((d) => file.endsWith(d.name))
  if (!record) throw new Error(`${file} was not imported`)
  return { id: record.id, text: (await call('documents.text', { documentId: record.id })) as DocumentText }
}

it('a corrected OCR value is kept as line picture and text for export-ocr-truth, and accuracy drops', async () => {
  const { id, text } = await importAndRead(corpusFile('tess_phototest.tif'))
  const page = text.pages[0]
  const [first, second] = page?.lines ?? []
  expect(page?.source).toBe('ocr')
  if (!page || !first || !second) throw new Error('the test page was not read')

  const corrected = `${first.text.slice(0, -1)}#`
  const answer = (await call('qc.ocrTruth.correct', {
    documentId: id,
    page: 1,
    bbox: first.bbox,
    ocrText: first.text,
    correctedText: corrected,
    correctedBy: 'asha',
  })) as { stored: boolean; accuracy: Accuracy }
  expect(answer.stored).toBe(true)
  expect(answer.accuracy).toMatchObject({ reviewedChars: [...corrected].length, correctedChars: 1 })
  expect(answer.accuracy!.accuracy).toBeLessThan(1)

  // A value signed off as read adds reviewed characters and no corrections, once.
  const confirm = { values: [{ documentId: id, page: 1, bbox: second.bbox, ocrText: second.text }] }
  const confirmed = (await call('qc.ocrTruth.confirm', confirm)) as { counted: number; accuracy: Accuracy }
  expect(confirmed.counted).toBe(1)
  expect(confirmed.accuracy!.reviewedChars).toBe([...corrected].length + [...second.text].length)
  expect(confirmed.accuracy!.accuracy).toBeGreaterThan(answer.accuracy!.accuracy)
  expect(((await call('qc.ocrTruth.confirm', confirm)) as { counted: number }).counted).toBe(0)

  // The heartbeat carries the same figure for the session's tenant, and the OCR page time.
  const metrics = deskMetricsSchema.parse(await call('sync.metrics'))
  expect(metrics.ocrAccuracy).toEqual(confirmed.accuracy)
  expect(metrics.ocrPages?.count).toBeGreaterThanOrEqual(1)
  expect(metrics.ocrPages?.sumSeconds).toBeGreaterThan(0)

  const out = join(tempDir(), 'gt')
  const cli = cliHarness(tempDir, { appRoot: REPO_ROOT })
  const code = await runCli(
    ['export-ocr-truth', '--out', out, '--data-dir', dataDir, '--tenant', 'plant-a', '--json'],
    cli.io,
  )
  expect(cli.stderr()).toBe('')
  expect(code).toBe(0)
  const report = JSON.parse(cli.stdout()) as { lines: number; ocrAccuracy: number }
  expect(report).toMatchObject({ lines: 1, ocrAccuracy: confirmed.accuracy!.accuracy })
  const names = readdirSync(out).sort()
  expect(names).toHaveLength(2)
  const gt = names.find((n) => n.endsWith('.gt.txt'))!
  expect(readFileSync(join(out, gt), 'utf8')).toBe(`${corrected}\n`)
  const png = readFileSync(join(out, gt.replace('.gt.txt', '.png')))
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
}, 180_000)

it('a value on a page read from its text layer is not OCR ground truth, and says so', async () => {
  const file = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
  const { id, text } = await importAndRead(file)
  const page = text.pages.find((p) => p.source === 'text-layer' && p.lines.length > 0)
  if (!page) throw new Error('expected a text-layer page')
  const line = page.lines[0]!
  const answer = (await call('qc.ocrTruth.correct', {
    documentId: id,
    page: page.page,
    bbox: line.bbox,
    ocrText: line.text,
    correctedText: 'x',
    correctedBy: 'asha',
  })) as { stored: boolean; reason?: string }
  expect(answer.stored).toBe(false)
  expect(answer.reason).toMatch(
    /tender_gem_GEM-2025-B-6572913_bhel-maplitho\.pdf: page \d+ was read from its text layer/,
  )
}, 120_000)
