import type { ExtractionMode } from '../../../shared/document-text'
import type { Profile } from '../../../shared/tenders/screening'
import type { ScreenedText } from '../../../shared/tenders/screenText'
import type { DeskCore } from '../core/deskCore'
import { listFiles } from '../storage/walk'
import type { ScreenResult } from './result'
import { DOCUMENT_EXTENSIONS, screenFiles } from './screenFiles'

export interface ScreenDocumentsRequest {
  /** Files, or folders whose PDFs and images are read. */
  paths: readonly string[]
  profiles: readonly Profile[]
  mode?: ExtractionMode
  /** Reuse text read before (by content hash); default true. */
  useCache?: boolean
  onResult?(result: ScreenResult, detail: ScreenedText | null): void
  signal?: AbortSignal
}

/**
 * tenders: rank bid documents by screening profiles, with key fields and evidence. The one entry
 * point for `pebble-desk tenders screen`; the desk screens what it imports with the same
 * screenText over the same pipeline settings.
 */
export async function screenDocuments(
  core: DeskCore,
  request: ScreenDocumentsRequest,
): Promise<ScreenResult[]> {
  const files = await listFiles(request.paths, { include: DOCUMENT_EXTENSIONS })
  return screenFiles({
    files,
    profiles: request.profiles,
    pipeline: core.requirePipeline(),
    ...(request.useCache === false ? {} : { cache: core.textCache }),
    mode: request.mode ?? 'auto',
    maxFileBytes: core.maxFileBytes,
    ...(request.onResult ? { onResult: request.onResult } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  })
}
