import { createHash } from 'node:crypto'
import { toErrorEnvelope } from '../../../shared/contract'
import type { DocumentText } from '../../../shared/document-text'
import { Screener, type Profile } from '../../../shared/tenders/screening'
import { identifyFile } from '../documents/intake'
import type { DocumentPipeline, ScreenRequest, TextCache } from '../pipeline'
import { sortResults, summarise, type ScreenResult } from './result'
import { screenText, type ScreenedText } from '../../../shared/tenders/screenText'

/** What a folder of bids holds that is worth reading; other files in it are skipped. */
export const DOCUMENT_EXTENSIONS = /\.(pdf|png|jpe?g|tiff?)$/i

export interface ScreenFilesOptions {
  files: readonly string[]
  profiles: readonly Profile[]
  pipeline: DocumentPipeline
  cache?: TextCache
  mode?: DocumentText['mode']
  /** Documents in flight at once; the pipeline's pool bounds the real parallelism. */
  concurrency?: number
  /** Called as each document is done (the desk screens while the import runs). */
  onResult?(result: ScreenResult, detail: ScreenedText | null): void
  signal?: AbortSignal
  /** Largest file read: the desk's limit from settings.json. */
  maxFileBytes: number
}

/** Screens documents through one pipeline; a document that fails is listed with its error. */
export async function screenFiles(options: ScreenFilesOptions): Promise<ScreenResult[]> {
  const screener = new Screener(options.profiles)
  const request: ScreenRequest = {
    key: createHash('sha256').update(JSON.stringify(options.profiles)).digest('hex'),
    profiles: options.profiles,
  }
  const results: ScreenResult[] = []
  let next = 0
  const worker = async () => {
    while (next < options.files.length) {
      const file = options.files[next++]!
      const result = await screenOne(file, screener, request, options)
      results.push(result.summary)
      options.onResult?.(result.summary, result.detail)
    }
  }
  const lanes = Math.max(1, Math.min(options.concurrency ?? 16, options.files.length))
  await Promise.all(Array.from({ length: lanes }, worker))
  return sortResults(results)
}

async function screenOne(
  file: string,
  screener: Screener,
  request: ScreenRequest,
  options: ScreenFilesOptions,
): Promise<{ summary: ScreenResult; detail: ScreenedText | null }> {
  let sha256: string | undefined
  try {
    const identified = await identifyFile(file, options.maxFileBytes)
    sha256 = identified.sha256
    const outcome = await options.pipeline.extractScreened(
      {
        path: file,
        file,
        sha256,
        mediaType: identified.mediaType,
        mode: options.mode ?? 'auto',
        cache: options.cache,
        signal: options.signal,
      },
      request,
    )
    if ('screened' in outcome) {
      const { results, fields } = outcome.screened
      return {
        summary: summarise(file, sha256, results, fields, outcome.pageCount),
        detail: outcome.screened,
      }
    }
    const text = outcome.text
    const detail = screenText(screener, text)
    const summary = summarise(file, sha256, detail.results, detail.fields, text.pages.length)
    const failedPage = text.pages.find((p) => p.error)
    if (failedPage?.error) {
      summary.error = {
        code: failedPage.error.code,
        message: `${file}: page ${failedPage.page}: ${failedPage.error.message}`,
      }
    }
    return { summary, detail }
  } catch (error) {
    const { code, message } = toErrorEnvelope(error)
    return {
      summary: {
        file,
        ...(sha256 ? { sha256 } : {}),
        score: 0,
        relevant: false,
        profile: null,
        matches: [],
        reasons: [],
        fields: {},
        profiles: [],
        error: { code, message: message.startsWith(file) ? message : `${file}: ${message}` },
      },
      detail: null,
    }
  }
}
