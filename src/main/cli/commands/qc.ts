import { resolve } from 'node:path'
import type { DeskCore } from '../../services/core/deskCore'
import { checkCoa, loadSpecLibrary, localToday, type CoaReport } from '../../services/qc'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

function todayIso(values: CliValues): string {
  if (values.today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today))
      throw new UsageError(`--today must be yyyy-mm-dd (got "${values.today}")`)
    return values.today
  }
  return localToday()
}

export function coaJson(report: CoaReport) {
  return {
    file: report.file,
    product: report.product ?? null,
    productCode: report.productCode ?? null,
    supplier: report.supplier ?? null,
    batch: report.batch ?? null,
    manufactured: report.manufactured ?? null,
    expiry: report.expiry ?? null,
    specProduct: report.specProduct ?? null,
    specVersion: report.specVersion ?? null,
    verdict: report.verdict,
    reasons: report.reasons,
    parameters: report.parameters.map((p) => ({
      name: p.name,
      specName: p.specName,
      method: p.method ?? null,
      result: p.result ?? null,
      unit: p.unit ?? null,
      limit: p.limit,
      coaLimit: p.coaLimit ?? null,
      verdict: p.verdict,
      reason: p.reason,
      confidence: p.confidence ?? null,
      page: p.cells?.result?.page ?? null,
      bbox: p.cells?.result?.bbox ?? null,
    })),
    checks: report.checks.map((c) => ({ name: c.name, status: c.status, detail: c.detail })),
  }
}

function describe(report: CoaReport): string {
  const lines = [
    `${report.file}`,
    `  product ${report.product ?? '?'}${report.productCode ? ` (${report.productCode})` : ''}, batch ${report.batch ?? '?'}, made ${report.manufactured ?? '?'}, expires ${report.expiry ?? '?'}`,
    `  specification: ${report.specProduct ? `${report.specProduct} v${report.specVersion}` : 'none'}`,
    `  VERDICT: ${report.verdict.toUpperCase()}`,
  ]
  for (const p of report.parameters) lines.push(`  ${p.verdict.padEnd(6)} ${p.reason}`)
  for (const c of report.checks) lines.push(`  check ${c.name}: ${c.status} — ${c.detail}`)
  return lines.join('\n')
}

/** `pebble-desk qc check <file> --spec <file|folder> [--batch B] [--today yyyy-mm-dd]` (was `coa`). */
export async function runQcCheck(
  core: DeskCore,
  values: CliValues,
  files: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (files.length !== 1) throw new UsageError('qc check needs exactly one COA file')
  if (!values.spec) throw new UsageError('qc check needs --spec <file or folder>')
  const today = todayIso(values)
  const specs = await loadSpecLibrary(resolve(values.spec))
  const path = resolve(files[0]!)
  const report = await checkCoa(core, {
    document: { path, name: path },
    specs: specs.map((s) => s.compiled),
    today,
    ...(values.batch ? { expectedBatch: values.batch } : {}),
  })
  printResult(io, mode, coaJson(report), describe(report))
  return EXIT.ok
}
