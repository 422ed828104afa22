import { DeskError, type DocumentRecord, type Handler, type TenantId } from '../../../shared/contract'
import type { DocumentText } from '../../../shared/document-text'
import { parseSpecification } from '../../../shared/qc'
import type { DeskCore } from '../core/deskCore'
import { checkCoa, localToday, requireCoa } from './checkCoa'

export interface QcDeskDeps<Ctx> {
  core: DeskCore
  tenantOf(ctx: Ctx): TenantId
  text(tenantId: TenantId, documentId: string): Promise<DocumentText>
  record(tenantId: TenantId, documentId: string): Promise<DocumentRecord>
  blobPath(tenantId: TenantId, sha256: string): string
  /** The desk's date (yyyy-mm-dd); injected so tests pin "today". */
  today?: () => string
}

/** `qc.check`: checkCoa, the command line's entry point, on a document the desk has already read. */
export function qcHandlers<Ctx>(deps: QcDeskDeps<Ctx>): { 'qc.check': Handler<'qc.check', Ctx> } {
  return {
    'qc.check': async ({ documentId, spec, expectedBatch, today, anyType, templates }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const parsed = spec === undefined ? undefined : parseSpecification(spec)
      if (parsed && !parsed.ok) {
        const list = parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')
        throw new DeskError('INVALID_INPUT', `invalid specification: ${list}`, { errors: parsed.errors })
      }
      const record = await deps.record(tenantId, documentId)
      // Refused before anything is read: the user decides first whether to check it anyway.
      if (record.docType && !anyType) requireCoa(record.name, record.docType)
      const text = await deps.text(tenantId, documentId)
      return checkCoa(deps.core, {
        document: {
          path: deps.blobPath(tenantId, record.sha256),
          name: record.name,
          sha256: record.sha256,
          mediaType: record.mediaType,
        },
        text,
        specs: parsed?.ok ? [parsed.compiled] : [],
        today: today ?? (deps.today ?? localToday)(),
        ...(record.docType ? { docType: record.docType } : {}),
        ...(anyType ? { anyType } : {}),
        ...(expectedBatch ? { expectedBatch } : {}),
        ...(templates ? { templates } : {}),
      })
    },
  }
}
