import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import type { ScreenResult } from '../../../src/main/services/tenders'
import { builtDocumentWorker, REPO_ROOT } from '../../support/builtApp'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'
import { bidPdf } from '../services/tenders/bidPdf'

const tempDir = useTempDirs()
beforeAll(() => void builtDocumentWorker())

const PROFILE = {
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 },
    { term: 'mattress', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
}

const harness = () => cliHarness(tempDir, { appRoot: REPO_ROOT })

async function folderOfBids(): Promise<string> {
  const dir = tempDir()
  const write = async (name: string, bytes: Promise<Uint8Array>) =>
    writeFileSync(join(dir, name), await bytes)
  await write(
    'a-rockwool-gem.pdf',
    bidPdf(
      {
        number: 'GEM/2026/B/1000001',
        item: 'Rock wool mattresses 50 mm',
        quantity: 400,
        endDate: '12-06-2026 15:00:00',
        emd: 60000,
        body: ['Resin bonded rockwool mattress, IS 8183'],
      },
      'gem',
    ),
  )
  await write(
    'b-mineral-notice.pdf',
    bidPdf(
      {
        number: 'NTPC/RFQ/2026/77',
        item: 'mineral wool slabs',
        quantity: 50,
        endDate: '20/06/2026 14:00',
        emd: 25000,
      },
      'notice',
    ),
  )
  await write(
    'c-paper-grid.pdf',
    bidPdf(
      {
        number: 'PSG/CPPP/2026-27/01',
        item: 'Copier paper A4',
        quantity: 900,
        endDate: '01-Jul-2026 05:00 PM',
        emd: 4000,
      },
      'grid',
    ),
  )
  await write(
    'd-civil-veto.pdf',
    bidPdf(
      {
        number: 'GEM/2026/B/1000002',
        item: 'Rock wool insulation',
        quantity: 10,
        endDate: '12-06-2026 15:00:00',
        body: ['Scope: civil works and rock wool mattress laying'],
      },
      'gem',
    ),
  )
  writeFileSync(join(dir, 'e-broken.pdf'), '%PDF-1.7 this is not really a pdf')
  writeFileSync(join(dir, 'notes.txt'), 'not a document; folders only pick documents')
  return dir
}

describe('pebble-desk screen', () => {
  it('ranks a folder of generated bids, lists the broken one with its error, and exits 1', async () => {
    const dir = await folderOfBids()
    const profile = join(tempDir(), 'insulation.json')
    writeFileSync(profile, JSON.stringify(PROFILE))
    const h = harness()
    const code = await runCli(['screen', dir, '--profile', profile, '--json'], h.io)
    expect(code).toBe(1)
    const { results } = JSON.parse(h.stdout()) as { results: ScreenResult[] }
    const names = results.map((r) => r.file.split('/').at(-1))
    expect(names).toEqual([
      'a-rockwool-gem.pdf',
      'b-mineral-notice.pdf',
      'c-paper-grid.pdf',
      'd-civil-veto.pdf',
      'e-broken.pdf',
    ])
    const [gem, notice, paper, veto, broken] = results
    expect(gem!.relevant).toBe(true)
    expect(gem!.profile).toBe('Insulation')
    expect(gem!.matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ term: 'rock wool', count: 2, pages: [1] })]),
    )
    expect(gem!.fields.bidNumber?.value).toBe('GEM/2026/B/1000001')
    expect(gem!.fields.bidEndDate?.normalised).toEqual({
      kind: 'date-time',
      iso: '2026-06-12T15:00:00+05:30',
    })
    expect(gem!.fields.emdAmount?.normalised).toEqual({ kind: 'money', amount: 60000, currency: 'INR' })
    expect(gem!.fields.bidNumber?.bbox).toHaveLength(4)
    expect(notice!.relevant).toBe(true)
    expect(notice!.fields.bidEndDate?.normalised).toEqual({
      kind: 'date-time',
      iso: '2026-06-20T14:00:00+05:30',
    })
    expect(notice!.fields.emdAmount?.normalised).toEqual({ kind: 'money', amount: 25000, currency: 'INR' })
    expect(paper!.relevant).toBe(false)
    expect(paper!.score).toBe(0)
    expect(paper!.kind).toBe('cppp')
    expect(paper!.fields.referenceNumber?.value).toBe('PSG/CPPP/2026-27/01')
    // CPPP's Tender ID fills the same bid number column as GeM's Bid Number.
    expect(paper!.fields.bidNumber?.value).toBe('2026_TEST_1')
    expect(paper!.fields.bidEndDate?.normalised).toEqual({
      kind: 'date-time',
      iso: '2026-07-01T17:00:00+05:30',
    })
    expect(veto!.relevant).toBe(false)
    expect(veto!.reasons).toContain('vetoed by "civil works"')
    expect(broken!.error?.code).toBe('CORRUPT_FILE')
    expect(broken!.error?.message).toContain('e-broken.pdf')
    expect(h.stderr()).toContain('e-broken.pdf')
  }, 120_000)

  it('takes YAML profiles, several at once, and prints CSV and XLSX', async () => {
    const dir = await folderOfBids()
    const yaml = join(tempDir(), 'paper.yaml')
    writeFileSync(yaml, 'name: Paper\nthreshold: 1\nterms:\n  - term: copier paper\n    weight: 3\n')
    const json = join(tempDir(), 'insulation.json')
    writeFileSync(json, JSON.stringify(PROFILE))
    const xlsx = join(tempDir(), 'out.xlsx')
    const h = harness()
    await runCli(
      [
        'screen',
        join(dir, 'a-rockwool-gem.pdf'),
        join(dir, 'c-paper-grid.pdf'),
        '--profile',
        json,
        '--profile',
        yaml,
        '--csv',
        '--xlsx',
        xlsx,
      ],
      h.io,
    )
    const rows = h.stdout().trim().split('\r\n')
    expect(rows[0]).toMatch(/^file,sha256,profile,score,relevant,decision,reason,matches,bidNumber/)
    expect(rows).toHaveLength(3)
    expect(rows.find((r) => r.includes('c-paper-grid'))).toContain(',Paper,3,yes,')
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx)
    const sheet = book.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('file')
    expect(sheet.rowCount).toBe(3)
    const cells = [2, 3].flatMap((r) => (sheet.getRow(r).values as unknown[]).map(String))
    expect(cells).toContain('GEM/2026/B/1000001')
  }, 120_000)

  it('rejects an invalid profile with the JSON path and exit code 2', async () => {
    const profile = join(tempDir(), 'bad.json')
    writeFileSync(
      profile,
      JSON.stringify({ ...PROFILE, terms: [PROFILE.terms[0], { term: 'mattress', weight: 'two' }] }),
    )
    const h = harness()
    expect(await runCli(['screen', tempDir(), '--profile', profile], h.io)).toBe(2)
    expect(h.stderr()).toContain(`${profile}: invalid profile: terms[1].weight: expected a number`)
    const none = harness()
    expect(await runCli(['screen', tempDir()], none.io)).toBe(2)
  })
})
