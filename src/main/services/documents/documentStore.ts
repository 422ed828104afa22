import { join } from 'node:path'
import { z } from 'zod'
import { documentRecordSchema, type DocumentRecord, type TenantId } from '../../../shared/contract'
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
