import { resolve } from 'node:path'
import { toErrorEnvelope } from '../../../shared/contract'
import type { DocumentText, ExtractionMode } from '../../../shared/document-text'
import type { DeskCore } from '../core/deskCore'
import type { OcrLanguages } from '../pipeline'
import { identifyFile } from './intake'

export interface ReadDocumentsRequest {
  paths: readonly string[]
  mode?: ExtractionMode
  /** Default: the desk's OCR languages from settings. */
  langs?: OcrLanguages
  /** Reuse text read before (by content hash); default true. */
  useCache?: boolean
  /** false: only the pages' text is wanted (see ExtractRequest.words); default true. */
  words?: boolean
}

export interface ReadOutcome {
  file: string
  sha256?: string
  error?: { code: string; message: string }
  pages: DocumentText['pages']
}

/**
 * documents: text with word boxes for each page (text layer first, OCR only where a page has
 * none), for files outside any tenant. One bad file is listed with its error; the rest are read.
 */
export async function readDocuments(core: DeskCore, request: ReadDocumentsRequest): Promise<ReadOutcome[]> {
  const pipeline = core.requirePipeline()
  return Promise.all(
    request.paths.map(async (given): Promise<ReadOutcome> => {
      const path = resolve(given)
      try {
        const { sha256, mediaType } = await identifyFile(path, core.maxFileBytes)
        const text = await pipeline.extract({
          path,
          file: path,
          sha256,
          mediaType,
          mode: request.mode ?? 'auto',
          langs: request.langs ?? core.ocrLanguages,
          ...(request.words === false ? { words: false } : {}),
          ...(request.useCache === false ? {} : { cache: core.textCache }),
        })
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
}
