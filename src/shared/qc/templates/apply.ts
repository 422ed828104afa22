import type { CoaExtraction, ColumnRole, ExtractedCell, ExtractedRow, ExtractedTable } from '../coa'
import { foldText, similarity } from '../text'
import { layoutFingerprint, sameLayout, supplierKey, type TableLike } from './fingerprint'
import type { LayoutTemplate, TemplateUse } from './schema'

/** A supplier name read by OCR with a letter or two wrong ("F1NE") is still the same supplier. */
export const SUPPLIER_SIMILARITY = 0.9

/**
 * The tenant's template for a COA's supplier (as read) and results tables: same supplier, folded
 * and allowing a misread letter, and a table with the same fingerprint. The newest wins when a
 * supplier was taught twice. Shared by the reader and the review screen, so both agree.
 */
export function matchTemplate(
  supplier: string | undefined,
  tables: readonly TableLike[],
  templates: readonly LayoutTemplate[],
): LayoutTemplate | undefined {
  if (!supplier || tables.length === 0) return undefined
  const key = supplierKey(supplier)
  const prints = tables.map(layoutFingerprint)
  return templates
    .filter((t) => similarity(t.supplierKey, key) >= SUPPLIER_SIMILARITY)
    .filter((t) => prints.some((p) => sameLayout(t.fingerprint, p)))
    .sort((a, b) => (a.learnedAt < b.learnedAt ? 1 : -1))[0]
}

export function findTemplate(
  extraction: CoaExtraction,
  templates: readonly LayoutTemplate[],
): LayoutTemplate | undefined {
  return matchTemplate(extraction.fields.supplier?.text, extraction.tables, templates)
}

const centreX = (cell: ExtractedCell) => (cell.bbox[0] + cell.bbox[2]) / 2

/** The column a cell was read from: the one its centre falls in, else the nearest. */
function columnOf(table: ExtractedTable, cell: ExtractedCell): number {
  const x = centreX(cell)
  let best = 0
  let distance = Infinity
  table.columns.forEach((c, i) => {
    const d = x < c.x0 ? c.x0 - x : x > c.x1 ? x - c.x1 : 0
    if (d < distance) {
      distance = d
      best = i
    }
  })
  return best
}

/** A row's cells put back under the template's roles. */
function reassign(table: ExtractedTable, row: ExtractedRow, roles: readonly ColumnRole[]): ExtractedRow {
  const all = [...Object.values(row.cells), ...row.others]
    .map((cell) => ({ cell, column: columnOf(table, cell) }))
    .sort((a, b) => a.column - b.column)
  const cells: ExtractedRow['cells'] = {}
  const others: ExtractedCell[] = []
  for (const { cell, column } of all) {
    const role = roles[column] ?? 'other'
    if (role === 'other' || cells[role]) others.push(cell)
    else cells[role] = cell
  }
  return { ...row, cells, others }
}

function renameParameters(row: ExtractedRow, names: ReadonlyMap<string, string>): ExtractedRow {
  const name = row.cells.name
  const specName = name && names.get(foldText(name.text))
  return specName ? { ...row, cells: { ...row.cells, name: { ...name, text: specName } } } : row
}

/**
 * The extraction as the template reads it: columns take the roles the technician gave them, and
 * parameter names the technician mapped take their specification row's name. Everything the
 * template has no opinion on stays as the reader found it. Returns what changed, for the screen.
 */
export function applyTemplate(
  extraction: CoaExtraction,
  template: LayoutTemplate,
): { extraction: CoaExtraction; use: TemplateUse } {
  const changes = new Set<string>()
  const names = new Map(template.parameters.map((p) => [p.coaName, p.specName]))
  const tables = extraction.tables.map((table) => {
    let next = table
    if (sameLayout(template.fingerprint, layoutFingerprint(table))) {
      const roles = table.columns.map((c, i) => template.columns[i]?.role ?? c.role)
      table.columns.forEach((c, i) => {
        if (roles[i] !== c.role && roles[i] !== 'other') changes.add(`${roles[i]} read from "${c.label}"`)
      })
      next = {
        ...table,
        columns: table.columns.map((c, i) => ({ ...c, role: roles[i]! })),
        rows: table.rows.map((r) => reassign(table, r, roles)),
      }
    }
    const rows = next.rows.map((r) => {
      const renamed = renameParameters(r, names)
      if (renamed !== r)
        changes.add(`"${r.cells.name!.text}" read as specification row "${renamed.cells.name!.text}"`)
      return renamed
    })
    return { ...next, rows }
  })
  return {
    extraction: { ...extraction, tables },
    use: {
      id: template.id,
      recordId: template.learnedFrom.recordId,
      batch: template.learnedFrom.batch,
      learnedAt: template.learnedAt,
      changes: [...changes],
    },
  }
}
