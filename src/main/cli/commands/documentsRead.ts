import { z } from 'zod'
import { extractionModeSchema } from '../../../shared/document-text'
import type { DeskCore } from '../../services/core/deskCore'
import { readDocuments, type ReadOutcome } from '../../services/documents/readDocuments'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

const langsSchema = z.enum(['eng', 'hin', 'eng+hin'])

function parseOptions(values: CliValues) {
  const mode = extractionModeSchema.safeParse(values.mode ?? 'auto')
  if (!mode.success)
    throw new UsageError(`--mode must be auto, force-ocr or text-only (got "${values.mode}")`)
  if (values.lang === undefined) return { mode: mode.data }
  const langs = langsSchema.safeParse(values.lang)
  if (!langs.success) throw new UsageError(`--lang must be eng, hin or eng+hin (got "${values.lang}")`)
  return { mode: mode.data, langs: langs.data }
}

function describe(outcome: ReadOutcome): string {
  // readDocuments starts every error with the file already.
  if (outcome.error) return outcome.error.message
  const lines = [`== ${outcome.file} (${outcome.sha256})`]
  for (const page of outcome.pages) {
    const how =
      page.source === 'ocr'
        ? `ocr, rotation ${page.rotation}, skew ${page.skewDeg.toFixed(2)}°`
        : 'text layer'
    const status = page.error ? ` FAILED ${page.error.code}: ${page.error.message}` : ''
    lines.push(`-- page ${page.page} (${how}, confidence ${page.confidence.toFixed(0)})${status}`, page.text)
  }
  return lines.join('\n')
}

function toJson(outcomes: ReadOutcome[]) {
  return {
    files: outcomes.map((o) => ({
      file: o.file,
      ...(o.sha256 ? { sha256: o.sha256 } : {}),
      ...(o.error ? { error: o.error } : {}),
      pages: o.pages.map((p) => ({
        page: p.page,
        source: p.source,
        rotation: p.rotation,
        skewDeg: p.skewDeg,
        confidence: p.confidence,
        /** Preprocessing the OCR pass kept went through ('deskew', 'clean', …). */
        applied: p.applied,
        /** Why the page was read as it was, and how long each step took. */
        notes: p.notes,
        text: p.text,
        words: p.words.map((w) => ({ text: w.text, bbox: w.bbox, confidence: w.confidence })),
        ...(p.error ? { error: p.error } : {}),
      })),
    })),
  }
}

/** `pebble-desk documents read <files…>` (was `ocr`): DocumentText for each file, without importing it. */
export async function runDocumentsRead(
  core: DeskCore,
  values: CliValues,
  files: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (files.length === 0) throw new UsageError('documents read needs at least one file')
  const options = parseOptions(values)
  const outcomes = await readDocuments(core, {
    paths: files,
    mode: options.mode,
    ...(options.langs ? { langs: options.langs } : {}),
    useCache: !values['no-cache'],
    // Only --json prints words: the text report leaves them in the workers (most of a run over
    // thousands of text-layer pages was the main thread rebuilding words nobody printed).
    words: mode.json,
  })
  printResult(io, mode, mode.json ? toJson(outcomes) : null, outcomes.map(describe).join('\n\n'))
  for (const o of outcomes) if (o.error) io.stderr(`pebble-desk: ${o.error.message}\n`)
  const failed = outcomes.some((o) => o.error || o.pages.some((p) => p.error))
  return failed ? EXIT.failure : EXIT.ok
}
