import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { DocumentRecord, TenantId } from '../../../../src/shared/contract'
import type { DocumentText } from '../../../../src/shared/document-text'
import { DocumentService } from '../../../../src/main/services/documents/documentService'
import { DocumentStore } from '../../../../src/main/services/documents/documentStore'
import { JobManager } from '../../../../src/main/services/jobs/jobManager'
import type { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { FieldTemplateStore, ProfileStore, TendersDesk } from '../../../../src/main/services/tenders/desk'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const TENANT = 'acme' as TenantId

/** A PNG by its signature, made distinct by its tail: enough for intake, which only sniffs. */
const png = (tail: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tail)])

/** A pipeline whose extract waits until the test opens the gate, then fails the read. */
function gatedPipeline() {
  let open = (): void => undefined
  const gate = new Promise<void>((resolve) => (open = resolve))
  const pipeline = {
    stats: () => ({ size: 1 }),
    extract: async (): Promise<DocumentText> => {
      await gate
      throw new Error('no reader in this test')
    },
  } as unknown as DocumentPipeline
  return { pipeline, open }
}

function setup(pipeline: DocumentPipeline | null = null) {
  const root = tempDir()
  const folderOf = (id: TenantId) => join(root, id)
  const documents = new DocumentStore(folderOf)
  const jobs = new JobManager(() => undefined)
  const changed = vi.fn()
  const service = new DocumentService({ documents, jobs, pipeline, folderOf, maxBytes: 1 << 20, changed })
  const importNamed = async (...names: string[]): Promise<DocumentRecord[]> => {
    service.importSources(
      TENANT,
      'Import',
      names.map((name) => ({ kind: 'bytes' as const, name, bytes: png(name) })),
    )
    await vi.waitFor(async () => expect(await documents.list(TENANT)).toHaveLength(names.length))
    return documents.list(TENANT)
  }
  return { root, folderOf, documents, jobs, service, changed, importNamed }
}

describe('documents.remove on the main side', () => {
  it('removes the record and its blob, keeps the others, says the list changed and skips unknown ids', async () => {
    const { documents, jobs, service, changed, importNamed } = setup()
    const [a, b] = await importNamed('a.png', 'b.png')
    await jobs.idle()
    if (!a || !b) throw new Error('import failed')
    changed.mockClear()

    expect(await service.remove(TENANT, [a.id, 'no-such-id'])).toEqual({ removed: [a.id] })
    expect((await documents.list(TENANT)).map((d) => d.id)).toEqual([b.id])
    expect(existsSync(documents.blobPath(TENANT, a.sha256))).toBe(false)
    expect(existsSync(documents.blobPath(TENANT, b.sha256))).toBe(true)
    expect(changed).toHaveBeenCalledWith(TENANT)

    changed.mockClear()
    expect(await service.remove(TENANT, ['no-such-id'])).toEqual({ removed: [] })
    expect(changed).not.toHaveBeenCalled()
  })

  it('keeps a blob another record of the tenant still uses, and deletes it with the last one', async () => {
    const { root, documents, service, jobs, importNamed } = setup()
    const [first] = await importNamed('label.png')
    await jobs.idle()
    if (!first) throw new Error('import failed')
    // add() folds same-content imports into one record, so write the second record directly.
    const twin: DocumentRecord = { ...first, id: 'twin', name: 'label copy.png' }
    await writeFile(join(root, TENANT, 'documents.json'), JSON.stringify({ documents: [first, twin] }))

    await service.remove(TENANT, [first.id])
    expect(existsSync(documents.blobPath(TENANT, first.sha256))).toBe(true)
    expect((await documents.list(TENANT)).map((d) => d.id)).toEqual(['twin'])

    await service.remove(TENANT, ['twin'])
    expect(existsSync(documents.blobPath(TENANT, first.sha256))).toBe(false)
    expect(await documents.list(TENANT)).toEqual([])
  })

  it('refuses a document that is being read, removing nothing, and removes it once the read ended', async () => {
    const { pipeline, open } = gatedPipeline()
    const { documents, jobs, service, importNamed } = setup(pipeline)
    const [reading] = await importNamed('reading.png')
    if (!reading) throw new Error('import failed')
    await vi.waitFor(async () => expect((await documents.list(TENANT))[0]?.extraction?.state).toBe('running'))

    const refused = service.remove(TENANT, [reading.id])
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { documentIds: [reading.id] },
    })
    await expect(refused).rejects.toThrow('reading.png is being read; cancel the job in the Jobs panel first')
    expect(await documents.list(TENANT)).toHaveLength(1)
    expect(existsSync(documents.blobPath(TENANT, reading.sha256))).toBe(true)

    open()
    await jobs.idle()
    expect(await service.remove(TENANT, [reading.id])).toEqual({ removed: [reading.id] })
  })

  it('leaves the tenders screening rows with the documents that remain', async () => {
    const { folderOf, documents, service, jobs, importNamed } = setup()
    const [gone, kept] = await importNamed('gone.png', 'kept.png')
    await jobs.idle()
    if (!gone || !kept) throw new Error('import failed')
    const screening = new TendersDesk({
      profiles: new ProfileStore(folderOf),
      templates: new FieldTemplateStore(folderOf),
      list: (tenantId) => documents.list(tenantId),
      record: (tenantId, id) => documents.get(tenantId, id),
      text: (tenantId, id) => service.text(tenantId, id),
      changed: () => undefined,
    })
    expect((await screening.rows(TENANT)).map((r) => r.documentId).sort()).toEqual([gone.id, kept.id].sort())
    await service.remove(TENANT, [gone.id])
    expect((await screening.rows(TENANT)).map((r) => r.documentId)).toEqual([kept.id])
  })
})

describe('jobs.clear on the main side', () => {
  it('drops done, failed and cancelled jobs of the tenant; running ones and other tenants stay', async () => {
    const jobs = new JobManager(() => undefined)
    let release = (): void => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const spec = (label: string, tenantId = TENANT) => ({
      kind: 'import' as const,
      tenantId,
      label,
      total: 1,
    })
    jobs.start(spec('done'), async () => undefined)
    jobs.start(spec('failed'), async () => {
      throw new Error('broken')
    })
    const cancelled = jobs.start(
      spec('cancelled'),
      (ctx) => new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve())),
    )
    const running = jobs.start(spec('running'), () => gate)
    const elsewhere = jobs.start(spec('other tenant', 'globex' as TenantId), async () => undefined)
    await jobs.cancel(cancelled.id, TENANT)
    await vi.waitFor(() =>
      expect(jobs.list(TENANT).filter((j) => j.state === 'done' || j.state === 'failed')).toHaveLength(2),
    )

    const result = jobs.clear(TENANT)
    expect(result.cleared).toBe(3)
    expect(result.jobs.map((j) => [j.id, j.state])).toEqual([[running.id, 'running']])
    expect(jobs.list(TENANT).map((j) => j.id)).toEqual([running.id])
    expect(jobs.list('globex' as TenantId).map((j) => j.id)).toEqual([elsewhere.id])

    release()
    await jobs.idle()
    expect(jobs.list(TENANT)[0]?.state).toBe('done')
  })
})
