import { join, resolve } from 'node:path'
import { z } from 'zod'
import { DeskError, toErrorEnvelope } from '../../../shared/contract'
import { extractionModeSchema, type DocumentText } from '../../../shared/document-text'
import { defaultDataDir } from '../../services/config/dataDir'
import { loadDeskSettings, pipelineOptionsFrom } from '../../services/config/settings'
import { identifyFile } from '../../services/documents/intake'
import { DocumentPipeline, TextCache } from '../../services/pipeline'
import { EXIT, printResult, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'

const langsSchema = z.enum(['eng', 'eng+hin'])

interface FileOutcome {
  file: string
  sha256?: string
  error?: { code: string; message: string }
  pages: DocumentText['pages']
}

function parseOptions(values: CliValues) {
  const mode = extractionModeSchema.safeParse(values.mode ?? 'auto')
  if (!mode.success)
    throw new UsageError(`--mode must be auto, force-ocr or text-only (got "${values.mode}")`)
  const langs = langsSchema.safeParse(values.lang ?? 'eng')
  if (!langs.success) throw new UsageError(`--lang must be eng or eng+hin (got "${values.lang}")`)
  const workers = values.workers === undefined ? undefined : Number(values.workers)
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) {
    throw new UsageError(`--workers must be a whole number from 1 to 64 (got "${values.workers}")`)
  }
  return { mode: mode.data, langs: langs.data, workers }
}

function describe(outcome: FileOutcome): string {
  if (outcome.error) return `${outcome.file}: ${outcome.error.message}`
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

/** `pebble-desk ocr <files…>`: DocumentText for each file, without importing it into a tenant. */
export async function runOcr(
  values: CliValues,
  files: string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (files.length === 0) throw new UsageError('ocr needs at least one file')
  const options = parseOptions(values)
  const dataDir = values['data-dir'] ?? defaultDataDir(io.env)
  const settings = await loadDeskSettings(dataDir)
  const maxBytes = Math.round(settings.limits.maxFileMb * 1024 * 1024)
  const workerScript = join(io.appRoot, 'out', 'main', 'document-worker.js')
  const pipeline = new DocumentPipeline(pipelineOptionsFrom(settings, workerScript, options.workers))
  const cache = values['no-cache'] ? undefined : new TextCache(join(dataDir, 'cache', 'text'))
  try {
    const outcomes = await Promise.all(
      files.map(async (given): Promise<FileOutcome> => {
        const path = resolve(given)
        try {
          const { sha256, mediaType } = await identifyFile(path, maxBytes)
          const text = await pipeline.extract({ path, file: path, sha256, mediaType, ...options, cache })
          return { file: path, sha256, pages: text.pages }
        } catch (error) {
          const { code, message } = toErrorEnvelope(error)
          return {
            file: path,
            error: { code, message: message.startsWith(path) ? message : `${path}: ${message}` },
            pages: [],
          }
        }
      }),
    )
    const json = {
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
          text: p.text,
          words: p.words.map((w) => ({ text: w.text, bbox: w.bbox, confidence: w.confidence })),
          ...(p.error ? { error: p.error } : {}),
        })),
      })),
    }
    printResult(io, mode, json, outcomes.map(describe).join('\n\n'))
    for (const o of outcomes) if (o.error) io.stderr(`pebble-desk: ${o.error.message}\n`)
    const failed = outcomes.some((o) => o.error || o.pages.some((p) => p.error))
    return failed ? EXIT.failure : EXIT.ok
  } catch (error) {
    throw error instanceof DeskError ? error : new DeskError('INTERNAL', (error as Error).message)
  } finally {
    await pipeline.close()
  }
}
