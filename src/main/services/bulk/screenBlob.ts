import { mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { BulkScreened } from '../../../shared/bulk/wire'
import type { RelevanceModel } from '../../../shared/learning'
import type { Profile } from '../../../shared/tenders/screening'
import type { DeskCore } from '../core/deskCore'
import { learnedRelevance } from '../learning'
import { screenFiles, type ScreenResult } from '../tenders'

/** Problems with the file itself: running it again gives the same answer, so it fails at once. */
const PERMANENT = new Set([
  'CORRUPT_FILE',
  'UNSUPPORTED_FILE',
  'ENCRYPTED',
  'FILE_TOO_LARGE',
  'INVALID_INPUT',
])

/** A failure worth retrying (a timeout, a crashed document worker); the queue retries with backoff. */
export class TransientScreenError extends Error {}

export type BlobOutcome = { screened: BulkScreened } | { failed: string }

export interface ScreenBlobRequest {
  core: DeskCore
  /** The file's name as submitted: every reason names it. */
  name: string
  bytes: Uint8Array
  sha256: string
  profiles: readonly Profile[]
  model?: { version: string; model: RelevanceModel }
  /** A scratch folder of this worker's own. */
  scratchDir: string
}

function toBulk(result: ScreenResult): BulkScreened {
  return {
    score: result.score,
    relevant: result.relevant,
    profile: result.profile,
    ...(result.pages !== undefined ? { pages: result.pages } : {}),
    reasons: result.reasons,
    matches: result.matches.map((m) => ({ term: m.term, count: m.count })),
    fields: result.fields,
  }
}

/**
 * tenders, at scale: one submitted file through the desk's own read → text layer or OCR →
 * screening → fields path (screenFiles, the function behind `tenders screen`), and the learned
 * relevance beside it when the tenant has a model. Throws TransientScreenError for what a retry
 * may fix; everything else is an outcome whose reason names the file.
 */
export async function screenBlob(request: ScreenBlobRequest): Promise<BlobOutcome> {
  // The pipeline reads paths; a folder per content keeps two files with one name apart.
  const dir = join(request.scratchDir, request.sha256)
  const path = join(dir, basename(request.name).replace(/[^\w.-]/g, '_') || 'file')
  await mkdir(dir, { recursive: true })
  try {
    await writeFile(path, request.bytes)
    const [result] = await screenFiles({
      files: [path],
      profiles: request.profiles,
      pipeline: request.core.requirePipeline(),
      cache: request.core.textCache,
      maxFileBytes: request.core.maxFileBytes,
    })
    if (!result) throw new TransientScreenError(`${request.name}: the pipeline returned no result`)
    if (result.error) {
      const reason = `${request.name}: ${result.error.message
        .split(path)
        .join('')
        .replace(/^[:\s]+/, '')}`
      if (PERMANENT.has(result.error.code)) return { failed: reason }
      throw new TransientScreenError(`${reason} (${result.error.code})`)
    }
    const screened = toBulk(result)
    if (request.model) {
      const verdict = (await learnedRelevance(request.core, [path], request.model.model)).get(path)
      if (verdict) {
        screened.learned = {
          probability: verdict.probability,
          relevant: verdict.relevant,
          modelVersion: request.model.version,
        }
      }
    }
    return { screened }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
