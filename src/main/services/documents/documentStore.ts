import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DeskError, documentRecordSchema, type DocumentRecord, type TenantId } from '../../../shared/contract'
import { readJsonFile, SerialQueue, writeJsonFile } from '../storage/jsonFile'

const documentsFileSchema = z.object({ documents: z.array(documentRecordSchema) })

/** Each tenant's imported documents: <tenant folder>/documents.json plus content-addressed blobs. */
export class DocumentStore {
  private readonly queues = new Map<TenantId, SerialQueue>()

  constructor(private readonly folderOf: (tenantId: TenantId) => string) {}

  blobDir(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'blobs')
  }

  blobPath(tenantId: TenantId, sha256: string): string {
    return join(this.blobDir(tenantId), sha256.slice(0, 2), sha256)
  }

  async list(tenantId: TenantId): Promise<DocumentRecord[]> {
    const { documents } = await readJsonFile(this.file(tenantId), documentsFileSchema, { documents: [] })
    return documents
  }

  /** Adds the record unless the tenant already holds the same content; returns the stored one. */
  async add(record: DocumentRecord): Promise<{ record: DocumentRecord; duplicate: boolean }> {
    return this.queue(record.tenantId).run(async () => {
      const documents = await this.list(record.tenantId)
      const existing = documents.find((d) => d.sha256 === record.sha256)
      if (existing) return { record: existing, duplicate: true }
      await writeJsonFile(this.file(record.tenantId), { documents: [...documents, record] })
      return { record, duplicate: false }
    })
  }

  async get(tenantId: TenantId, documentId: string): Promise<DocumentRecord> {
    const record = (await this.list(tenantId)).find((d) => d.id === documentId)
    if (!record)
      throw new DeskError('NOT_FOUND', `no document "${documentId}" for this tenant`, { documentId })
    return record
  }

  async update(
    tenantId: TenantId,
    documentId: string,
    patch: (record: DocumentRecord) => DocumentRecord,
  ): Promise<DocumentRecord> {
    return this.queue(tenantId).run(async () => {
      const documents = await this.list(tenantId)
      const index = documents.findIndex((d) => d.id === documentId)
      const current = documents[index]
      if (!current)
        throw new DeskError('NOT_FOUND', `no document "${documentId}" for this tenant`, { documentId })
      const next = patch(current)
      documents[index] = next
      await writeJsonFile(this.file(tenantId), { documents })
      return next
    })
  }

  /**
   * Removes the records with these ids (unknown ids are skipped) and every blob no remaining record
   * of the tenant uses. `check` sees the records about to go, inside the tenant's write queue, and
   * may throw to remove nothing.
   */
  async remove(
    tenantId: TenantId,
    documentIds: readonly string[],
    check: (doomed: DocumentRecord[]) => void = () => undefined,
  ): Promise<DocumentRecord[]> {
    return this.queue(tenantId).run(async () => {
      const wanted = new Set(documentIds)
      const documents = await this.list(tenantId)
      const doomed = documents.filter((d) => wanted.has(d.id))
      if (doomed.length === 0) return []
      check(doomed)
      const kept = documents.filter((d) => !wanted.has(d.id))
      await writeJsonFile(this.file(tenantId), { documents: kept })
      const stillUsed = new Set(kept.map((d) => d.sha256))
      const orphans = new Set(doomed.map((d) => d.sha256).filter((sha) => !stillUsed.has(sha)))
      for (const sha256 of orphans) await rm(this.blobPath(tenantId, sha256), { force: true })
      return doomed
    })
  }

  private file(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'documents.json')
  }

  private queue(tenantId: TenantId): SerialQueue {
    let queue = this.queues.get(tenantId)
    if (!queue) {
      queue = new SerialQueue()
      this.queues.set(tenantId, queue)
    }
    return queue
  }
}
