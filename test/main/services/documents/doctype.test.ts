import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { DocumentRecord, TenantId } from '../../../../src/shared/contract'
import type { DocumentText } from '../../../../src/shared/document-text'
import type { DeskCore } from '../../../../src/main/services/core/deskCore'
import { DocumentService } from '../../../../src/main/services/documents/documentService'
import { DocumentStore } from '../../../../src/main/services/documents/documentStore'
import { JobManager } from '../../../../src/main/services/jobs/jobManager'
import type { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { qcHandlers } from '../../../../src/main/services/qc/deskHandlers'
import { FieldTemplateStore, ProfileStore, TendersDesk } from '../../../../src/main/services/tenders/desk'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const TENANT = 'acme' as TenantId

const TEXTS: Record<string, string> = {
  'GS wire tender.png': [
    'Bid Number: GEM/2025/B/6572913  Dated: 19-08-2025',
    'Bid End Date/Time 09-09-2025 15:00:00',
    'Item Category: GS wire - Density 7.85 g/cc',
    'EMD Detail: not required. Bidder Turnover and Turnover of OEM',
  ].join('\n'),
  'zinc coa.png': [
    'CERTIFICATE OF ANALYSIS',
    'Product: Zinc Bisglycinate   Batch No: BN1   Expiry Date: 2028-01-14',
    'Test        Specification      Result',
    'Lead        NMT 3.00 ppm       1.86',
    'Analysed by: QC lab',
  ].join('\n'),
  'notes.png': 'Lunch at noon. Bring the slides.',
}

const png = (tail: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tail)])

function textOf(file: string, sha256: string): DocumentText {
  const text = TEXTS[file] ?? ''
  return {
    sha256,
    mediaType: 'image/png',
    pipelineVersion: 'test',
    mode: 'auto',
    pages: [
      {
        page: 1,
        source: 'ocr',
        rotation: 0,
        skewDeg: 0,
        width: 1000,
        height: 1400,
        dpi: 300,
        confidence: 90,
        text,
        words: [],
        lines: [],
        blocks: [],
        applied: [],
        notes: [],
      },
    ],
  }
}

/** A pipeline that "reads" each file as its text above, counting reads. */
function fakePipeline() {
  const reads: string[] = []
  const pipeline = {
    stats: () => ({ size: 1 }),
    extract: async ({ file, sha256 }: { file: string; sha256: string }) => {
      reads.push(file)
      return textOf(file, sha256)
    },
  } as unknown as DocumentPipeline
  return { pipeline, reads }
}

function setup() {
  const root = tempDir()
  const folderOf = (id: TenantId) => join(root, id)
  const documents = new DocumentStore(folderOf)
  const jobs = new JobManager(() => undefined)
  const { pipeline } = fakePipeline()
  const changed = vi.fn()
  const service = new DocumentService({ documents, jobs, pipeline, folderOf, maxBytes: 1 << 20, changed })
  // The fake pipeline caches nothing, so text() reads what extract() gave.
  const texts = new Map<string, DocumentText>()
  const screening = new TendersDesk({
    profiles: new ProfileStore(folderOf),
    templates: new FieldTemplateStore(folderOf),
    list: (tenantId) => documents.list(tenantId),
    record: (tenantId, id) => documents.get(tenantId, id),
    text: async (_tenantId, id) => texts.get(id)!,
    changed: () => undefined,
  })
  const importAll = async (): Promise<Record<string, DocumentRecord>> => {
    service.importSources(
      TENANT,
      'Import',
      Object.keys(TEXTS).map((name) => ({ kind: 'bytes' as const, name, bytes: png(name) })),
    )
    await jobs.idle()
    const list = await documents.list(TENANT)
    for (const d of list) texts.set(d.id, textOf(d.name, d.sha256))
    return Object.fromEntries(list.map((d) => [d.name, d]))
  }
  return { documents, jobs, service, screening, importAll, changed, texts }
}

describe('document types on the desk', () => {
  it('types every document when its text is read, keeping the cues that decided', async () => {
    const { importAll } = setup()
    const docs = await importAll()
    expect(docs['GS wire tender.png']?.docType).toMatchObject({
      type: 'tender',
      source: 'classifier',
      classifier: 'doctype-cues/1',
      changes: [],
    })
    expect(docs['GS wire tender.png']?.docType?.cues).toContain('a GeM bid number (GEM/…)')
    expect(docs['zinc coa.png']?.docType).toMatchObject({ type: 'coa', source: 'classifier' })
    expect(docs['notes.png']?.docType?.type).toBe('other')
  })

  it("records a user's change of type (from, to, who, when), and reading again keeps the user's choice", async () => {
    const { importAll, service, documents, jobs, changed } = setup()
    const docs = await importAll()
    const notes = docs['notes.png']!
    changed.mockClear()
    const set = await service.setType(TENANT, notes.id, 'invoice', 'Ann')
    expect(set.docType).toMatchObject({ type: 'invoice', source: 'user' })
    expect(set.docType?.changes).toEqual([
      { from: 'other', to: 'invoice', by: 'Ann', at: expect.any(String) },
    ])
    expect(changed).toHaveBeenCalledWith(TENANT)

    service.extract(TENANT, [notes.id])
    await jobs.idle()
    const again = await documents.get(TENANT, notes.id)
    expect(again.extraction?.state).toBe('done')
    expect(again.docType).toMatchObject({ type: 'invoice', source: 'user' })
    await service.setType(TENANT, notes.id, 'other', 'Raj')
    expect(
      (await documents.get(TENANT, notes.id)).docType?.changes.map((c) => `${c.by}: ${c.from}→${c.to}`),
    ).toEqual(['Ann: other→invoice', 'Raj: invoice→other'])
  })

  it('types documents read before documents had types, from their text, once', async () => {
    const { importAll, service, documents, changed } = setup()
    const docs = await importAll()
    const coa = docs['zinc coa.png']!
    const { docType: _gone, ...untyped } = coa
    await documents.update(TENANT, coa.id, () => untyped)
    // This service's text() reads the tenant's text cache, which the fake pipeline never filled.
    const text = vi.spyOn(service, 'text').mockResolvedValue(textOf(coa.name, coa.sha256))
    changed.mockClear()
    service.typeUntyped(TENANT, await documents.list(TENANT))
    await vi.waitFor(async () => expect((await documents.get(TENANT, coa.id)).docType?.type).toBe('coa'))
    await vi.waitFor(() => expect(changed).toHaveBeenCalledWith(TENANT))
    service.typeUntyped(TENANT, await documents.list(TENANT))
    expect(text).toHaveBeenCalledTimes(1)
  })

  it('screens tenders only: a certificate is listed as not screened, and typing it a tender screens it', async () => {
    const { importAll, screening, service } = setup()
    const docs = await importAll()
    const results = await screening.results(TENANT)
    expect(results.rows.map((r) => r.name).sort()).toEqual(['GS wire tender.png', 'notes.png'])
    expect(results.notScreened).toEqual([
      { documentId: docs['zinc coa.png']!.id, name: 'zinc coa.png', type: 'coa' },
    ])

    await service.setType(TENANT, docs['zinc coa.png']!.id, 'tender', 'Ann')
    const after = await screening.results(TENANT)
    expect(after.rows).toHaveLength(3)
    expect(after.notScreened).toEqual([])
  })

  it('qc.check refuses a tender by name with its cues, creating nothing, unless the user checks anyway', async () => {
    const { importAll, documents, texts } = setup()
    const docs = await importAll()
    const core = { pipeline: null, maxFileBytes: 1 << 20 } as unknown as DeskCore
    const text = vi.fn(async (_t: TenantId, id: string) => texts.get(id)!)
    const handlers = qcHandlers<null>({
      core,
      tenantOf: () => TENANT,
      text,
      record: (tenantId, id) => documents.get(tenantId, id),
      blobPath: (tenantId, sha) => documents.blobPath(tenantId, sha),
      today: () => '2026-11-20',
    })
    const tender = docs['GS wire tender.png']!
    const refused = handlers['qc.check']({ documentId: tender.id }, null)
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'GS wire tender.png does not look like a certificate of analysis (looks like a tender: a GeM bid number (GEM/…), "bid number" / "tender ID", bid dates ("bid end date", "bid opening")). Check it anyway, or change its type in the Documents table.',
    })
    expect(text).not.toHaveBeenCalled()
    await expect(handlers['qc.check']({ documentId: docs['notes.png']!.id }, null)).rejects.toThrow(
      /^notes\.png does not look like a certificate of analysis \(nothing in it looks like/,
    )

    const anyway = await handlers['qc.check']({ documentId: tender.id, anyType: true }, null)
    expect(anyway.file).toBe('GS wire tender.png')
    const coa = await handlers['qc.check']({ documentId: docs['zinc coa.png']!.id }, null)
    expect(coa.file).toBe('zinc coa.png')
  })
})
