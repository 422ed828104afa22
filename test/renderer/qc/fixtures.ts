import type { CoaReportDto, ExtractedRowDto, Scan } from '../../../src/shared/contract'
import type { TenantDb } from '../../../src/renderer/db'
import { createRecord, saveCheck } from '../../../src/renderer/features/qc/records'
import { saveSpecification } from '../../../src/renderer/features/qc/specifications/library'
import { parseSpecification, type Specification } from '../../../src/shared/qc'

export const SPEC_INPUT = {
  product: 'Zinc Bisglycinate Chelate SF',
  version: 1,
  parameters: [
    { name: 'Zinc', unit: '%', min: 20 },
    { name: 'Lead', unit: 'ppm', limit: 'NMT 1.50' },
  ],
}

export function spec(input: unknown = SPEC_INPUT): Specification {
  const parsed = parseSpecification(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.spec
}

const cell = (text: string, x: number, y: number, confidence = 95) => ({
  text,
  page: 1,
  bbox: [x, y, x + 100, y + 30] as [number, number, number, number],
  confidence,
})

function row(name: string, unit: string, result: string, y: number, confidence = 95): ExtractedRowDto {
  return {
    page: 1,
    bbox: [100, y, 900, y + 30],
    cells: { name: cell(name, 100, y), unit: cell(unit, 400, y), result: cell(result, 700, y, confidence) },
    others: [],
  }
}

/** A report as qc.check returns it: Zinc passes, Lead 1.86 ppm fails max 1.50. */
export function report(overrides: Partial<CoaReportDto> = {}): CoaReportDto {
  const rows = [row('Zinc', '%', '22', 100), row('Lead', 'ppm', '1.86', 200, 40)]
  return {
    file: 'coa.pdf',
    product: 'Zinc Bisglycinate Chelate SF',
    batch: 'BN1',
    expiry: '2028-01-14',
    specProduct: 'Zinc Bisglycinate Chelate SF',
    specVersion: 1,
    verdict: 'fail',
    reasons: ['Lead 1.86 ppm exceeds max 1.50 ppm'],
    parameters: [
      {
        name: 'Zinc',
        specName: 'Zinc',
        result: '22',
        unit: '%',
        limit: 'min 20 %',
        verdict: 'pass',
        reason: 'Zinc 22 % meets min 20 %',
        confidence: 95,
        row: 0,
        cells: rows[0]!.cells,
      },
      {
        name: 'Lead',
        specName: 'Lead',
        result: '1.86',
        unit: 'ppm',
        limit: 'max 1.50 ppm',
        verdict: 'fail',
        reason: 'Lead 1.86 ppm exceeds max 1.50 ppm',
        confidence: 40,
        row: 1,
        cells: rows[1]!.cells,
      },
    ],
    checks: [{ name: 'batch', status: 'pass', detail: 'ok', affectsVerdict: true }],
    rows,
    pages: [{ page: 1, width: 1000, height: 1400 }],
    extraction: { tables: [], fields: {}, notes: [] },
    ...overrides,
  }
}

/** A record checked against the fixture specification, ready for edits and signatures. */
export async function checkedRecord(db: TenantDb, actor = 'Ann') {
  const { row: specRow } = await saveSpecification(db, spec(), actor, { source: 'import' })
  const record = await createRecord(db, { batch: 'BN1', product: '' }, actor)
  return saveCheck(
    db,
    record,
    {
      report: report(),
      spec: specRow,
      documentId: 'doc-1',
      documentName: 'coa.pdf',
      documentHash: 'a'.repeat(64),
    },
    actor,
  )
}

export function scan(
  data: string,
  elements: { ai: string; value: string; date?: string }[],
  extra: Partial<Scan> = {},
): Scan {
  return {
    id: `scan-${Math.random().toString(36).slice(2)}`,
    source: 'keyboard',
    device: { path: 'keyboard' },
    timestamp: '2026-03-01T09:00:00.000Z',
    data,
    gs1: { symbology: null, symbologyId: null, elements: elements.map((e) => ({ title: e.ai, ...e })) },
    ...extra,
  }
}
