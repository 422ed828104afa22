import { resolve } from 'node:path'
import type { DeskCore } from '../../services/core/deskCore'
import {
  classifyFiles,
  defaultDoctypeModelPath,
  trainFromFiles,
  type ModelKind,
} from '../../services/learning'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

/** `pebble-desk train relevance|doctype --labels labels.csv --out model.json FILE…` */
export function trainCommand(kind: ModelKind) {
  return async (core: DeskCore, values: CliValues, paths: string[], io: CliIo, mode: OutputMode) => {
    if (paths.length === 0) throw new UsageError(`train ${kind} needs the labelled files or folders`)
    if (!values.labels) throw new UsageError(`train ${kind} needs --labels <file,label CSV>`)
    if (!values.out) throw new UsageError(`train ${kind} needs --out <model.json>`)
    const report = await trainFromFiles(core, {
      kind,
      paths,
      labelsFile: resolve(values.labels),
      out: resolve(values.out),
      now: new Date().toISOString(),
      ...(values.description ? { description: values.description } : {}),
    })
    const v = report.metrics.validation
    const text = [
      `${report.kind} model ${report.version} (sha256 ${report.sha256.slice(0, 16)}…)`,
      `validation n=${v.n}: precision ${v.precision}, recall ${v.recall}, F1 ${v.f1}, accuracy ${v.accuracy}`,
      `${report.promoted ? 'PROMOTED to' : 'not promoted; kept'} ${report.out}: ${report.reason}`,
      ...report.skipped.map((s) => `skipped ${s.file}: ${s.reason}`),
    ].join('\n')
    printResult(io, mode, report, text)
    return EXIT.ok
  }
}

/** `pebble-desk documents classify FILE…` (also `classify`): each document's type by the shipped model. */
export async function runDocumentsClassify(
  core: DeskCore,
  values: CliValues,
  paths: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('documents classify needs at least one file or folder')
  const modelPath = values.model
    ? resolve(values.model)
    : defaultDoctypeModelPath(resolve(io.appRoot, 'models'))
  const { model, results } = await classifyFiles(core, paths, modelPath)
  const text = results
    .map((r) =>
      r.error
        ? `ERROR  ${r.file}: ${r.error.message}`
        : `${(r.docType ?? '').padEnd(13)} ${(r.confidence ?? 0).toFixed(2)}  ${r.file}  (${(r.top ?? []).map(([w]) => w).join(', ')})`,
    )
    .join('\n')
  printResult(io, mode, { model: model.version, results }, text || 'no documents')
  for (const r of results) if (r.error) io.stderr(`pebble-desk: ${r.error.message}\n`)
  return results.some((r) => r.error) ? EXIT.failure : EXIT.ok
}
