import type { GrayImage } from '../../../../src/main/services/vision'
import { seededRandom } from '../../../support/documents/scan'

/** How a page is spoilt: a faded, unevenly lit, grainy copy, as from a tired photocopier or a phone. */
export interface PoorLook {
  /** Ink and paper are squeezed into this gray range (0 = black, 255 = white). */
  ink: number
  paper: number
  /** Darkening across the page from left (none) to right, in gray levels: a shadow or a fold. */
  shadow: number
  /** Gaussian grain, standard deviation in gray levels. */
  grain: number
  seed: number
}

/** A spoilt copy of a gray page; the original is left as it was. */
export function poorScan(page: GrayImage, look: PoorLook): GrayImage {
  const { width, height, data } = page
  const random = seededRandom(look.seed)
  const gauss = () => Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random())
  const out = new Uint8Array(data.length)
  const span = (look.paper - look.ink) / 255
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x
      const v = look.ink + data[i]! * span - (look.shadow * x) / width + gauss() * look.grain
      out[i] = Math.max(0, Math.min(255, Math.round(v)))
    }
  }
  return { ...page, data: out }
}
