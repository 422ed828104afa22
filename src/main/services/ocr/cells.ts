import type { BBox } from '../../../shared/document-text/schema'
import { cropTurned, toGray, type RasterImage, type Rotation } from '../vision'
import type { OcrEngine } from './engine'

/**
 * What a number in a results table can be printed with: digits, a decimal point, bounds, a sign, %,
 * and the space between them (without it the engine must join "0.18 %" into one word, unsure of all).
 */
export const NUMERIC_CHARS = '0123456789.,<>≤≥-% '
/** What a unit is printed with ("cfu/g", "mg/kg", "% w/w", "µg/g"). */
export const UNIT_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZµ0123456789/%. '

export interface CellReading {
  text: string
  /** Lowest confidence of the reading's words with digits, 0–100 (0 when no digit was read). */
  confidence: number
}

export interface CellLook {
  scale: number
  denoise: boolean
}

export interface ReadCellsOptions {
  /** How the page was turned and deskewed when it was read (PageText.rotation, skewDeg). */
  rotation: Rotation
  skewDeg: number
  /**
   * Each box is read once per look: scaled up by `scale` (output pixels per page pixel), after a 3×3
   * median when `denoise`. Default: 2× and 3×, not denoised.
   */
  looks?: readonly CellLook[]
  /**
   * What the boxes hold: a number (NUMERIC_CHARS; sure as its digits are) or a unit (UNIT_CHARS;
   * sure as its least sure word). Default a number.
   */
  kind?: 'number' | 'unit'
}

/**
 * Reads boxes of a page again, each on its own: cropped from the page OCR read (turned and
 * deskewed as it was, with a little white around it), scaled up, as one line of text with only the
 * whitelisted characters. A crop holds just the value, so neither the neighbouring columns nor the
 * page's layout analysis can pull a speck or a ruling line into it the way a page reading can.
 */
export async function readCells(
  engine: OcrEngine,
  image: RasterImage,
  boxes: readonly BBox[],
  options: ReadCellsOptions,
): Promise<CellReading[][]> {
  const gray = toGray(image)
  const unit = options.kind === 'unit'
  const looks = options.looks ?? [
    { scale: 2, denoise: false },
    { scale: 3, denoise: false },
  ]
  const out: CellReading[][] = []
  for (const box of boxes) {
    const height = Math.abs(box[3] - box[1])
    // Enough white for the engine to see a line; little enough sideways that a ruling line beside
    // a cell stays out.
    const margin: [number, number] = [
      Math.max(2, Math.round(height * 0.25)),
      Math.max(3, Math.round(height * 0.35)),
    ]
    const reads: CellReading[] = []
    for (const { scale, denoise } of looks) {
      const crop = cropTurned(gray, box, { ...options, scale, denoise, margin, clean: true })
      const result = await engine.recognize(crop, {
        psm: 'single-line',
        dpi: crop.dpi,
        charWhitelist: unit ? UNIT_CHARS : NUMERIC_CHARS,
      })
      // How sure of the number: its digits' words (a "%" or a speck beside it may be read unsure).
      const numeric = unit ? result.words : result.words.filter((w) => /\d/.test(w.text))
      reads.push({
        text: result.words.map((w) => w.text).join(' '),
        confidence: numeric.length ? Math.min(...numeric.map((w) => w.confidence)) : 0,
      })
    }
    out.push(reads)
  }
  return out
}
