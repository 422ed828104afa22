import { parse as parseYaml, stringify as toYaml, YAMLParseError } from 'yaml'
import { DeskError } from '../../../../shared/contract'
import { parseSpecification, specFingerprint, type Specification } from '../../../../shared/qc'
import { recordLocalChange, type SpecificationRow, type TenantDb } from '../../../db'

export interface SpecError {
  /** The file the user picked, or "pasted text". */
  file?: string
  /** Where in it: a JSON path ("parameters[0].min"), or "line 3" for a syntax error. */
  path: string
  message: string
}

export type SpecTextResult = { ok: true; spec: Specification } | { ok: false; errors: SpecError[] }

/**
 * JSON or YAML text (YAML is a superset of JSON, so one parser reads both); every error names the
 * file (`source`) and the path inside it, like profile errors do.
 */
export function parseSpecText(text: string, source = 'pasted text'): SpecTextResult {
  let value: unknown
  try {
    value = parseYaml(text)
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
    const pos = error instanceof YAMLParseError ? error.linePos?.[0] : undefined
    // The parser's message ends "at line 1, column 9:"; the position is said once, as the path.
    const message = pos ? first.replace(/\s*at line \d+, column \d+:?\s*$/, '') : first
    const path = pos ? `line ${pos.line}, column ${pos.col}` : '(text)'
    return { ok: false, errors: [{ file: source, path, message: `not valid JSON or YAML: ${message}` }] }
  }
  const parsed = parseSpecification(value)
  return parsed.ok
    ? { ok: true, spec: parsed.spec }
    : { ok: false, errors: parsed.errors.map((e) => ({ file: source, ...e })) }
}

export async function specVersions(db: TenantDb, product: string): Promise<SpecificationRow[]> {
  const rows = await db.specifications.where('product').equals(product).toArray()
  return rows.sort((a, b) => b.version - a.version)
}

/** The newest version of every product, for pickers and the library list. */
export function latestPerProduct(rows: readonly SpecificationRow[]): SpecificationRow[] {
  const latest = new Map<string, SpecificationRow>()
  for (const r of rows) {
    const seen = latest.get(r.product)
    if (!seen || r.version > seen.version) latest.set(r.product, r)
  }
  return [...latest.values()].sort((a, b) => a.product.localeCompare(b.product))
}

export type SaveOutcome = { row: SpecificationRow; created: boolean }

/**
 * Saves a specification as a new version of its product, or returns the latest when the content is
 * unchanged. Numbers are never reused: a file's own "version" is kept only for a product's first
 * version, or when it is already ahead of the library.
 */
export async function saveSpecification(
  db: TenantDb,
  spec: Specification,
  actor: string,
  origin: { source: 'import'; fileName?: string } | { source: 'edit'; previous: SpecificationRow },
): Promise<SaveOutcome> {
  const versions = await specVersions(db, spec.product)
  const latest = versions[0]
  const fingerprint = specFingerprint(spec)
  if (latest && latest.fingerprint === fingerprint) return { row: latest, created: false }
  const version = latest
    ? Math.max(latest.version + 1, origin.source === 'import' ? spec.version : 0)
    : spec.version
  const stored: Specification = { ...spec, version }
  const { entity } = await recordLocalChange(db, {
    table: 'specifications',
    action: 'create',
    actor,
    entity: {
      product: spec.product,
      version,
      spec: stored,
      fingerprint,
      source: origin.source,
      ...(origin.source === 'edit' ? { previousId: origin.previous.id } : {}),
      ...(origin.source === 'import' && origin.fileName ? { fileName: origin.fileName } : {}),
      ...(latest && origin.source === 'import' ? { previousId: latest.id } : {}),
    },
  })
  if (!entity) throw new DeskError('INTERNAL', 'the specification was not stored')
  return { row: entity, created: true }
}

export function exportSpecText(row: SpecificationRow, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(row.spec, null, 2)}\n` : toYaml(row.spec)
}

export function exportFileName(row: SpecificationRow, format: 'json' | 'yaml'): string {
  const base = row.product.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'specification'
  return `${base}.v${row.version}.${format}`
}
