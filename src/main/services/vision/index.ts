export type { RasterImage, GrayImage } from './raster'
export { toGray } from './raster'
export { analysePage, type PageGeometry, type Rotation, type AnalyseOptions } from './analyse'
export { detectOrientation, estimateSkew, type OrientationResult } from './detect'
export {
  enlargement,
  MAX_ENLARGED_PIXELS,
  MIN_ORIENTATION_CONFIDENCE,
  preprocess,
  type PreprocessOptions,
  type Preprocessed,
} from './preprocess'
export { denoise, binarise } from './filters'
export { cropTurned, type CropOptions } from './crop'
