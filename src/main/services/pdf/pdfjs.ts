import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PDFWorker } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { InThreadPort } from './inThreadPort'
import { patchPdfjsWorker } from './pdfjsPatches'

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
type PdfWorkerPort = NonNullable<Parameters<typeof PDFWorker.create>[0]['port']>

let loading: Promise<Pdfjs> | undefined

/**
 * pdf.js ships only ESM and the main bundle is CommonJS, so it is loaded with a real dynamic
 * import (kept as `import()` by the bundler and resolved from node_modules at run time). The legacy
 * build is the one that runs on Node 20 (the modern one needs DOMMatrix).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= keepingNativeBuiltins(async () => {
    // pdf.js runs its parser in this thread. That half is loaded here, where the builtins are
    // guarded: openPdf joins it to the API over an InThreadPort, and a getDocument call without a
    // worker finds it through globalThis.pdfjsWorker, as pdf.js documents.
    const parser: unknown = await import(/* @vite-ignore */ patchedParserUrl())
    if (!isParser(parser)) throw new Error('pdf.worker.mjs does not export WorkerMessageHandler')
    workerMessageHandler = parser.WorkerMessageHandler
    Object.assign(globalThis, { pdfjsWorker: parser })
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })
  return loading
}

/** The parser half's entry point, as far as this module uses it. */
interface ParserModule {
  WorkerMessageHandler: { initializeFromPort(port: InThreadPort): void }
}

let workerMessageHandler: ParserModule['WorkerMessageHandler'] | undefined

function isParser(value: unknown): value is ParserModule {
  const handler = (value as { WorkerMessageHandler?: { initializeFromPort?: unknown } } | null)
    ?.WorkerMessageHandler
  return typeof handler?.initializeFromPort === 'function'
}

/**
 * A pdf.js worker for one document whose parser runs in this thread, joined by an `InThreadPort`
 * instead of pdf.js's cloning LoopbackPort. The caller destroys it after the document.
 */
export async function createInThreadWorker(verbosity: number): Promise<PDFWorker> {
  const pdfjs = await loadPdfjs()
  if (!workerMessageHandler) throw new Error('pdf.js parser not loaded')
  const port = new InThreadPort()
  workerMessageHandler.initializeFromPort(port)
  // pdf.js types the port as a DOM Worker; it only calls postMessage and the listener methods.
  return pdfjs.PDFWorker.create({ port: port as unknown as PdfWorkerPort, verbosity })
}

/**
 * The installed parser with `PDFJS_WORKER_PATCHES` applied, as a data: URL module: nothing is
 * written to disk (an installed app may not write beside its node_modules). On Node the parser
 * loads nothing relative to its own URL. Its one dynamic import, a JavaScript JPEG 2000 decoder
 * used only if the wasm one fails to load, would not resolve from a data: URL; the wasm decoder
 * comes through `wasmUrl` (see pdfjsAssetPaths).
 */
function patchedParserUrl(): string {
  const path = createRequire(__filename).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const source = patchPdfjsWorker(readFileSync(path, 'utf8'))
  // Stack traces still name the installed file.
  const named = `${source}\n//# sourceURL=${pathToFileURL(path).href}\n`
  return `data:text/javascript;base64,${Buffer.from(named).toString('base64')}`
}

/**
 * The legacy build bundles core-js, which on Node 20 swaps `Array.prototype.push`, `JSON.parse` and
 * `JSON.stringify` for JavaScript versions to fix edge cases pdf.js never meets (array-likes longer
 * than 2³², raw JSON). Every push and JSON call in the thread would then run through them (a tenth
 * of the time spent reading text layers went to push alone), so the engine's own are put back.
 * pdf.js's other polyfills only add what Node 20 lacks and are kept.
 */
async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const builtins: [object, string][] = [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
  ]
  const kept = builtins.map(([owner, key]) => ({
    owner,
    key,
    descriptor: Object.getOwnPropertyDescriptor(owner, key),
  }))
  try {
    return await load()
  } finally {
    for (const { owner, key, descriptor } of kept) {
      if (descriptor) Object.defineProperty(owner, key, descriptor)
    }
  }
}

/**
 * Folders inside the installed pdfjs-dist; pdf.js on Node wants file paths with a trailing slash.
 * `wasmUrl` holds its JPEG 2000, JBIG2 and ICC decoders: without it, pages of scans stored as JPEG
 * 2000 (common in scanner-made PDFs) render blank.
 */
export function pdfjsAssetPaths(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
  return {
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  }
}
