import { join } from 'node:path'
import type { BBox } from '../../../../shared/document-text/schema'
import type { RasterImage } from '../../vision'
import { toGray } from '../../vision'
import type { OcrLanguages } from '../language-data'
import type { OcrResult, RecognizeOptions } from '../types'
import { detectText, DETECT_DEFAULTS } from './detect'
import { assemble } from './layout'
import { loadCharacters, PADDLE_MODEL_FILES, PADDLE_MODEL_NAME, paddleModelFolder } from './models'
import { openSession } from './onnx'
import { recognizeLines } from './recognize'
import { oneAtATime } from '../serial'

export interface PaddleEngine {
  readonly name: string
  readonly langs: OcrLanguages
  recognize(image: RasterImage, options?: RecognizeOptions): Promise<OcrResult>
  terminate(): Promise<void>
}

/**
 * PaddleOCR's PP-OCRv4 detector and recogniser run by onnxruntime-node, on the thread that calls it
 * (the desk's document workers). It reads Latin script, digits and Chinese; it has no Hindi.
 * Calls are serialised, like the tesseract engine's.
 */
export async function createPaddleEngine(options: {
  langs: OcrLanguages
  modelDir?: string
}): Promise<PaddleEngine> {
  if (options.langs !== 'eng')
    throw new Error(`the paddle OCR engine reads English (Latin script) only, not ${options.langs}`)
  const dir = options.modelDir ?? paddleModelFolder()
  const [det, rec] = await Promise.all([
    openSession(join(dir, PADDLE_MODEL_FILES.detection)),
    openSession(join(dir, PADDLE_MODEL_FILES.recognition)),
  ])
  const characters = loadCharacters(join(dir, PADDLE_MODEL_FILES.dictionary))
  const serial = oneAtATime()
  let terminated = false
  return {
    name: `paddleocr ${PADDLE_MODEL_NAME} (onnxruntime)`,
    langs: options.langs,
    recognize: (image, opts = {}) => {
      if (terminated) return Promise.reject(new Error('OCR engine terminated'))
      return serial.run(async () => {
        checkImage(image)
        const gray = toGray(image)
        const psm = opts.psm ?? 'auto'
        // A single line is recognised whole; anything else is detected first.
        const boxes: BBox[] =
          psm === 'single-line'
            ? [[0, 0, gray.width, gray.height]]
            : (await detectText(det, gray, DETECT_DEFAULTS)).map((b) => b.bbox)
        const lines = await recognizeLines(rec, characters, gray, boxes)
        return { ...assemble(lines), psm }
      })
    },
    terminate: async () => {
      if (terminated) return
      terminated = true
      await serial.settled()
      await Promise.all([det.release(), rec.release()])
    },
  }
}

function checkImage(image: RasterImage): void {
  const { width, height, channels, data } = image
  if (!(width > 0 && height > 0) || !Number.isInteger(width) || !Number.isInteger(height))
    throw new Error(`paddle OCR: empty image (${width}×${height} pixels)`)
  if (data.length < width * height * channels)
    throw new Error(
      `paddle OCR: corrupt image (${data.length} bytes for ${width}×${height}×${channels} pixels)`,
    )
}
