import { randomUUID } from 'node:crypto'
import type { DocumentRecord, ScreeningDetail, ScreeningRow, TenantId } from '../../../../shared/contract'
import { DeskError, toErrorEnvelope } from '../../../../shared/contract'
import type { DocumentText } from '../../../../shared/document-text'
import type { DocType } from '../../../../shared/documents/doctype'
import { Screener } from '../../../../shared/tenders/screening'
import { toCsv, toXlsx, type Decision } from '../export'
import { sortResults, summarise, type ScreenResult } from '../result'
import type { FieldName } from '../../../../shared/tenders/fields'
import { screenText } from '../../../../shared/tenders/screenText'
import { learnFieldLabel, type FieldTemplate } from '../../../../shared/tenders/templates'
import { detailCore, emptySummary, rowFrom, type DetailCore } from './convert'
import type { AdoptedChange, FieldTemplateSet, FieldTemplateStore } from './fieldTemplateStore'
import type { ProfileSet, ProfileStore } from './profileStore'

export interface TendersDeskDeps {
  profiles: ProfileStore
  /** Bid-portal templates analysts taught; a field one reads replaces the reader's. */
  templates: FieldTemplateStore
  list(tenantId: TenantId): Promise<DocumentRecord[]>
  record(tenantId: TenantId, documentId: string): Promise<DocumentRecord>
  text(tenantId: TenantId, documentId: string): Promise<DocumentText>
  /** Tells the tenant's sessions that screening results changed. */
  changed(tenantId: TenantId): void
}

interface Screened {
  summary: ScreenResult
  detail: DetailCore
}

export interface ExportRequest {
  format: 'csv' | 'xlsx'
  documentIds?: string[]
  decisions: { documentId: string; decision: Decision['decision']; reason?: string; decidedBy?: string }[]
}

const MAX_CACHED = 20_000

/** Types that belong to another desk: never screened as bids (a COA is not a tender). */
export const NOT_SCREENED: ReadonlySet<DocType> = new Set<DocType>([
  'coa',
  'specification',
  'msds',
  'invoice',
])

/** Whether screening leaves this document out; untyped and `other` documents are screened. */
export function notScreened(record: DocumentRecord): boolean {
  return record.docType !== undefined && NOT_SCREENED.has(record.docType.type)
}

export interface ScreeningRows {
  rows: ScreeningRow[]
  /** Documents of other desks, with their type, for "N not screened". */
  notScreened: { documentId: string; name: string; type: DocType }[]
}

/**
 * Screens every document of a tenant against the tenant's profiles. Results are cached by the
 * document's hash and the profile set's hash: a re-import costs nothing, and editing a profile
 * invalidates exactly what it should.
 */
export class TendersDesk {
  private readonly screeners = new Map<string, Screener>()
  private readonly cache = new Map<string, Screened>()

  constructor(private readonly deps: TendersDeskDeps) {}

  private screener(set: ProfileSet): Screener {
    let screener = this.screeners.get(set.hash)
    if (!screener) {
      screener = new Screener(set.profiles)
      this.screeners.set(set.hash, screener)
    }
    return screener
  }

  private async sets(tenantId: TenantId): Promise<[ProfileSet, FieldTemplateSet]> {
    return Promise.all([this.deps.profiles.load(tenantId), this.deps.templates.load(tenantId)])
  }

  private screen(
    [set, templates]: [ProfileSet, FieldTemplateSet],
    record: DocumentRecord,
    text: DocumentText,
  ): Screened {
    const key = `${record.tenantId}:${record.sha256}:${set.hash}:${templates.hash}`
    const hit = this.cache.get(key)
    if (hit) return hit
    const screened = screenText(this.screener(set), text, templates.templates)
    const summary = summarise(
      record.name,
      record.sha256,
      screened.results,
      screened.fields,
      text.pages.length,
    )
    const failed = text.pages.find((p) => p.error)
    if (failed?.error)
      summary.error = { code: failed.error.code, message: `page ${failed.page}: ${failed.error.message}` }
    const entry = { summary, detail: detailCore(screened) }
    // Bounded so a desk that imports all day does not grow without end; evicted ones are recomputed.
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value ?? '')
    this.cache.set(key, entry)
    return entry
  }

  /** The pipeline's hook: screen a document the moment its text is ready. */
  async textReady(record: DocumentRecord, text: DocumentText): Promise<void> {
    if (notScreened(record)) return this.deps.changed(record.tenantId)
    this.screen(await this.sets(record.tenantId), record, text)
    this.deps.changed(record.tenantId)
  }

  /** Profiles and templates read once for a whole list, not once per row. */
  private setsOnce(tenantId: TenantId): Promise<[ProfileSet, FieldTemplateSet]> {
    const sets = this.sets(tenantId)
    // A broken file is reported on each row that needs it; unread, it must not go unhandled.
    sets.catch(() => undefined)
    return sets
  }

  private async screened(
    tenantId: TenantId,
    record: DocumentRecord,
    sets: Promise<[ProfileSet, FieldTemplateSet]>,
  ): Promise<ScreenResult> {
    const extraction = record.extraction
    if (extraction?.state === 'failed')
      return emptySummary(record, extraction.error ?? { code: 'INTERNAL', message: 'extraction failed' })
    if (extraction?.state !== 'done') return emptySummary(record)
    try {
      return this.screen(await sets, record, await this.deps.text(tenantId, record.id)).summary
    } catch (error) {
      const { code, message } = toErrorEnvelope(error)
      return emptySummary(record, { code, message })
    }
  }

  async rows(tenantId: TenantId): Promise<ScreeningRow[]> {
    return (await this.results(tenantId)).rows
  }

  /** The screened rows, and the documents of other desks left out. */
  async results(tenantId: TenantId): Promise<ScreeningRows> {
    const records = await this.deps.list(tenantId)
    const sets = this.setsOnce(tenantId)
    const rows: ScreeningRow[] = []
    const skipped: ScreeningRows['notScreened'] = []
    for (const record of records) {
      if (record.docType && notScreened(record))
        skipped.push({ documentId: record.id, name: record.name, type: record.docType.type })
      else rows.push(rowFrom(record, await this.screened(tenantId, record, sets)))
    }
    return { rows, notScreened: skipped }
  }

  async detail(tenantId: TenantId, documentId: string): Promise<ScreeningDetail> {
    const record = await this.deps.record(tenantId, documentId)
    const text = await this.deps.text(tenantId, documentId)
    const { detail } = this.screen(await this.sets(tenantId), record, text)
    return { documentId: record.id, name: record.name, sha256: record.sha256, ...detail }
  }

  async export(
    tenantId: TenantId,
    request: ExportRequest,
  ): Promise<{ fileName: string; mediaType: string; dataBase64: string; rows: number }> {
    const records = await this.deps.list(tenantId)
    const byId = new Map(records.map((r) => [r.id, r]))
    const chosen = request.documentIds
      ? request.documentIds.map((id) => {
          const record = byId.get(id)
          if (!record) throw new DeskError('NOT_FOUND', `no document ${id}`, { documentId: id })
          return record
        })
      : records.filter((r) => !notScreened(r))
    const results: ScreenResult[] = []
    const sets = this.setsOnce(tenantId)
    for (const record of chosen) results.push(await this.screened(tenantId, record, sets))
    // Without an explicit order the export is ranked, as the command line ranks it.
    if (!request.documentIds) sortResults(results)
    const decisions = new Map<string, Decision>()
    for (const d of request.decisions) {
      const record = byId.get(d.documentId)
      if (record)
        decisions.set(record.sha256, {
          decision: d.decision,
          ...(d.reason ? { reason: d.reason } : {}),
          ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
        })
    }
    const stamp = new Date().toISOString().slice(0, 10)
    if (request.format === 'csv') {
      return {
        fileName: `screening-${tenantId}-${stamp}.csv`,
        mediaType: 'text/csv',
        // A file the user opens, often in Excel: with a BOM, so non-ASCII text is read as UTF-8.
        dataBase64: Buffer.from(toCsv(results, decisions, { bom: true }), 'utf8').toString('base64'),
        rows: results.length,
      }
    }
    return {
      fileName: `screening-${tenantId}-${stamp}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dataBase64: Buffer.from(await toXlsx(results, decisions)).toString('base64'),
      rows: results.length,
    }
  }

  /**
   * Learns the portal template an analyst's correction teaches: the label `value` is printed by on
   * this bid. Refused, naming the document and why, when that teaches nothing reliable.
   */
  async learnTemplate(
    tenantId: TenantId,
    lesson: { documentId: string; field: FieldName; value: string; by: string; at?: Date },
  ): Promise<{ template: FieldTemplate; replaced: FieldTemplate | null }> {
    const record = await this.deps.record(tenantId, lesson.documentId)
    const text = await this.deps.text(tenantId, lesson.documentId)
    const learned = learnFieldLabel(
      text.pages.filter((p) => !p.error),
      lesson.field,
      lesson.value,
    )
    if ('problem' in learned)
      throw new DeskError('INVALID_INPUT', `${record.name}: ${learned.problem}`, { documentId: record.id })
    const template: FieldTemplate = {
      id: randomUUID(),
      portal: learned.portal,
      field: lesson.field,
      label: learned.label,
      example: lesson.value,
      learnedFrom: { documentId: record.id, name: record.name },
      learnedBy: lesson.by,
      learnedAt: (lesson.at ?? new Date()).toISOString(),
    }
    const { replaced } = await this.deps.templates.save(tenantId, template)
    this.deps.changed(tenantId)
    return { template, replaced }
  }

  /** Templates the tenant's other desks taught, from the hub (see FieldTemplateStore.adopt). */
  async adoptTemplates(
    tenantId: TenantId,
    templates: readonly FieldTemplate[],
    removed: readonly string[],
  ): Promise<AdoptedChange[]> {
    const changes = await this.deps.templates.adopt(tenantId, templates, removed)
    if (changes.length > 0) this.deps.changed(tenantId)
    return changes
  }

  async removeTemplate(tenantId: TenantId, id: string, by: string): Promise<FieldTemplate | null> {
    const removed = await this.deps.templates.remove(tenantId, id, by)
    if (removed) this.deps.changed(tenantId)
    return removed
  }
}
