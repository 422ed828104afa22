import type { BBox } from '../../../shared/document-text/schema'

/** Page segmentation: 'auto' for running text, 'sparse' for tables and forms (text anywhere, no order). */
export type Psm = 'auto' | 'single-column' | 'single-block' | 'single-line' | 'sparse'

export const PSM_CODES: Record<Psm, string> = {
  auto: '3',
  'single-column': '4',
  'single-block': '6',
  'single-line': '7',
  sparse: '11',
}

export interface OcrWord {
  text: string
  bbox: BBox
  confidence: number
}

export interface OcrLine {
  text: string
  bbox: BBox
  confidence: number
  wordIndexes: number[]
}

export interface OcrBlock {
  bbox: BBox
  confidence: number
  lineIndexes: number[]
}

export interface OcrResult {
  text: string
  /** Mean word confidence 0..100. */
  confidence: number
  /** Boxes in pixels of the image given to recognize(). */
  words: OcrWord[]
  lines: OcrLine[]
  blocks: OcrBlock[]
  psm: Psm
}

export interface RecognizeOptions {
  psm?: Psm
  /** Resolution of the image; defaults to image.dpi. Tesseract sizes its noise filters from it. */
  dpi?: number
  /**
   * Also try each poorly recognised line inverted (white on black). Off by default: it costs about a
   * third more time on pages with photos and halftones and rarely finds text on scanned documents.
   */
  invertedText?: boolean
  /**
   * Only these characters may be read (tessedit_char_whitelist), e.g. digits for a numeric cell read
   * again on its own; every other call reads any character.
   */
  charWhitelist?: string
}
