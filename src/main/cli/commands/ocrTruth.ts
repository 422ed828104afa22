import { resolve } from 'node:path'
import type { DeskCore } from '../../services/core/deskCore'
import { OcrTruthStore } from '../../services/learning'
import { TenantStore } from '../../services/tenants/tenantStore'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

/** The folder a tenant's OCR ground truth is kept in. */
export function ocrTruthDir(dataDir: string, tenantId: string): string {
  return resolve(new TenantStore(dataDir).folderOf(tenantId), 'ocr-truth')
}

/** `pebble-desk export-ocr-truth --out DIR [--tenant T]`: corrected OCR lines in tesstrain's layout. */
export async function runExportOcrTruth(
  core: DeskCore,
  values: CliValues,
  rest: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (rest.length > 0) throw new UsageError(`export-ocr-truth takes no files (got ${rest.join(' ')})`)
  if (!values.out) throw new UsageError('export-ocr-truth needs --out <folder>')
  const tenants = new TenantStore(core.dataDir)
  const tenantId = values.tenant ?? (await tenants.list())[0]?.id
  if (!tenantId) throw new UsageError('no tenant on this desk yet: add one with "pebble-desk tenants add"')
  await tenants.get(tenantId)
  const store = new OcrTruthStore(ocrTruthDir(core.dataDir, tenantId))
  const out = resolve(values.out)
  const lines = await store.exportTo(out)
  const accuracy = await store.accuracy()
  const text = `${lines} corrected line(s) of tenant ${tenantId} written to ${out} (*.png + *.gt.txt)\nOCR accuracy by people's corrections: ${accuracy.ocrAccuracy === null ? 'nothing reviewed yet' : `${(accuracy.ocrAccuracy * 100).toFixed(2)}% (${accuracy.correctedCharacters} of ${accuracy.reviewedCharacters} characters corrected)`}`
  printResult(io, mode, { tenant: tenantId, out, lines, ...accuracy }, text)
  return EXIT.ok
}
