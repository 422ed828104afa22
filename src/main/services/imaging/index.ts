export { countImagePages, decodeImage, DEFAULT_MAX_PIXELS, type DecodeImageOptions } from './decodeImage'
export { DEFAULT_DPI, resolveDpi, rgbaToGray, type RasterImage } from './raster'
