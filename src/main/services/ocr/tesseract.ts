import { createRequire } from 'node:module'
import { setFlagsFromString } from 'node:v8'

/**
 * The part of tesseract.js 7 this folder calls, typed (its own typings use `any` and DOM types).
 * One `TesseractWorker` is one tesseract.js worker thread with one wasm Tesseract instance.
 */
export interface TesseractWorker {
  setParameters(params: Record<string, string>): Promise<unknown>
  recognize(
    image: Uint8Array | ArrayBufferLike,
    options: Record<string, never>,
    output: { text: boolean; tsv: boolean; blocks?: boolean; hocr?: boolean },
  ): Promise<{ data: { text: string | null; tsv: string | null; confidence: number | null } }>
  terminate(): Promise<unknown>
}

/** A tesseract.js worker started with the legacy core and `osd`: it only tells which way up a page is. */
export interface TesseractOsdWorker {
  detect(image: Uint8Array): Promise<{
    data: { orientation_degrees: number | null; orientation_confidence: number | null }
  }>
  terminate(): Promise<unknown>
}

interface TesseractModule {
  createWorker(
    langs: string,
    oem: number,
    options: {
      langPath: string
      gzip: boolean
      cacheMethod: 'none'
      cachePath?: string
      logger?: () => void
    },
  ): Promise<TesseractWorker>
  createWorker(
    langs: 'osd',
    oem: number,
    options: {
      langPath: string
      gzip: boolean
      cacheMethod: 'none'
      legacyCore: true
      legacyLang: true
    },
  ): Promise<TesseractOsdWorker>
  OEM: { LSTM_ONLY: number; TESSERACT_ONLY: number }
}

export function loadTesseract(): TesseractModule {
  enableRelaxedSimd()
  enableWasmInlining()
  const require = createRequire(__filename)
  return require('tesseract.js') as TesseractModule
}

// The Node typings of this project leave out the DOM lib, where WebAssembly is declared.
declare const WebAssembly: { validate(bytes: Uint8Array): boolean }

/**
 * A module of one relaxed-SIMD instruction (i8x16.relaxed_swizzle): valid only where the engine
 * compiles relaxed SIMD, which is what tesseract.js checks before picking its core.
 */
const RELAXED_SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15, 65, 2,
  253, 15, 253, 128, 2, 11,
])

/**
 * Lets tesseract.js load its relaxed-SIMD core, whose int8 dot products run the LSTM layers of the
 * integer models (tessdata_fast and best_int alike) in fewer instructions: 2-3% less CPU a page on
 * this machine, with the same words, boxes and confidences as the plain SIMD core on the bench
 * pages. Chromium (the Electron shell) ships relaxed SIMD; Node 20's V8 has it complete but behind a
 * flag, which is process-wide and read when a worker thread compiles, so setting it before the
 * first engine starts is enough. Where the flag is unknown or refused, tesseract.js falls back to
 * its plain SIMD core as before. The probe is this module's own, not wasm-feature-detect's (which
 * tesseract.js uses): that package is only a dependency of a dependency here.
 */
export function enableRelaxedSimd(): boolean {
  if (WebAssembly.validate(RELAXED_SIMD_PROBE)) return true
  setFlagsFromString('--experimental-wasm-relaxed-simd')
  return WebAssembly.validate(RELAXED_SIMD_PROBE)
}

/**
 * Lets V8's optimising compiler inline small wasm functions into their callers, as later V8s (the
 * Electron shell's Chromium among them) do by default; Node 20's V8 has it, off. Tesseract's
 * network and layout code calls many small accessors (stride-map indices, list iterators) across
 * what were separate C++ files. Measured on the bench pages with tessdata_fast: the same words,
 * boxes and confidences (TSV of 10 pages, twice, byte for byte), and 2-5% less engine time a page in
 * side-by-side runs. The flag is process-wide and read when a worker thread's engine is compiled.
 */
export function enableWasmInlining(): void {
  setFlagsFromString('--wasm-inlining')
}
