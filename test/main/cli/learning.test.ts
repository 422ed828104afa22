import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { heldOutBids, trainingBids, type LabelledBid } from '../../support/documents/relevance/bids'
import { textPdf } from '../../support/documents/textPdf'
import { builtDocumentWorker, REPO_ROOT } from '../../support/builtApp'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()
beforeAll(() => void builtDocumentWorker())

const harness = () => cliHarness(tempDir, { appRoot: REPO_ROOT })

async function writeBids(
  bids: readonly LabelledBid[],
  dir = tempDir(),
): Promise<{ dir: string; labels: string }> {
  const rows = ['file,label']
  for (const bid of bids) {
    writeFileSync(join(dir, `${bid.id}.pdf`), await textPdf(bid.text))
    rows.push(`${bid.id}.pdf,${bid.relevant ? 'relevant' : 'irrelevant'}`)
  }
  const labels = join(dir, 'labels.csv')
  writeFileSync(labels, rows.join('\n') + '\n')
  return { dir, labels }
}

interface TrainJson {
  version: string
  sha256: string
  trainedOn: { examples: number }
  metrics: { validation: { precision: number; recall: number; f1: number; accuracy: number; n: number } }
  promoted: boolean
  reason: string
}

describe('pebble-desk train relevance and tenders screen --model', () => {
  let training: { dir: string; labels: string }
  let model: string
  let first: TrainJson

  // Kept for the whole describe: the later tests retrain over and screen with this model.
  const shared = mkdtempSync(join(tmpdir(), 'pebble-learning-'))
  afterAll(() => rmSync(shared, { recursive: true, force: true }))

  beforeAll(async () => {
    mkdirSync(join(shared, 'bids'))
    training = await writeBids(trainingBids(60), join(shared, 'bids'))
    model = join(shared, 'relevance.json')
    const cli = harness()
    const code = await runCli(
      ['train', 'relevance', training.dir, '--labels', training.labels, '--out', model, '--json'],
      cli.io,
    )
    expect(cli.stderr()).toBe('')
    expect(code).toBe(0)
    first = JSON.parse(cli.stdout()) as TrainJson
  }, 120_000)

  it('trains from labelled files, reports validation metrics and writes the model it reports', () => {
    expect(first.promoted).toBe(true)
    expect(first.reason).toMatch(/no current model/)
    expect(first.metrics.validation.n).toBeGreaterThan(0)
    expect(first.trainedOn.examples + first.metrics.validation.n).toBe(60)
    expect(first.metrics.validation.f1).toBeGreaterThan(0.8)
    const bytes = readFileSync(model)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(first.sha256)
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ kind: 'relevance', version: first.version })
  })

  it('keeps the current model when a retrained one does not beat it on the same validation split', async () => {
    const cli = harness()
    const code = await runCli(
      ['train', 'relevance', training.dir, '--labels', training.labels, '--out', model, '--json'],
      cli.io,
    )
    expect(cli.stderr()).toBe('')
    expect(code).toBe(0)
    const again = JSON.parse(cli.stdout()) as TrainJson
    expect(again.promoted).toBe(false)
    expect(again.reason).toMatch(/does not beat/)
    expect(createHash('sha256').update(readFileSync(model)).digest('hex')).toBe(first.sha256)
  }, 120_000)

  it('puts the learned probability and its words beside the rule score for bids it never saw', async () => {
    const bids = heldOutBids(24)
    const { dir } = await writeBids(bids)
    const profile = join(tempDir(), 'profile.json')
    writeFileSync(
      profile,
      JSON.stringify({ name: 'Chemicals', threshold: 5, terms: [{ term: 'chloride', weight: 5 }] }),
    )
    const cli = harness()
    const code = await runCli(
      ['tenders', 'screen', dir, '--profile', profile, '--model', model, '--json'],
      cli.io,
    )
    expect(code).toBe(0)
    const { results } = JSON.parse(cli.stdout()) as {
      results: {
        file: string
        score: number
        learned: { relevant: boolean; probability: number; top: [string, number][] }
      }[]
    }
    expect(results).toHaveLength(bids.length)
    let tp = 0
    let fp = 0
    let fn = 0
    for (const result of results) {
      const bid = bids.find((b) => result.file.endsWith(`${b.id}.pdf`))
      expect(result.learned.probability).toBeGreaterThanOrEqual(0)
      expect(result.learned.probability).toBeLessThanOrEqual(1)
      expect(result.learned.top.length).toBeGreaterThan(0)
      if (result.learned.relevant && bid?.relevant) tp++
      else if (result.learned.relevant) fp++
      else if (bid?.relevant) fn++
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn)
    console.log(`learned relevance on ${bids.length} held-out bid PDFs: F1 ${f1.toFixed(3)}`)
    expect(f1).toBeGreaterThanOrEqual(0.85)
  }, 120_000)

  it('refuses a labels file with an unknown label, naming the file and the line', async () => {
    const labels = join(tempDir(), 'bad.csv')
    writeFileSync(labels, 'file,label\na.pdf,relevant\nb.pdf,maybe\n')
    const cli = harness()
    const code = await runCli(
      ['train', 'relevance', training.dir, '--labels', labels, '--out', join(tempDir(), 'm.json')],
      cli.io,
    )
    expect(code).toBe(2)
    expect(cli.stderr()).toContain(`${labels} line 3: label "maybe" for "b.pdf"`)
  })

  it('names the file when --model is not a relevance model', async () => {
    const bad = join(tempDir(), 'not-a-model.json')
    writeFileSync(bad, JSON.stringify({ kind: 'relevance', version: 'x' }))
    const profile = join(tempDir(), 'p.json')
    writeFileSync(profile, JSON.stringify({ name: 'P', threshold: 1, terms: [{ term: 'x', weight: 1 }] }))
    const cli = harness()
    const code = await runCli(
      ['tenders', 'screen', training.dir, '--profile', profile, '--model', bad],
      cli.io,
    )
    expect(code).not.toBe(0)
    expect(cli.stderr()).toContain(`${bad}: not a relevance model`)
  })
})

describe('pebble-desk documents classify', () => {
  it('types documents with the shipped model and prints file, type and confidence', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'in'))
    const invoice = [
      'TAX INVOICE',
      'Invoice No. 4471 Invoice Date 03/11/2026',
      'Bill to: Kaveri Water Works. Place of supply: Mysuru',
      'Description of goods HSN Qty Rate Amount',
      'Ferric chloride 2827 500 kg 32.00 16,000.00',
      'Taxable value 16,000.00 CGST 9% 1,440.00 SGST 9% 1,440.00 Grand total 18,880.00',
      'Bank: Canara Bank IFSC CNRB0000123. Payment due within 30 days.',
    ].join('\n')
    const coa = [
      'CERTIFICATE OF ANALYSIS',
      'Product: Poly Aluminium Chloride   Batch No: PAC-2611-07   Mfg: 02/11/2026   Exp: 01/11/2027',
      'Test   Specification   Result   Method',
      'Basicity %   40 - 60   52.1   IS 15573',
      'Alumina as Al2O3 %   Min 30   30.8   IS 15573',
      'Insolubles %   Max 0.5   0.12   IS 15573',
      'Conclusion: the batch complies. Approved by: QC Manager',
    ].join('\n')
    writeFileSync(join(dir, 'in', 'invoice.pdf'), await textPdf(invoice))
    writeFileSync(join(dir, 'in', 'certificate.pdf'), await textPdf(coa))
    const cli = harness()
    const code = await runCli(['classify', join(dir, 'in'), '--json'], cli.io)
    expect(code).toBe(0)
    const { results } = JSON.parse(cli.stdout()) as {
      results: { file: string; docType: string; confidence: number }[]
    }
    const typeOf = (name: string) => results.find((r) => r.file.endsWith(name))?.docType
    expect(typeOf('invoice.pdf')).toBe('invoice')
    expect(typeOf('certificate.pdf')).toBe('coa')
    for (const r of results) expect(r.confidence).toBeGreaterThan(0)
  }, 120_000)
})
