import { DeskError, type DocumentRecord, type MethodParams } from '../../../src/shared/contract'
import type { DocumentText } from '../../../src/shared/document-text'
import { assessCoa } from '../../../src/main/services/qc/assessCoa'
import { requireCoa } from '../../../src/main/services/qc/checkCoa'
import { parseSpecification } from '../../../src/shared/qc'

/**
 * qc.check in memory: the real assessCoa over the harness's texts, with no page images; a document
 * typed other than coa is refused as the desk refuses it, unless `anyType`.
 */
export function qcHarnessHandler(
  texts: Map<string, DocumentText>,
  record: (documentId: string) => DocumentRecord | undefined = () => undefined,
) {
  return ({ documentId, spec, expectedBatch, today, anyType }: MethodParams<'qc.check'>) => {
    const doc = record(documentId)
    if (doc?.docType && !anyType) requireCoa(doc.name, doc.docType)
    const text = texts.get(documentId)
    if (!text) throw new DeskError('NOT_FOUND', `no extracted text for ${documentId} in this harness`)
    const parsed = spec === undefined ? undefined : parseSpecification(spec)
    if (parsed && !parsed.ok)
      throw new DeskError('INVALID_INPUT', parsed.errors.map((e) => e.path).join('; '))
    const report = assessCoa({
      file: documentId,
      text,
      today: today ?? '2026-11-20',
      ...(parsed?.ok ? { spec: parsed.compiled } : {}),
      ...(expectedBatch ? { expectedBatch } : {}),
    })
    return { ...report, pages: text.pages.map(({ page, width, height }) => ({ page, width, height })) }
  }
}
