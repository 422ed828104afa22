import type { RasterImage } from '../imaging'

export type { RasterImage }

export interface GrayImage extends RasterImage {
  channels: 1
}

/** Luma (BT.601); a gray image is returned as is, without a copy. */
export function toGray(image: RasterImage): GrayImage {
  if (image.channels === 1) return image as GrayImage
  const { width, height, channels, data } = image
  const n = width * height
  const out = new Uint8Array(n)
  for (let i = 0, p = 0; i < n; i++, p += channels) {
    let y = (data[p]! * 299 + data[p + 1]! * 587 + data[p + 2]! * 114 + 500) / 1000
    // Transparent pixels read as paper, not as black.
    if (channels === 4) {
      const a = data[p + 3]!
      y = (y * a + 255 * (255 - a)) / 255
    }
    out[i] = y
  }
  return { width, height, channels: 1, data: out, dpi: image.dpi }
}
