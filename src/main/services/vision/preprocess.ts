import { analysePage, type PageGeometry, type Rotation } from './analyse'
import { binarise, denoise } from './filters'
import { toGray, type GrayImage, type RasterImage } from './raster'
import { apply, compose, deskewMap, IDENTITY, invert, quarterTurn, renderAffine, resize } from './transform'

export interface PreprocessOptions {
  orientation?: boolean
  deskew?: boolean
  denoise?: boolean
  binarise?: boolean
  /** Below this orientation confidence (0..1) the page is left as scanned: a wrong turn costs more than none. */
  minOrientationConfidence?: number
  /** A turn decided elsewhere (tesseract's OSD, asked when the page's own heuristic was unsure). */
  rotation?: Rotation
  /** Smaller skews are left to the OCR engine, which handles them; resampling would only blur. */
  minSkewDeg?: number
  maxSkewDeg?: number
  /**
   * Print larger than this (median glyph height, pixels) is scaled down to it once the page is
   * turned and deskewed (scaling first changed how tesseract split a skewed page's columns): layout
   * analysis costs in proportion to the pixels, and glyphs this tall already carry the detail OCR
   * uses. Unset: never scaled.
   */
  glyphTargetPx?: number
  /**
   * Print smaller than this (median glyph height, pixels: 10-pt text scanned at 150 dpi) is
   * enlarged, at most twice, towards `glyphTargetPx`: tesseract misreads letters only a dozen
   * pixels tall. Unset: never enlarged.
   */
  glyphMinPx?: number
}

export interface Preprocessed {
  /** Gray; the input itself when nothing had to change. */
  image: GrayImage
  rotation: Rotation
  skewDeg: number
  /** Image pixels per original pixel (1 unless the print was scaled towards `glyphTargetPx`). */
  scale: number
  /** e.g. 'shrink', 'enlarge', 'rotate-90', 'deskew', 'denoise', 'binarise'. */
  applied: string[]
  /** Maps a point of `image` (pixel-edge coordinates) back onto the original page. */
  toPage: (x: number, y: number) => [number, number]
  geometry: PageGeometry | undefined
}

/** The orientation confidence below which a page is left as scanned unless told otherwise. */
export const MIN_ORIENTATION_CONFIDENCE = 0.5

export function preprocess(input: RasterImage, options: PreprocessOptions = {}): Preprocessed {
  const { orientation = true, deskew = true } = options
  const minConfidence = options.minOrientationConfidence ?? MIN_ORIENTATION_CONFIDENCE
  const minSkew = options.minSkewDeg ?? 0.2
  let image = toGray(input)
  const applied: string[] = []
  let rotation: Rotation = 0
  let skewDeg = 0
  let geometry: PageGeometry | undefined
  if (orientation || deskew) {
    geometry = analysePage(image, { maxSkewDeg: options.maxSkewDeg })
    if (orientation && geometry.orientationConfidence >= minConfidence) rotation = geometry.rotation
    if (options.rotation !== undefined) rotation = options.rotation
    if (deskew && Math.abs(geometry.skewDeg) >= minSkew) skewDeg = geometry.skewDeg
  }
  let [map, width, height] = quarterTurn(rotation, image.width, image.height)
  if (skewDeg !== 0) {
    const [skew, w2, h2] = deskewMap(skewDeg, width, height)
    map = compose(skew, map)
    width = w2
    height = h2
  }
  if (rotation !== 0 || skewDeg !== 0) {
    image = renderAffine(image, map, rotation, width, height, skewDeg !== 0)
    if (rotation !== 0) applied.push(`rotate-${rotation}`)
    if (skewDeg !== 0) applied.push('deskew')
  }
  let scale = 1
  let scaled = IDENTITY
  const glyph = geometry?.glyphHeightPx ?? 0
  const target = options.glyphTargetPx
  // Below a fifth smaller the saving would not pay for the resampling; never below half size.
  if (target && glyph > target * RESAMPLE_WORTHWHILE) {
    ;[image, scaled] = resize(image, Math.max(MIN_SCALE, target / glyph))
    scale = scaled.a
    applied.push('shrink')
  } else if (target && options.glyphMinPx && glyph > 0 && glyph < options.glyphMinPx) {
    const factor = enlargement(glyph, target, image.width, image.height)
    if (factor > 1) {
      ;[image, scaled] = resize(image, factor)
      scale = scaled.a
      applied.push('enlarge')
    }
  }
  if (options.denoise) {
    image = denoise(image)
    applied.push('denoise')
  }
  if (options.binarise) {
    image = binarise(image)
    applied.push('binarise')
  }
  const back = invert(compose(scaled, map))
  return { image, rotation, skewDeg, scale, applied, toPage: (x, y) => apply(back, x, y), geometry }
}

const RESAMPLE_WORTHWHILE = 1.25
const MIN_SCALE = 0.5
const MAX_SCALE = 2

/** An enlarged page stays within this many pixels: A4 at 600 dpi. */
export const MAX_ENLARGED_PIXELS = 36_000_000

/**
 * How much small print is enlarged: towards `target`, at most twice, and never past
 * MAX_ENLARGED_PIXELS (a poster scanned at low resolution would otherwise take gigabytes to read);
 * 1 when the room left is too little to be worth the resampling.
 */
export function enlargement(glyphPx: number, targetPx: number, width: number, height: number): number {
  const room = Math.sqrt(MAX_ENLARGED_PIXELS / Math.max(1, width * height))
  const factor = Math.min(MAX_SCALE, targetPx / glyphPx, room)
  return factor >= RESAMPLE_WORTHWHILE ? factor : 1
}
