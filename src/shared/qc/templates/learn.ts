import type { ColumnRole } from '../coa'
import { foldText } from '../text'
import { layoutFingerprint, supplierKey } from './fingerprint'
import type { LayoutTemplate } from './schema'

export interface TemplateLesson {
  id: string
  supplier: string
  /** The results table as the reader found it (column labels and positions). */
  table: { columns: readonly { label: string; x0: number; x1: number; role: string }[] }
  /** Column index → the role the technician says it has; other columns keep the reader's role. */
  roles: ReadonlyMap<number, ColumnRole>
  /** COA parameter name → specification row, as the technician mapped them. */
  parameters: readonly { coaName: string; specName: string }[]
  learnedFrom: LayoutTemplate['learnedFrom']
  learnedBy: string
  learnedAt: string
  /** The supplier's template this lesson adds to (same layout), whose mappings are kept. */
  previous?: LayoutTemplate
}

const ROLES = new Set<string>(['name', 'method', 'unit', 'min', 'max', 'spec', 'result', 'other'])
const asRole = (role: string): ColumnRole => (ROLES.has(role) ? (role as ColumnRole) : 'other')

/**
 * A template from one correction. A role given to one column is taken from whichever column had
 * it before (one result column per table), so the template never reads two cells as the result.
 */
export function learnTemplate(lesson: TemplateLesson): LayoutTemplate {
  const base = lesson.table.columns.map((c, i) => lesson.previous?.columns[i]?.role ?? asRole(c.role))
  for (const [index, role] of lesson.roles) {
    if (role !== 'other') base.forEach((r, i) => r === role && i !== index && (base[i] = 'other'))
    base[index] = role
  }
  const parameters = new Map((lesson.previous?.parameters ?? []).map((p) => [p.coaName, p.specName]))
  for (const p of lesson.parameters) parameters.set(foldText(p.coaName), p.specName)
  return {
    id: lesson.previous?.id ?? lesson.id,
    supplier: lesson.supplier,
    supplierKey: supplierKey(lesson.supplier),
    fingerprint: layoutFingerprint(lesson.table),
    columns: lesson.table.columns.map((c, i) => ({ label: c.label, role: base[i]! })),
    parameters: [...parameters].map(([coaName, specName]) => ({ coaName, specName })),
    learnedFrom: lesson.learnedFrom,
    learnedBy: lesson.learnedBy,
    learnedAt: lesson.learnedAt,
  }
}
