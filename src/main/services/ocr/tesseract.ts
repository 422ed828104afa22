import { createRequire } from 'node:module'

/**
 * The part of tesseract.js 7 this folder calls, typed (its own typings use `any` and DOM types).
 * One `TesseractWorker` is one tesseract.js worker thread with one wasm Tesseract instance.
 */
export interface TesseractWorker {
  setParameters(params: Record<string, string>): Promise<unknown>
  recognize(
    image: Uint8Array,
    options: Record<string, never>,
    output: { text: boolean; tsv: boolean; blocks?: boolean; hocr?: boolean },
  ): Promise<{ data: { text: string | null; tsv: string | null; confidence: number | null } }>
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
  OEM: { LSTM_ONLY: number }
}

export function loadTesseract(): TesseractModule {
  const require = createRequire(__filename)
  return require('tesseract.js') as TesseractModule
}
