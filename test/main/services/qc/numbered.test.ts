import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { assessCoa } from '../../../../src/main/services/qc'
import { parseSpecification } from '../../../../src/shared/qc'
import { builtDocumentWorker } from '../../../support/builtApp'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
let pipeline: DocumentPipeline
beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 1 })
})
afterAll(() => pipeline.close())

const parsed = parseSpecification({
  product: 'Bleaching Powder',
  productAliases: ['Bleaching Powder (Chlorinated Lime)'],
  version: 1,
  parameters: [
    { name: 'Appearance', limit: 'Complies' },
    { name: 'Available chlorine', unit: '%', min: 34.0 },
    { name: 'Insolubles', unit: '%', max: 1.0 },
    { name: 'Free moisture', unit: '%', limit: 'NMT 2.0 %' },
    { name: 'Iron (as Fe)', unit: 'ppm', max: 50 },
  ],
})
if (!parsed.ok) throw new Error('spec')
const SPEC = parsed.compiled

/** An Indian-style test report: a two-column header block and numbered result lines. */
async function makeReport(file: string, chlorine: string) {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const page = pdf.addPage([595, 842])
  page.drawText('Saurashtra Alkali Chemicals Pvt. Ltd.', { x: 50, y: 790, size: 14, font: bold })
  page.drawText('TEST REPORT', { x: 250, y: 760, size: 14, font: bold })
  const header = [
    ['Product : Bleaching Powder (Chlorinated Lime)', 'Report No. : QC/2026/118'],
    ['Batch No. : BP/26/118', 'Date : 03/08/2026'],
    ['Mfg. Date : 02.08.26', 'Expiry Date : Aug 2027'],
  ]
  header.forEach(([left, right], i) => {
    page.drawText(left!, { x: 50, y: 720 - i * 18, size: 10, font })
    page.drawText(right!, { x: 330, y: 720 - i * 18, size: 10, font })
  })
  const lines = [
    '1. Appearance : Complies',
    `2. Available chlorine (as Cl2) : ${chlorine} % (Min. 34.0)`,
    '3. Insolubles : 0.45 % (Max. 1.0)',
    '4. Free moisture - 1.2 % Limit: NMT 2.0 %',
    '5. Iron (as Fe) : 21 ppm IS 1065 Annex C (Max. 50)',
  ]
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 620 - i * 20, size: 10, font }))
  page.drawText('Remarks : The material conforms to IS 1065.', { x: 50, y: 480, size: 10, font })
  page.drawText('For Quality Control', { x: 400, y: 420, size: 10, font })
  writeFileSync(file, await pdf.save())
}

async function check(file: string) {
  const { sha256, mediaType } = await identifyFile(file, 64 * 1024 * 1024)
  const text = await pipeline.extract({ path: file, file, sha256, mediaType })
  return assessCoa({ file, text, today: '2026-08-10', spec: SPEC, expectedBatch: 'BP/26/118' })
}

describe('a generated numbered-list test report', () => {
  it('is read through the real pipeline with the right verdicts', async () => {
    const file = join(tempDir(), 'report.pdf')
    await makeReport(file, '35.6')
    const report = await check(file)
    expect(report.parameters.map((p) => [p.specName, p.verdict])).toEqual([
      ['Appearance', 'pass'],
      ['Available chlorine', 'pass'],
      ['Insolubles', 'pass'],
      ['Free moisture', 'pass'],
      ['Iron (as Fe)', 'pass'],
    ])
    expect(report.parameters[4]).toMatchObject({ result: '21', unit: 'ppm', method: 'IS 1065 Annex C' })
    expect(report).toMatchObject({
      product: 'Bleaching Powder (Chlorinated Lime)',
      batch: 'BP/26/118',
      manufactured: '2026-08-02',
      expiry: '2027-08-31',
      verdict: 'pass',
    })
  }, 60_000)

  it('fails the same report with a result out of limits', async () => {
    const file = join(tempDir(), 'report-low.pdf')
    await makeReport(file, '31.2')
    const report = await check(file)
    expect(report.parameters.find((p) => p.specName === 'Available chlorine')?.verdict).toBe('fail')
    expect(report.verdict).toBe('fail')
  }, 60_000)
})
