import { readdir, stat } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { DeskError } from '../../../shared/contract'
import { bestNameScore, type CompiledSpec } from '../../../shared/qc'
import { defaultDataDir } from '../../services/config/dataDir'
import { DEFAULT_MAX_FILE_BYTES, identifyFile } from '../../services/documents/intake'
import { DocumentPipeline, TextCache } from '../../services/pipeline'
import { checkCoa, loadPageImages, loadSpecFile, type CoaReport, type LoadedSpec } from '../../services/qc'
import type { GrayImage } from '../../services/vision'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

/** --spec names a file, or a folder of specification files (the library): the COA's product picks one. */
async function loadSpecs(given: string): Promise<LoadedSpec[]> {
  const path = resolve(given)
  const info = await stat(path).catch(() => undefined)
  if (!info) throw new DeskError('NOT_FOUND', `${path}: no such file`, { file: path })
  if (!info.isDirectory()) return [await loadSpecFile(path)]
  const names = (await readdir(path))
    .filter((n) => ['.json', '.yaml', '.yml'].includes(extname(n).toLowerCase()))
    .sort()
  return Promise.all(names.map((n) => loadSpecFile(join(path, n))))
}

function pickSpec(
  specs: LoadedSpec[],
  product: string | undefined,
  code: string | undefined,
): CompiledSpec | undefined {
  if (specs.length === 1) return specs[0]!.compiled
  const scored = specs
    .map((s) => ({
      s: s.compiled,
      score:
        code && s.compiled.productCode === code
          ? 2
          : product
            ? bestNameScore([s.compiled.product, ...s.compiled.productAliases], [product])
            : 0,
    }))
    .filter((x) => x.score >= 0.75)
    .sort((a, b) => b.score - a.score || b.s.version - a.s.version)
  return scored[0]?.s
}

function todayIso(values: CliValues): string {
  if (values.today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today))
      throw new UsageError(`--today must be yyyy-mm-dd (got "${values.today}")`)
    return values.today
  }
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
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

/** `pebble-desk coa <file> --spec <file|folder> [--batch B] [--today yyyy-mm-dd]`: one COA against its specification. */
export async function runCoa(
  values: CliValues,
  files: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (files.length !== 1) throw new UsageError('coa needs exactly one COA file')
  if (!values.spec) throw new UsageError('coa needs --spec <file or folder>')
  const today = todayIso(values)
  const specs = await loadSpecs(values.spec)
  const path = resolve(files[0]!)
  const pipeline = new DocumentPipeline({
    workerScript: join(io.appRoot, 'out', 'main', 'document-worker.js'),
  })
  const cache = new TextCache(join(values['data-dir'] ?? defaultDataDir(io.env), 'cache', 'text'))
  try {
    const { sha256, mediaType } = await identifyFile(path, DEFAULT_MAX_FILE_BYTES)
    const text = await pipeline.extract({ path, file: path, sha256, mediaType, cache })
    let images = new Map<number, GrayImage>()
    try {
      images = await loadPageImages(
        path,
        path,
        mediaType,
        text.pages.map((p) => p.page),
      )
    } catch {
      // The vision checks report "skipped"; the table and verdict do not depend on the image.
    }
    // The product decides the specification when --spec is a library folder.
    const probe = checkCoa({ file: path, text, today, images })
    const spec = pickSpec(specs, probe.product, probe.productCode)
    const report = checkCoa({
      file: path,
      text,
      today,
      images,
      ...(spec ? { spec } : {}),
      ...(values.batch ? { expectedBatch: values.batch } : {}),
    })
    printResult(io, mode, coaJson(report), describe(report))
    return EXIT.ok
  } finally {
    await pipeline.close()
  }
}
