import { DeskError, type CoaReportDto, type DeskApi } from '../../../../shared/contract'
import type { ColumnRole } from '../../../../shared/qc'
import { learnTemplate, matchTemplate, type LayoutTemplate } from '../../../../shared/qc/templates'
import { uuidv7 } from '../../../../shared/ids/uuidv7'
import { layoutTemplateEventSchema } from '../../../../shared/sync/kinds'
import { recordChange, type CoaRecord, type TenantDb } from '../../../db'
import { saveCheck } from '../records'

export async function listTemplates(db: TenantDb): Promise<LayoutTemplate[]> {
  return (await db.layoutTemplates.toArray()).map((row) => row.template)
}

/** The tenant's template for a report's supplier and results table, whether or not it was used. */
export function matchingTemplate(
  report: CoaReportDto,
  templates: readonly LayoutTemplate[],
): LayoutTemplate | undefined {
  return matchTemplate(report.supplier, report.extraction.tables, templates)
}

export interface Lesson {
  /** Column index of the first results table → the role the technician gave it. */
  roles: ReadonlyMap<number, ColumnRole>
  /** COA parameter name → specification row. */
  parameters: readonly { coaName: string; specName: string }[]
}

/**
 * Keeps (or updates) the supplier's template from a correction on this record. The supplier must
 * have been read: without it the template could never be matched to the supplier's next COA.
 */
export async function learnFromRecord(
  db: TenantDb,
  record: CoaRecord,
  lesson: Lesson,
  actor: string,
): Promise<LayoutTemplate> {
  const report = record.report
  const table = report?.extraction.tables[0]
  if (!report || !table)
    throw new DeskError('INVALID_INPUT', `batch ${record.batch} has no results table to learn from`)
  if (!report.supplier)
    throw new DeskError(
      'INVALID_INPUT',
      `no supplier was read on ${record.documentName ?? 'this COA'}: a layout is learned per supplier`,
    )
  // Teaching the same supplier's same layout again refines its template instead of adding one.
  const existing = await listTemplates(db)
  const previous = matchTemplate(report.supplier, [table], existing)
  const template = learnTemplate({
    id: uuidv7(),
    supplier: report.supplier,
    table,
    roles: lesson.roles,
    parameters: lesson.parameters,
    learnedFrom: {
      recordId: record.id,
      batch: record.batch,
      ...(record.documentName ? { documentName: record.documentName } : {}),
    },
    learnedBy: actor,
    learnedAt: db.nowIso(),
    ...(previous ? { previous } : {}),
  })
  // Audited and sent to the hub in the same transaction, so the tenant's other desks get it.
  const outbox = {
    kind: 'qc.layoutTemplate',
    payload: layoutTemplateEventSchema.parse({
      templateId: template.id,
      action: 'learn',
      template,
      changedBy: actor,
      changedAt: template.learnedAt,
    }),
  }
  await recordChange(db, {
    table: 'layoutTemplates',
    actor,
    outbox,
    ...(previous
      ? {
          action: 'update' as const,
          entity: { id: previous.id, supplierKey: template.supplierKey, template },
        }
      : {
          action: 'create' as const,
          entity: { id: template.id, supplierKey: template.supplierKey, template },
        }),
  })
  return template
}

export async function forgetTemplate(db: TenantDb, id: string, actor: string): Promise<void> {
  const payload = layoutTemplateEventSchema.parse({
    templateId: id,
    action: 'forget',
    changedBy: actor,
    changedAt: db.nowIso(),
  })
  await recordChange(db, {
    table: 'layoutTemplates',
    action: 'delete',
    actor,
    entity: { id },
    outbox: { kind: 'qc.layoutTemplate', payload },
  })
}

/** Checks the record's COA again, with the tenant's templates or without any, and files the report. */
export async function recheck(
  desk: DeskApi,
  db: TenantDb,
  record: CoaRecord,
  withTemplates: boolean,
  actor: string,
): Promise<CoaRecord> {
  const spec = record.specId ? await db.specifications.get(record.specId) : undefined
  if (!spec || !record.documentId || !record.documentName || !record.documentHash)
    throw new DeskError('INVALID_INPUT', `batch ${record.batch} has no checked COA to read again`)
  const report = await desk.qc.check({
    documentId: record.documentId,
    spec: spec.spec,
    expectedBatch: record.batch,
    anyType: true,
    templates: withTemplates ? await listTemplates(db) : [],
  })
  return saveCheck(
    db,
    record,
    {
      report,
      spec,
      documentId: record.documentId,
      documentName: record.documentName,
      documentHash: record.documentHash,
    },
    actor,
  )
}
