import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { builtDocumentWorker, REPO_ROOT } from '../../support/builtApp'
import { corpusFile } from '../../support/corpus'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

function harness() {
  builtDocumentWorker()
  return cliHarness(tempDir, { appRoot: REPO_ROOT })
}

const MINIMAL = {
  product: 'Zinc Bisglycinate Chelate SF',
  version: 1,
  parameters: [
    { name: 'Zinc', unit: '%', min: 20 },
    { name: 'Lead', unit: 'ppm', max: 3.0 },
    { name: 'Loss on drying', aliases: ['LOD', 'Moisture'], unit: '%', limit: 'NMT 6.0' },
    { name: 'pH', limit: '6.5 - 8.0' },
    { name: 'Salmonella', limit: 'Absent in 10 g' },
  ],
}

describe('pebble-desk coa', () => {
  it('checks the real Zinc COA against the minimal specification', async () => {
    const h = harness()
    const spec = join(tempDir(), 'zinc.json')
    writeFileSync(spec, JSON.stringify(MINIMAL))
    const file = corpusFile('coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf')
    const code = await runCli(
      ['coa', file, '--spec', spec, '--batch', 'BN12000005720', '--today', '2025-06-01', '--json'],
      h.io,
    )
    expect(code).toBe(0)
    const json = JSON.parse(h.stdout())
    expect(json).toMatchObject({
      file,
      product: 'Zinc Bisglycinate Chelate SF',
      batch: 'BN12000005720',
      manufactured: '2025-01-14',
      expiry: '2028-01-14',
      specVersion: 1,
      verdict: 'pass',
    })
    expect(
      json.parameters.map((p: { specName: string; result: string; verdict: string }) => [
        p.specName,
        p.result,
        p.verdict,
      ]),
    ).toEqual([
      ['Zinc', '22', 'pass'],
      ['Lead', '1.86', 'pass'],
      ['Loss on drying', '2.7', 'pass'],
      ['pH', '7.2', 'pass'],
      ['Salmonella', 'Pass', 'pass'],
    ])
    for (const key of [
      'name',
      'specName',
      'method',
      'result',
      'unit',
      'limit',
      'verdict',
      'reason',
      'confidence',
    ])
      expect(json.parameters[0]).toHaveProperty(key)
    expect(json.checks.map((c: { name: string; status: string }) => [c.name, c.status])).toContainEqual([
      'batch',
      'pass',
    ])
  }, 120_000)

  it('names the path of an invalid specification (YAML)', async () => {
    const h = harness()
    const spec = join(tempDir(), 'bad.yaml')
    writeFileSync(spec, 'product: X\nversion: 1\nparameters:\n  - name: Lead\n    max: high\n')
    const code = await runCli(
      ['coa', corpusFile('coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf'), '--spec', spec],
      h.io,
    )
    expect(code).toBe(2)
    expect(h.stderr()).toContain(spec)
    expect(h.stderr()).toContain('parameters[0].max')
  })

  it('gives review, not a crash, for a PDF without a results table', async () => {
    const h = harness()
    const pdf = await PDFDocument.create()
    const font = await pdf.embedFont(StandardFonts.Helvetica)
    const page = pdf.addPage([612, 792])
    page.drawText('Dear customer, thank you for your order of 25 kg.', { x: 72, y: 700, size: 12, font })
    page.drawText('Product: Zinc Bisglycinate Chelate SF   Batch No: B-1', { x: 72, y: 670, size: 12, font })
    const file = join(tempDir(), 'letter.pdf')
    writeFileSync(file, await pdf.save())
    const spec = join(tempDir(), 'zinc.yaml')
    writeFileSync(spec, JSON.stringify(MINIMAL))
    expect(await runCli(['coa', file, '--spec', spec, '--json', '--today', '2025-06-01'], h.io)).toBe(0)
    const json = JSON.parse(h.stdout())
    expect(json.verdict).toBe('review')
    expect(json.reasons).toContain('no results table found')
  }, 60_000)
})
