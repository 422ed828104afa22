import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline, TextCache, type ExtractRequest } from '../../../../src/main/services/pipeline'
import { screenText } from '../../../../src/main/services/tenders'
import { parseProfile, Screener, type Profile } from '../../../../src/shared/tenders/screening'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
let pipeline: DocumentPipeline

beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 2 })
})
afterAll(() => pipeline.close())

function profile(input: unknown): Profile {
  const parsed = parseProfile(input)
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  return parsed.profile
}

const PAPER = profile({
  name: 'Paper',
  threshold: 5,
  terms: [
    { term: 'maplitho', weight: 5 },
    { term: 'paper', synonyms: ['gsm'], weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
})

async function request(path: string, extra: Partial<ExtractRequest> = {}): Promise<ExtractRequest> {
  const { sha256, mediaType } = await identifyFile(path, 512 * 1024 * 1024)
  return { path, file: path, sha256, mediaType, ...extra }
}

async function longPdf(pages: number): Promise<string> {
  const pdf = await PDFDocument.create()
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  for (let p = 1; p <= pages; p++) {
    pdf.addPage([595, 842]).drawText(`Page ${p}: supply of maplitho paper 70 GSM`, { x: 40, y: 780, font })
  }
  const path = join(tempDir(), 'long.pdf')
  writeFileSync(path, await pdf.save())
  return path
}

describe('screening inside the worker', () => {
  it('gives the same verdict, evidence and fields as screening the text on the main thread', async () => {
    const file = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
    const progress: number[] = []
    const outcome = await pipeline.extractScreened(
      await request(file, { onProgress: (p) => progress.push(p.pagesDone) }),
      { key: 'paper', profiles: [PAPER] },
    )
    if (!('screened' in outcome)) throw new Error('expected the worker to screen a text-layer bid')
    expect(outcome.pageCount).toBe(8)
    expect(progress.at(-1)).toBe(8)

    const onMain = screenText(new Screener([PAPER]), await pipeline.extract(await request(file)))
    expect(outcome.screened).toEqual(onMain)
    expect(outcome.screened.results[0]!.relevant).toBe(true)
    expect(outcome.screened.fields.fields.bidNumber?.value).toBe('GEM/2025/B/6572913')
  })

  it('keeps the words it did not send back in the text cache', async () => {
    const file = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
    const cache = new TextCache(tempDir())
    const req = await request(file, { cache })
    const outcome = await pipeline.extractScreened(req, { key: 'paper', profiles: [PAPER] })
    expect('screened' in outcome).toBe(true)

    const cached = await cache.get(req.sha256, 'auto', 'eng')
    expect(cached?.pages).toHaveLength(8)
    expect(cached?.pages[0]?.words.length).toBeGreaterThan(50)
    // The next time, the text comes from the cache and the caller screens it.
    const again = await pipeline.extractScreened(req, { key: 'paper', profiles: [PAPER] })
    expect('text' in again && again.text.pages).toHaveLength(8)
  })

  it('hands back the text when one task cannot read the whole document', async () => {
    const file = await longPdf(20)
    const outcome = await pipeline.extractScreened(await request(file), { key: 'paper', profiles: [PAPER] })
    if (!('text' in outcome)) throw new Error('expected the text of a 20-page PDF read in slices')
    expect(outcome.text.pages.map((p) => p.page)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it('names the profile a worker cannot compile', async () => {
    const file = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
    const broken = { ...PAPER, terms: [{ term: '', weight: 1 }] } as unknown as Profile
    await expect(
      pipeline.extractScreened(await request(file), { key: 'broken', profiles: [broken] }),
    ).rejects.toThrow(/profile 1: terms\[0\]\.term/)
  })
})
