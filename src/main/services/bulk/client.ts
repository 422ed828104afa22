import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { relative } from 'node:path'
import type { z } from 'zod'
import {
  createdRunSchema,
  runListSchema,
  runResultsSchema,
  runStatusSchema,
  startedRunSchema,
  storedBlobSchema,
  type BulkFileEntry,
  type RunResults,
  type RunStatus,
} from '../../../shared/bulk/wire'
import { DeskError } from '../../../shared/contract'
import type { Profile } from '../../../shared/tenders/screening'
import { listFiles } from '../storage/walk'
import { DOCUMENT_EXTENSIONS } from '../tenders/screenFiles'

export interface HubTarget {
  hubUrl: string
  /** The desk token `hub create-desk` printed: the run belongs to that desk's tenant. */
  token: string
}

async function call<T>(
  target: HubTarget,
  method: string,
  path: string,
  schema: z.ZodType<T>,
  body?: { json: unknown } | { bytes: Buffer },
): Promise<T> {
  const url = new URL(path, target.hubUrl)
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}` }
  let payload: string | Uint8Array<ArrayBuffer> | undefined
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body.json)
  } else if (body) {
    headers['content-type'] = 'application/octet-stream'
    payload = new Uint8Array(body.bytes)
  }
  let response: Response
  try {
    response = await fetch(url, { method, headers, ...(payload !== undefined ? { body: payload } : {}) })
  } catch (error) {
    throw new DeskError('DISCONNECTED', `hub ${url.origin}: ${(error as Error).message}`)
  }
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new DeskError(
      'INTERNAL',
      `hub ${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`,
    )
  }
  if (!response.ok) {
    const message = (json as { message?: unknown }).message
    throw new DeskError(
      response.status === 401 || response.status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT',
      `hub ${method} ${path}: HTTP ${response.status}: ${typeof message === 'string' ? message : text.slice(0, 200)}`,
    )
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success)
    throw new DeskError('INTERNAL', `hub ${method} ${path}: unexpected answer: ${parsed.error.message}`)
  return parsed.data
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export interface SubmitRequest extends HubTarget {
  /** Files, or folders whose PDFs and images are sent. */
  paths: readonly string[]
  profiles: readonly Profile[]
  /** Checked by the hub against the token's tenant. */
  tenant?: string
  /** Names are shown relative to this folder (default: the current one). */
  base?: string
  onProgress?(step: 'hashed' | 'uploaded', done: number, total: number): void
}

export interface Submitted {
  runId: string
  files: number
  uploaded: number
  enqueued: number
}

/**
 * Sends a folder of bids to the hub for bulk screening: every file is named by its content hash,
 * only contents the hub lacks are uploaded (a re-submit uploads nothing), then the run starts.
 */
export async function submitBulk(request: SubmitRequest): Promise<Submitted> {
  const paths = await listFiles(request.paths, { include: DOCUMENT_EXTENSIONS })
  if (paths.length === 0)
    throw new DeskError('INVALID_INPUT', `no PDF or image files in ${request.paths.join(', ')}`)
  const base = request.base ?? process.cwd()
  const entries: Array<BulkFileEntry & { path: string }> = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) throw new DeskError('NOT_FOUND', `${path}: no such file`, { file: path })
    entries.push({ path, name: relative(base, path) || path, sha256: await hashFile(path), size: info.size })
    request.onProgress?.('hashed', entries.length, paths.length)
  }
  const created = await call(request, 'POST', '/v1/bulk/runs', createdRunSchema, {
    json: {
      profiles: request.profiles,
      files: entries.map(({ name, sha256, size }) => ({ name, sha256, size })),
    },
  })
  const bySha = new Map(entries.map((e) => [e.sha256, e.path]))
  let next = 0
  let uploaded = 0
  const lane = async () => {
    while (next < created.missing.length) {
      const sha256 = created.missing[next++]!
      const bytes = await readFile(bySha.get(sha256)!)
      await call(request, 'PUT', `/v1/bulk/blobs/${sha256}`, storedBlobSchema, { bytes })
      uploaded += 1
      request.onProgress?.('uploaded', uploaded, created.missing.length)
    }
  }
  await Promise.all(Array.from({ length: 4 }, lane))
  const started = await call(request, 'POST', `/v1/bulk/runs/${created.runId}/start`, startedRunSchema, {
    json: {},
  })
  return { runId: created.runId, files: entries.length, uploaded, enqueued: started.enqueued }
}

export function bulkStatus(target: HubTarget, runId?: string): Promise<RunStatus[]> {
  if (runId) return call(target, 'GET', `/v1/bulk/runs/${runId}`, runStatusSchema).then((s) => [s])
  return call(target, 'GET', '/v1/bulk/runs', runListSchema).then((l) => l.runs)
}

export function bulkResults(target: HubTarget, runId: string): Promise<RunResults> {
  return call(target, 'GET', `/v1/bulk/runs/${runId}/results`, runResultsSchema)
}
