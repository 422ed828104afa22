import { readFileSync } from 'node:fs'
import { decodeImage, DEFAULT_MAX_PIXELS } from '../../../../src/main/services/imaging'
import { toGray, type GrayImage } from '../../../../src/main/services/vision'
import { corpusFile } from '../../../support/corpus'

export async function corpusGray(name: string): Promise<GrayImage> {
  const bytes = new Uint8Array(readFileSync(corpusFile(name)))
  const [image] = await decodeImage(bytes, { file: name, maxPixels: DEFAULT_MAX_PIXELS })
  return toGray(image!)
}

/** Plain-JS clockwise quarter turns, independent of the code under test. */
export function turnClockwise(img: GrayImage, quarter: 1 | 2 | 3): GrayImage {
  const { width: w, height: h, data } = img
  const [ow, oh] = quarter === 2 ? [w, h] : [h, w]
  const out = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] =
        quarter === 1 ? [h - 1 - y, x] : quarter === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x]
      out[ny * ow + nx] = data[y * w + x]!
    }
  }
  return { width: ow, height: oh, channels: 1, data: out, dpi: img.dpi }
}
