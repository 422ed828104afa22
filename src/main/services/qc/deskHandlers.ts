import { DeskError, type Handler, type TenantId } from '../../../shared/contract'
import type { DocumentRecord } from '../../../shared/contract'
import type { DocumentText } from '../../../shared/document-text'
import { parseSpecification } from '../../../shared/qc'
import type { GrayImage } from '../vision'
import { checkCoa } from './checkCoa'
import { loadPageImages } from './pageImages'

export interface QcDeskDeps<Ctx> {
  tenantOf(ctx: Ctx): TenantId
  text(tenantId: TenantId, documentId: string): Promise<DocumentText>
  record(tenantId: TenantId, documentId: string): Promise<DocumentRecord>
  blobPath(tenantId: TenantId, sha256: string): string
  /** The desk's date (yyyy-mm-dd); injected so tests pin "today". */
  today?: () => string
}

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** `qc.check`: the same checkCoa the command line runs, on a document the desk has already read. */
export function qcHandlers<Ctx>(deps: QcDeskDeps<Ctx>): { 'qc.check': Handler<'qc.check', Ctx> } {
  return {
    'qc.check': async ({ documentId, spec, expectedBatch, today }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      let compiled
      if (spec !== undefined) {
        const parsed = parseSpecification(spec)
        if (!parsed.ok) {
          const list = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
          throw new DeskError('INVALID_INPUT', `invalid specification: ${list}`, { errors: parsed.errors })
        }
        compiled = parsed.compiled
      }
      const [text, record] = await Promise.all([
        deps.text(tenantId, documentId),
        deps.record(tenantId, documentId),
      ])
      let images = new Map<number, GrayImage>()
      try {
        images = await loadPageImages(
          deps.blobPath(tenantId, record.sha256),
          record.name,
          record.mediaType,
          text.pages.map((p) => p.page),
        )
      } catch {
        // Ruling lines and the stamp check need the picture; the table and verdict do not.
      }
      const report = checkCoa({
        file: record.name,
        text,
        today: today ?? (deps.today ?? localToday)(),
        images,
        ...(compiled ? { spec: compiled } : {}),
        ...(expectedBatch ? { expectedBatch } : {}),
      })
      return { ...report, pages: text.pages.map(({ page, width, height }) => ({ page, width, height })) }
    },
  }
}
