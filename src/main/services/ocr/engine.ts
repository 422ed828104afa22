import type { RasterImage } from '../vision'
import { toGray } from '../vision'
import {
  defaultCacheDir,
  fastModelFolder,
  languagePath,
  type OcrLanguages,
  type OcrModel,
} from './language-data'
import { encodePgm, pgmSize } from './netpbm'
import { createPaddleEngine } from './paddle'
import { loadTesseract, type TesseractWorker } from './tesseract'
import { mean, parseTsv } from './tsv'
import { PSM_CODES, type OcrResult, type RecognizeOptions } from './types'
import { oneAtATime } from './serial'

/**
 * `tesseract` (tesseract.js, the default) or `paddle` (PaddleOCR PP-OCRv4 run by onnxruntime-node,
 * English only; see src/main/services/ocr/paddle).
 */
export type OcrEngineKind = 'tesseract' | 'paddle'

export interface OcrEngineOptions {
  langs: OcrLanguages
  /** Default `tesseract`. */
  engine?: OcrEngineKind
  /** Default `best`, as in the desk's settings. */
  model?: OcrModel
  /** Folder with `<lang>.traineddata.gz` overriding the npm packages (e.g. unpacked from an asar). */
  dataDir?: string
  /** Writable scratch folder (multi-language staging); defaults to a folder under os.tmpdir(). */
  cachePath?: string
}

export interface OcrEngine {
  /** What read the page, for the page's notes (e.g. `tesseract.js lstm`). */
  readonly name: string
  readonly langs: OcrLanguages
  recognize(image: RasterImage, options?: RecognizeOptions): Promise<OcrResult>
  terminate(): Promise<void>
}

/**
 * One tesseract.js worker (or, with `engine: 'paddle'`, one pair of ONNX sessions); calls are
 * serialised, since one instance holds one image.
 */
export async function createOcrEngine(options: OcrEngineOptions): Promise<OcrEngine> {
  if (options.engine === 'paddle') return createPaddleEngine({ langs: options.langs })
  const tesseract = loadTesseract()
  const cachePath = options.cachePath ?? defaultCacheDir()
  const fast = (options.model ?? 'best') === 'fast' && !options.dataDir
  // The fast models sit side by side in one folder, so no staging is needed for eng+hin.
  const langPath = fast
    ? fastModelFolder()
    : languagePath(options.langs, { dataDir: options.dataDir, cachePath })
  // cacheMethod 'none': never write unpacked models anywhere (tesseract.js defaults to the CWD);
  // gunzipping best_int at start-up costs a few tens of milliseconds.
  const worker = await tesseract.createWorker(options.langs, tesseract.OEM.LSTM_ONLY, {
    langPath,
    gzip: !fast,
    cacheMethod: 'none',
    cachePath,
  })
  await worker.setParameters({
    // Table columns keep their spacing in the text output.
    preserve_interword_spaces: '1',
  })
  const serial = oneAtATime()
  const scratch = new PageScratch()
  let terminated = false
  return {
    name: 'tesseract.js lstm',
    langs: options.langs,
    recognize: (image, opts = {}) => {
      if (terminated) return Promise.reject(new Error('OCR engine terminated'))
      return serial.run(() => recognizeWith(worker, image, opts, scratch))
    },
    terminate: async () => {
      if (terminated) return
      terminated = true
      await serial.settled()
      await worker.terminate()
    },
  }
}

/**
 * The page image handed to tesseract.js, in shared memory kept from one page to the next when the
 * size repeats (a scanned document's pages mostly do). Shared, because posting an ArrayBuffer to
 * tesseract.js's thread copies all of it (~35 ms for a 300-dpi page) while a SharedArrayBuffer goes
 * over as it is; kept, because a fresh 8 MB buffer a page cost ~35 ms more in first-touch page
 * faults. Reuse is safe because calls are serialised and tesseract.js has written the bytes into its
 * own file system by the time a call settles. Cell crops get buffers of their own.
 */
class PageScratch {
  private shared: SharedArrayBuffer | undefined

  encode(gray: { width: number; height: number; data: Uint8Array }): ArrayBufferLike {
    const size = pgmSize(gray.width, gray.height)
    if (size < PAGE_SIZED_BYTES) return encodePgm(gray.width, gray.height, gray.data).buffer
    if (this.shared?.byteLength !== size) this.shared = new SharedArrayBuffer(size)
    encodePgm(gray.width, gray.height, gray.data, this.shared)
    return this.shared
  }
}

/** Images at least this large are pages (a cell crop at 3× is well under). */
const PAGE_SIZED_BYTES = 1 << 20

async function recognizeWith(
  worker: TesseractWorker,
  image: RasterImage,
  opts: RecognizeOptions,
  scratch: PageScratch,
): Promise<OcrResult> {
  const psm = opts.psm ?? 'auto'
  const dpi = Math.round(Math.min(2400, Math.max(70, opts.dpi ?? (image.dpi || 300))))
  await worker.setParameters({
    tessedit_pageseg_mode: PSM_CODES[psm],
    user_defined_dpi: String(dpi),
    tessedit_do_invert: opts.invertedText ? '1' : '0',
    // Set on every call, so a whitelisted cell read never narrows the next page's characters.
    tessedit_char_whitelist: opts.charWhitelist ?? '',
  })
  // A buffer, not a Uint8Array: tesseract.js copies a typed array before sending it on.
  const { data } = await worker.recognize(
    scratch.encode(toGray(image)),
    {},
    {
      text: true,
      tsv: true,
    },
  )
  const layout = parseTsv(data.tsv ?? '')
  return {
    text: (data.text ?? '').replace(/[ \t]+$/gm, '').trim(),
    confidence: mean(layout.words.map((w) => w.confidence)),
    ...layout,
    psm,
  }
}
