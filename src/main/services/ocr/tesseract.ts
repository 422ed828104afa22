import { createRequire } from 'node:module'

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
  const require = createRequire(__filename)
  return require('tesseract.js') as TesseractModule
}
