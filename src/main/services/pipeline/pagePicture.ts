import type { RasterImage } from '../imaging'
import { onFirstUse } from '../modules/onFirstUse'

/** Loaded on first picture: a document worker that only reads text layers never needs Skia. */
const napiCanvas = onFirstUse<typeof import('@napi-rs/canvas')>('@napi-rs/canvas')

function toRgba(image: RasterImage): Uint8ClampedArray {
  if (image.channels === 4)
    return new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
  const pixels = image.width * image.height
  const rgba = new Uint8ClampedArray(pixels * 4)
  for (let i = 0; i < pixels; i++) {
    const o = i * 4
    if (image.channels === 1) {
      const v = image.data[i] ?? 0
      rgba[o] = v
      rgba[o + 1] = v
      rgba[o + 2] = v
    } else {
      rgba[o] = image.data[i * 3] ?? 0
      rgba[o + 1] = image.data[i * 3 + 1] ?? 0
      rgba[o + 2] = image.data[i * 3 + 2] ?? 0
    }
    rgba[o + 3] = 255
  }
  return rgba
}

/**
 * One box of a page, a few pixels wider on every side (OCR boxes hug the ink), as a gray PNG.
 * Boxes reaching past the page are clipped; an empty one is refused.
 */
export function encodeCrop(
  image: RasterImage,
  box: readonly [number, number, number, number],
  padding = 4,
): { width: number; height: number; png: Uint8Array<ArrayBuffer> } {
  const x0 = Math.max(0, Math.floor(Math.min(box[0], box[2]) - padding))
  const y0 = Math.max(0, Math.floor(Math.min(box[1], box[3]) - padding))
  const x1 = Math.min(image.width, Math.ceil(Math.max(box[0], box[2]) + padding))
  const y1 = Math.min(image.height, Math.ceil(Math.max(box[1], box[3]) + padding))
  if (x1 - x0 < 1 || y1 - y0 < 1) throw new Error(`box ${box.join(',')} is outside the page`)
  const { createCanvas, ImageData } = napiCanvas()
  const source = createCanvas(image.width, image.height)
  source.getContext('2d').putImageData(new ImageData(toRgba(image), image.width, image.height), 0, 0)
  const target = createCanvas(x1 - x0, y1 - y0)
  target.getContext('2d').drawImage(source, x0, y0, x1 - x0, y1 - y0, 0, 0, x1 - x0, y1 - y0)
  return { width: x1 - x0, height: y1 - y0, png: Uint8Array.from(target.toBuffer('image/png')) }
}

/** Scales a page image to `width` pixels wide (never up) and encodes it as PNG for the viewer. */
export function encodePagePicture(
  image: RasterImage,
  width: number,
): { width: number; height: number; png: Uint8Array<ArrayBuffer> } {
  const { createCanvas, ImageData } = napiCanvas()
  const source = createCanvas(image.width, image.height)
  source.getContext('2d').putImageData(new ImageData(toRgba(image), image.width, image.height), 0, 0)
  const scale = Math.min(1, width / image.width)
  const outWidth = Math.max(1, Math.round(image.width * scale))
  const outHeight = Math.max(1, Math.round(image.height * scale))
  const target = createCanvas(outWidth, outHeight)
  const context = target.getContext('2d')
  context.imageSmoothingQuality = 'high'
  context.drawImage(source, 0, 0, outWidth, outHeight)
  return { width: outWidth, height: outHeight, png: Uint8Array.from(target.toBuffer('image/png')) }
}
