import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DeskError } from '../../../shared/contract'
import { loadDeskSettings, pipelineOptionsFrom, type DeskSettings } from '../config/settings'
import { DocumentPipeline, TextCache, type OcrLanguages } from '../pipeline'

export interface DeskCoreOptions {
  /** Where tenants, caches and settings.json live. */
  dataDir: string
  /** The built document worker (out/main/document-worker.js); without it documents are not read. */
  workerScript?: string
  /** Worker threads; a command-line --workers wins over settings.json. */
  workers?: number
  /** Largest file accepted, in bytes; default from settings.json. */
  maxFileBytes?: number
}

/**
 * What every capability's entry point runs on: the desk's settings and one document pipeline
 * built from them. The desk, the command line and the bridge all open it the same way, so a
 * setting in settings.json means the same thing whichever host reads a document.
 */
export interface DeskCore {
  readonly dataDir: string
  readonly settings: DeskSettings
  readonly maxFileBytes: number
  readonly ocrLanguages: OcrLanguages
  readonly pipeline: DocumentPipeline | null
  /** The pipeline, or a clear error when this installation has no document worker. */
  requirePipeline(): DocumentPipeline
  /** DocumentText by content hash for files read outside a tenant (command-line runs). */
  readonly textCache: TextCache
  close(): Promise<void>
}

/** The built document worker under an app root, where this installation has one. */
export function documentWorkerScript(appRoot: string): string | undefined {
  const script = join(appRoot, 'out', 'main', 'document-worker.js')
  return existsSync(script) ? script : undefined
}

export async function openDeskCore(options: DeskCoreOptions): Promise<DeskCore> {
  const settings = await loadDeskSettings(options.dataDir)
  const pipelineOptions = options.workerScript
    ? pipelineOptionsFrom(settings, options.workerScript, options.workers)
    : null
  const pipeline = pipelineOptions ? new DocumentPipeline(pipelineOptions) : null
  return {
    dataDir: options.dataDir,
    settings,
    maxFileBytes: options.maxFileBytes ?? Math.round(settings.limits.maxFileMb * 1024 * 1024),
    ocrLanguages: settings.ocr.languages,
    pipeline,
    requirePipeline() {
      if (!pipeline) {
        throw new DeskError('INTERNAL', 'this installation has no document worker: run `npm run build` first')
      }
      return pipeline
    },
    textCache: new TextCache(join(options.dataDir, 'cache', 'text')),
    close: async () => pipeline?.close(),
  }
}
