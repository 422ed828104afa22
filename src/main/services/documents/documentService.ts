import { join } from 'node:path'
import {
  DeskError,
  toErrorEnvelope,
  type DocumentRecord,
  type DocumentType,
  type ErrorCode,
  type Extraction,
  type Job,
  type TenantId,
} from '../../../shared/contract'
import type { DocumentText, ExtractionMode } from '../../../shared/document-text'
import {
  defaultDocumentClassifier,
  type DocType,
  type DocumentClassifier,
} from '../../../shared/documents/doctype'
import { uuidv7 } from '../../../shared/ids'
import type { JobContext, JobManager } from '../jobs/jobManager'
import { TextCache, type DocumentPipeline } from '../pipeline'
import type { DocumentStore } from './documentStore'
import { sourceLabel, storeBlob, type IntakeSource } from './intake'
import type { OcrReading } from './ocrSettings'

export interface DocumentServiceDeps {
  documents: DocumentStore
  jobs: JobManager
  /** Null where the host runs no pipeline: documents are recorded but not read. */
  pipeline: DocumentPipeline | null
  folderOf(tenantId: TenantId): string
  maxBytes: number
  /** Tells the tenant's sessions that its document list changed. */
  changed(tenantId: TenantId): void
  /** Called once a document's text is ready (screening starts here); its failures never fail the import. */
  textReady?(record: DocumentRecord, text: DocumentText): Promise<void>
  /** Types each document when its text is read; defaultDocumentClassifier unless a test says otherwise. */
  classifier?: DocumentClassifier
  /** The tenant's OCR choice that reading after import uses; English with the desk's model otherwise. */
  ocrFor?(tenantId: TenantId): Promise<OcrReading>
}

/** The text a classifier reads: every page, in order. */
export function plainText(text: DocumentText): string {
  return text.pages.map((p) => p.text).join('\n')
}

/**
 * The record's type after its text was (re-)read: the classifier's, unless a person chose the type,
 * which reading again never overrides.
 */
export function typeFromText(
  classifier: DocumentClassifier,
  current: DocumentType | undefined,
  text: DocumentText,
): DocumentType {
  if (current?.source === 'user') return current
  const result = classifier.classify(plainText(text))
  return {
    type: result.type,
    source: 'classifier',
    classifier: result.classifier,
    confidence: result.confidence,
    cues: result.cues.slice(0, 8).map((c) => c.label),
    changes: current?.changes ?? [],
  }
}

export interface ExtractOptions extends Partial<Omit<OcrReading, 'langs'>> {
  mode: ExtractionMode
  langs: OcrReading['langs']
}

/** Runs `work` over `items` with at most `limit` in flight: keeps the pool fed without flooding it. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++] as T)
  })
  await Promise.all(lanes)
}

/** Import (copy + hash) and text extraction of a tenant's documents, as jobs with progress. */
export class DocumentService {
  /** `${tenantId}/${documentId}` of every document a job is reading right now. */
  private readonly reading = new Set<string>()

  constructor(private readonly deps: DocumentServiceDeps) {}

  private cache(tenantId: TenantId): TextCache {
    return new TextCache(join(this.deps.folderOf(tenantId), 'text'))
  }

  private get classifier(): DocumentClassifier {
    return this.deps.classifier ?? defaultDocumentClassifier
  }

  private get concurrency(): number {
    return Math.max(2, (this.deps.pipeline?.stats().size ?? 1) * 2)
  }

  /** The tenant's OCR choice (settings), read when a job starts so a change applies to the next import. */
  async readingFor(tenantId: TenantId): Promise<OcrReading> {
    return (
      (await this.deps.ocrFor?.(tenantId)) ?? {
        langs: 'eng',
        model: this.deps.pipeline?.defaultModel ?? 'best',
        engine: this.deps.pipeline?.defaultEngine ?? 'tesseract',
        hindiCheck: true,
      }
    )
  }

  importSources(tenantId: TenantId, label: string, sources: IntakeSource[], given?: ExtractOptions): Job {
    const { documents, jobs } = this.deps
    return jobs.start({ kind: 'import', tenantId, label, total: sources.length }, async (ctx) => {
      const options = given ?? { mode: 'auto' as const, ...(await this.readingFor(tenantId)) }
      await forEachLimited(sources, this.concurrency, async (source) => {
        if (ctx.signal.aborted) return
        let record: DocumentRecord
        try {
          const blob = await storeBlob(source, documents.blobDir(tenantId), {
            maxBytes: this.deps.maxBytes,
            signal: ctx.signal,
          })
          const candidate: DocumentRecord = {
            id: uuidv7(),
            tenantId,
            ...blob,
            importedAt: new Date().toISOString(),
          }
          record = (await documents.add(candidate)).record
        } catch (error) {
          const { code, message } = toErrorEnvelope(error)
          if (code !== 'CANCELLED') ctx.itemFailed({ file: sourceLabel(source), code, message })
          return
        }
        this.deps.changed(tenantId)
        const failed =
          this.deps.pipeline && record.extraction?.state !== 'done'
            ? await this.extractOne(record, options, ctx)
            : null
        if (ctx.signal.aborted) return
        if (failed) ctx.itemFailed({ file: sourceLabel(source), ...failed })
        else ctx.itemDone(record.id)
      })
    })
  }

  /** Reads the documents again; without options, as the tenant's OCR settings say. */
  extract(tenantId: TenantId, documentIds: string[], given?: ExtractOptions): Job {
    if (!this.deps.pipeline) throw new DeskError('FORBIDDEN', 'this host runs no document pipeline')
    const label = `Read ${documentIds.length} document${documentIds.length === 1 ? '' : 's'}`
    return this.deps.jobs.start(
      { kind: 'extract', tenantId, label, total: documentIds.length },
      async (ctx) => {
        const options = given ?? { mode: 'auto' as const, ...(await this.readingFor(tenantId)) }
        await forEachLimited(documentIds, this.concurrency, async (documentId) => {
          if (ctx.signal.aborted) return
          const record = await this.deps.documents.get(tenantId, documentId).catch(() => null)
          if (!record)
            return ctx.itemFailed({
              file: documentId,
              code: 'NOT_FOUND',
              message: `no document ${documentId}`,
            })
          const failed = await this.extractOne(record, options, ctx)
          if (ctx.signal.aborted) return
          if (failed) ctx.itemFailed({ file: record.name, ...failed })
          else ctx.itemDone(record.id)
        })
      },
    )
  }

  /** Extracts one document, keeping its record's extraction state; returns the error if it failed. */
  private async extractOne(
    record: DocumentRecord,
    options: ExtractOptions,
    ctx: JobContext,
  ): Promise<{ code: ErrorCode; message: string } | null> {
    const pipeline = this.deps.pipeline
    if (!pipeline) return null
    const { tenantId } = record
    const setExtraction = (extraction: Extraction) =>
      this.deps.documents.update(tenantId, record.id, (r) => ({ ...r, extraction }))
    const base: Extraction = {
      state: 'running',
      ...options,
      pagesTotal: 0,
      pagesDone: 0,
      ocrPages: 0,
      confidence: null,
      failedPages: 0,
    }
    const key = `${tenantId}/${record.id}`
    this.reading.add(key)
    let seen = { done: 0, total: 0 }
    try {
      // Inside the try: a document removed since its job picked it up fails as that item only.
      await setExtraction(base)
      this.deps.changed(tenantId)
      const text = await pipeline.extract({
        path: this.deps.documents.blobPath(tenantId, record.sha256),
        file: record.name,
        sha256: record.sha256,
        mediaType: record.mediaType,
        ...options,
        signal: ctx.signal,
        cache: this.cache(tenantId),
        onProgress: ({ pagesDone, pagesTotal }) => {
          ctx.pages(pagesDone - seen.done, pagesTotal - seen.total)
          seen = { done: pagesDone, total: pagesTotal }
          // Writes are queued in call order, so the final summary below always lands last.
          void setExtraction({ ...base, pagesDone, pagesTotal })
            .then(() => this.deps.changed(tenantId))
            .catch(() => undefined)
        },
      })
      const extraction = summarise(text, base)
      const typed = await this.deps.documents.update(tenantId, record.id, (r) => ({
        ...r,
        extraction,
        docType: typeFromText(this.classifier, r.docType, text),
      }))
      await this.deps.textReady?.(typed, text).catch(() => undefined)
      return null
    } catch (error) {
      const { code, message } = toErrorEnvelope(error)
      await setExtraction({ ...base, state: 'failed', error: { code, message } }).catch(() => undefined)
      return { code, message }
    } finally {
      this.reading.delete(key)
      this.deps.changed(tenantId)
    }
  }

  /**
   * Removes documents (record, and the blob once no other record shares it). A document that is
   * being read is not removed: the call fails with CONFLICT, removing nothing, so the user cancels
   * that job first rather than losing a read mid-way without being told.
   */
  async remove(tenantId: TenantId, documentIds: readonly string[]): Promise<{ removed: string[] }> {
    const removed = await this.deps.documents.remove(tenantId, documentIds, (doomed) => {
      const busy = doomed.filter((d) => this.reading.has(`${tenantId}/${d.id}`))
      if (busy.length === 0) return
      const names = busy.map((d) => d.name).join(', ')
      throw new DeskError(
        'CONFLICT',
        `${names} ${busy.length === 1 ? 'is' : 'are'} being read; cancel the job in the Jobs panel first, then remove ${busy.length === 1 ? 'it' : 'them'}`,
        { documentIds: busy.map((d) => d.id) },
      )
    })
    if (removed.length > 0) this.deps.changed(tenantId)
    return { removed: removed.map((d) => d.id) }
  }

  /**
   * A person's choice of type. The classifier's evidence stays for reference; the change is kept
   * on the record (from, to, who, when), and later readings of the text keep this choice.
   */
  async setType(tenantId: TenantId, documentId: string, type: DocType, by: string): Promise<DocumentRecord> {
    const at = new Date().toISOString()
    const updated = await this.deps.documents.update(tenantId, documentId, (r) => {
      const current = r.docType
      const change = { from: current?.type ?? null, to: type, by, at }
      return {
        ...r,
        docType: {
          type,
          source: 'user',
          classifier: current?.classifier ?? '',
          confidence: current?.confidence ?? 0,
          cues: current?.cues ?? [],
          changes: [...(current?.changes ?? []), change],
        },
      }
    })
    this.deps.changed(tenantId)
    return updated
  }

  /** Tenants whose untyped documents are being typed right now (one pass per tenant at a time). */
  private readonly typing = new Set<TenantId>()
  /** `${tenantId}/${documentId}` already tried once, so a document without cached text is not re-read on every list. */
  private readonly typeTried = new Set<string>()

  /**
   * Types documents that were read before documents had types, from their cached text, in the
   * background; the tenant's sessions hear documents.changed once any was typed.
   */
  typeUntyped(tenantId: TenantId, records: readonly DocumentRecord[]): void {
    const untyped = records.filter(
      (r) =>
        r.extraction?.state === 'done' &&
        !r.docType &&
        !this.reading.has(`${tenantId}/${r.id}`) &&
        !this.typeTried.has(`${tenantId}/${r.id}`),
    )
    if (untyped.length === 0 || this.typing.has(tenantId)) return
    this.typing.add(tenantId)
    void (async () => {
      let typed = 0
      for (const record of untyped) {
        this.typeTried.add(`${tenantId}/${record.id}`)
        const text = await this.text(tenantId, record.id).catch(() => null)
        if (!text) continue
        const updated = await this.deps.documents
          .update(tenantId, record.id, (r) =>
            r.docType ? r : { ...r, docType: typeFromText(this.classifier, undefined, text) },
          )
          .catch(() => null)
        if (updated) typed++
      }
      if (typed > 0) this.deps.changed(tenantId)
    })().finally(() => this.typing.delete(tenantId))
  }

  async text(tenantId: TenantId, documentId: string): Promise<DocumentText> {
    const record = await this.deps.documents.get(tenantId, documentId)
    const extraction = record.extraction
    if (extraction?.state !== 'done') {
      const why = extraction ? `its text is ${extraction.state}` : 'it has not been read yet'
      throw new DeskError('NOT_FOUND', `${record.name}: no text yet (${why})`, { documentId })
    }
    // Under the pipeline's key (which OCR model and engine read it), so the text read at import is
    // found again. A record from before engines were a tenant's choice was read by tesseract.
    const key =
      this.deps.pipeline?.cacheKey(
        extraction.langs,
        extraction.model,
        extraction.hindiCheck ?? true,
        extraction.engine ?? 'tesseract',
      ) ?? extraction.langs
    const text = await this.cache(tenantId).get(record.sha256, extraction.mode, key)
    if (!text)
      throw new DeskError('NOT_FOUND', `${record.name}: its text is missing; read it again`, { documentId })
    return text
  }

  async page(tenantId: TenantId, documentId: string, page: number, width: number) {
    if (!this.deps.pipeline) throw new DeskError('FORBIDDEN', 'this host runs no document pipeline')
    const record = await this.deps.documents.get(tenantId, documentId)
    const picture = await this.deps.pipeline.renderPage(
      {
        path: this.deps.documents.blobPath(tenantId, record.sha256),
        file: record.name,
        mediaType: record.mediaType,
      },
      page,
      width,
    )
    return {
      page,
      width: picture.width,
      height: picture.height,
      mediaType: 'image/png' as const,
      dataBase64: Buffer.from(picture.png).toString('base64'),
    }
  }
}

function summarise(text: DocumentText, base: Extraction): Extraction {
  const pages = text.pages
  const read = pages.filter((p) => !p.error)
  return {
    ...base,
    state: 'done',
    pagesTotal: pages.length,
    pagesDone: pages.length,
    ocrPages: pages.filter((p) => p.source === 'ocr').length,
    failedPages: pages.length - read.length,
    confidence: read.length === 0 ? null : read.reduce((sum, p) => sum + p.confidence, 0) / read.length,
  }
}
