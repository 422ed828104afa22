import { grayToMat, loadCv, withMats } from './cv'
import { fromMat } from './transform'
import type { GrayImage } from './raster'

/** 3×3 median: removes salt-and-pepper specks from fax/scanner noise without eroding strokes. */
export function denoise(image: GrayImage): GrayImage {
  const cv = loadCv()
  return withMats((track) => {
    const src = track(grayToMat(cv, image.data, image.width, image.height))
    const out = track(new cv.Mat())
    cv.medianBlur(src, out, 3)
    return fromMat(out, image.dpi)
  })
}

/**
 * Local (Gaussian-weighted) threshold: survives uneven lighting and shadows where one global
 * threshold fails. The window spans about a tenth of an inch, a few stroke widths at any dpi.
 */
export function binarise(image: GrayImage): GrayImage {
  const cv = loadCv()
  const block = Math.max(11, Math.round((image.dpi || 300) / 10) | 1)
  return withMats((track) => {
    const src = track(grayToMat(cv, image.data, image.width, image.height))
    const out = track(new cv.Mat())
    cv.adaptiveThreshold(src, out, 255, cv.ADAPTIVE_THRESH_GAUSSIAN_C, cv.THRESH_BINARY, block, 15)
    return fromMat(out, image.dpi)
  })
}
