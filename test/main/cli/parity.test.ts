import { writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { createDesk, createDirectDeskApi } from '../../../src/main/services/desk'
import type { ScreenResult } from '../../../src/main/services/tenders'
import type { DeskApi } from '../../../src/shared/contract'
import { builtDocumentWorker, REPO_ROOT } from '../../support/builtApp'
import { cliHarness, type CliHarness } from '../../support/cliHarness'
import { corpusFile } from '../../support/corpus'
import { useTempDirs } from '../../support/tempDir'
import { signInAdmin } from '../../support/signIn'
import { bidPdf } from '../services/tenders/bidPdf'

// The command line and the desk (what the QC and Tenders pages call) must agree on the same
// document with the same settings.json: they run the same core entry points.

const tempDir = useTempDirs()
beforeAll(() => void builtDocumentWorker())

const TENANT = 'lab'
const ZINC_COA = 'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf'
const ZINC_SPEC = {
  product: 'Zinc Bisglycinate Chelate SF',
  version: 1,
  parameters: [
    { name: 'Zinc', unit: '%', min: 20 },
    { name: 'Lead', unit: 'ppm', max: 1.5 },
    { name: 'Loss on drying', aliases: ['LOD', 'Moisture'], unit: '%', limit: 'NMT 6.0' },
    { name: 'pH', limit: '6.5 - 8.0' },
  ],
}
const PROFILE = {
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 },
    { term: 'mattress', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
}

/** A data folder with an administrator's settings.json and one tenant. */
async function deskFolder(settings: object): Promise<CliHarness> {
  const h = cliHarness(tempDir, { appRoot: REPO_ROOT })
  writeFileSync(join(h.dataDir, 'settings.json'), JSON.stringify(settings))
  expect(await runCli(['tenants', 'add', TENANT, 'QC lab'], h.io)).toBe(0)
  return h
}

/** The same `pebble-desk` run again on the same data folder, with fresh output. */
function again(h: CliHarness): CliHarness {
  const next = cliHarness(tempDir, { appRoot: REPO_ROOT })
  next.io.env = h.io.env
  return { ...next, dataDir: h.dataDir }
}

/** The desk as the app builds it, on the same data folder, driven through its contract. */
async function withDesk<T>(h: CliHarness, use: (api: DeskApi) => Promise<T>): Promise<T> {
  const desk = await createDesk({
    dataDir: h.dataDir,
    host: 'browser',
    version: '0.0.0',
    modelsDir: join(REPO_ROOT, 'models'),
    workerScript: builtDocumentWorker(),
  })
  const direct = createDirectDeskApi(desk)
  try {
    await signInAdmin(direct.api)
    await direct.api.tenants.select({ tenantId: TENANT })
    return await use(direct.api)
  } finally {
    direct.close()
    await desk.close()
  }
}

async function importInto(h: CliHarness, paths: string[]): Promise<void> {
  const run = again(h)
  expect(await runCli(['documents', 'import', ...paths, '--tenant', TENANT], run.io)).toBe(0)
}

describe('one way in: the command line and the desk', () => {
  it('give the same COA verdict, parameter by parameter, for the same certificate and specification', async () => {
    const h = await deskFolder({ pipeline: { workers: 1, dpi: 300 } })
    const coa = corpusFile(ZINC_COA)
    const spec = join(tempDir(), 'zinc.json')
    writeFileSync(spec, JSON.stringify(ZINC_SPEC))

    const cli = again(h)
    const args = ['qc', 'check', coa, '--spec', spec, '--batch', 'BN12000005720', '--today', '2025-06-01']
    expect(await runCli([...args, '--json'], cli.io)).toBe(0)
    const fromCli = JSON.parse(cli.stdout())

    await importInto(h, [coa])
    const fromDesk = await withDesk(h, async (api) => {
      const { documents } = await api.documents.list()
      return api.qc.check({
        documentId: documents[0]!.id,
        spec: ZINC_SPEC,
        expectedBatch: 'BN12000005720',
        today: '2025-06-01',
      })
    })

    const summary = (r: {
      verdict: string
      product?: string | null
      batch?: string | null
      expiry?: string | null
      parameters: { specName: string; result?: string | null; verdict: string }[]
      checks: { name: string; status: string }[]
    }) => ({
      verdict: r.verdict,
      product: r.product ?? null,
      batch: r.batch ?? null,
      expiry: r.expiry ?? null,
      parameters: r.parameters.map((p) => [p.specName, p.result ?? null, p.verdict]),
      checks: r.checks.map((c) => [c.name, c.status]),
    })
    // Lead 1.86 ppm against a 1.5 ppm maximum: both must fail it, for the same reason.
    expect(summary(fromCli)).toMatchObject({ verdict: 'fail', batch: 'BN12000005720' })
    expect(summary(fromDesk)).toEqual(summary(fromCli))
    // The stamp/signature check looked at a page drawn in a worker, on both ways in.
    expect(fromDesk.checks.find((c) => c.name === 'stamp-or-signature')?.status).not.toBe('skipped')
  }, 180_000)

  it('rank the same bids in the same order with the same scores and verdicts', async () => {
    const h = await deskFolder({ pipeline: { workers: 2 } })
    const dir = tempDir()
    const bids: [string, Parameters<typeof bidPdf>[0], Parameters<typeof bidPdf>[1]][] = [
      [
        'a-gem.pdf',
        {
          number: 'GEM/2026/B/1000001',
          item: 'Rock wool mattresses 50 mm',
          quantity: 400,
          endDate: '12-06-2026 15:00:00',
          emd: 60000,
          body: ['Resin bonded rockwool mattress, IS 8183'],
        },
        'gem',
      ],
      [
        'b-notice.pdf',
        { number: 'NTPC/RFQ/2026/77', item: 'mineral wool slabs', quantity: 50, endDate: '20/06/2026 14:00' },
        'notice',
      ],
      [
        'c-grid.pdf',
        {
          number: 'PSG/CPPP/2026-27/01',
          item: 'Copier paper A4',
          quantity: 900,
          endDate: '01-Jul-2026 05:00 PM',
        },
        'grid',
      ],
      [
        'd-veto.pdf',
        {
          number: 'GEM/2026/B/1000002',
          item: 'Rock wool insulation',
          quantity: 10,
          endDate: '12-06-2026 15:00:00',
          body: ['Scope: civil works and rock wool mattress laying'],
        },
        'gem',
      ],
    ]
    for (const [name, bid, layout] of bids) writeFileSync(join(dir, name), await bidPdf(bid, layout))
    const profile = join(tempDir(), 'insulation.json')
    writeFileSync(profile, JSON.stringify(PROFILE))

    const cli = again(h)
    expect(await runCli(['tenders', 'screen', dir, '--profile', profile, '--json'], cli.io)).toBe(0)
    const fromCli = (JSON.parse(cli.stdout()) as { results: ScreenResult[] }).results.map((r) => ({
      name: basename(r.file),
      score: r.score,
      relevant: r.relevant,
      profile: r.profile,
    }))

    await importInto(h, [dir])
    const fromDesk = await withDesk(h, async (api) => {
      await api.tenders['profiles.save']({ text: JSON.stringify(PROFILE), format: 'json' })
      const { rows } = await api.tenders.results()
      return rows
        .map((r) => ({ name: r.name, score: r.score, relevant: r.relevant, profile: r.profile }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    })

    expect(fromCli.map((r) => r.name)).toEqual(['a-gem.pdf', 'b-notice.pdf', 'c-grid.pdf', 'd-veto.pdf'])
    expect(fromCli.filter((r) => r.relevant).map((r) => r.name)).toEqual(['a-gem.pdf', 'b-notice.pdf'])
    expect(fromDesk).toEqual(fromCli)
  }, 120_000)

  it('both obey the limits an administrator set in settings.json', async () => {
    // 0.05 MB: every corpus COA is bigger. The command line used to ignore this file.
    const h = await deskFolder({ limits: { maxFileMb: 0.05 } })
    const coa = corpusFile(ZINC_COA)
    const spec = join(tempDir(), 'zinc.json')
    writeFileSync(spec, JSON.stringify(ZINC_SPEC))

    const cli = again(h)
    expect(await runCli(['qc', 'check', coa, '--spec', spec, '--json'], cli.io)).toBe(1)
    expect(JSON.parse(cli.stdout()).error).toMatchObject({ code: 'FILE_TOO_LARGE' })
    expect(cli.stderr()).toContain(`${coa}: `)

    const read = again(h)
    expect(await runCli(['documents', 'read', coa, '--json'], read.io)).toBe(1)
    expect(read.stderr()).toMatch(/over the 0\.0 MiB limit|over the .* limit/)

    const imported = again(h)
    expect(await runCli(['documents', 'import', coa, '--tenant', TENANT], imported.io)).toBe(1)
    expect(imported.stderr()).toContain('limit')
  })
})
