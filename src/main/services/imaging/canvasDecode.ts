import { onFirstUse } from '../modules/onFirstUse'
import { imageError } from './errors'
import { isGrayRgba, rgbaToGray, type RasterImage } from './raster'

/** Loaded on first decode: the native module costs a fifth of a second that text-only reading never needs. */
const napiCanvas = onFirstUse<typeof import('@napi-rs/canvas')>('@napi-rs/canvas')

/**
 * PNG and JPEG through Skia: the codec is native and fast, and the header was already checked, so
 * the only large allocation is the one the caller agreed to. The page is drawn onto white so that
 * transparent pixels read as paper.
 */
export async function decodeWithCanvas(
  bytes: Uint8Array,
  file: string,
  expect: { width: number; height: number; gray: boolean; dpi: number; format: string },
): Promise<RasterImage> {
  const { createCanvas, loadImage } = napiCanvas()
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (error) {
    throw imageError(
      'CORRUPT_FILE',
      file,
      `${expect.format} data cannot be decoded (${(error as Error).message})`,
    )
  }
  const { width, height } = image
  // EXIF orientation may swap the sides; anything else means the header lied about the size.
  const sameArea = width * height === expect.width * expect.height
  if (width <= 0 || height <= 0 || !sameArea) {
    throw imageError(
      'CORRUPT_FILE',
      file,
      `${expect.format} decoded to ${width}×${height}, header said ${expect.width}×${expect.height}`,
    )
  }
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.drawImage(image, 0, 0)
  const rgba = ctx.getImageData(0, 0, width, height).data
  // Frees the Skia surface now rather than at the next GC: a 300-dpi page holds ~34 MB there.
  canvas.width = 0
  canvas.height = 0
  // Scanners and converters often write gray pages as RGB: a quarter of the memory from here on.
  if (expect.gray || isGrayRgba(rgba, width * height))
    return { width, height, channels: 1, data: rgbaToGray(rgba, width * height), dpi: expect.dpi }
  return {
    width,
    height,
    channels: 4,
    data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength),
    dpi: expect.dpi,
  }
}
