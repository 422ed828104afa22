import { grayToMat, loadCv, withMats, type Cv, type CvMat } from './cv'
import type { Rotation } from './analyse'
import type { GrayImage } from './raster'

/** Affine map p' = [a b; c d]·p + [e f] in pixel-edge coordinates (pixel i spans [i, i+1)). */
export interface Affine {
  a: number
  b: number
  c: number
  d: number
  e: number
  f: number
}

export const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }

/** `second` after `first`. */
export function compose(second: Affine, first: Affine): Affine {
  return {
    a: second.a * first.a + second.b * first.c,
    b: second.a * first.b + second.b * first.d,
    c: second.c * first.a + second.d * first.c,
    d: second.c * first.b + second.d * first.d,
    e: second.a * first.e + second.b * first.f + second.e,
    f: second.c * first.e + second.d * first.f + second.f,
  }
}

export function invert(m: Affine): Affine {
  const det = m.a * m.d - m.b * m.c
  const a = m.d / det
  const b = -m.b / det
  const c = -m.c / det
  const d = m.a / det
  return { a, b, c, d, e: -(a * m.e + b * m.f), f: -(c * m.e + d * m.f) }
}

export function apply(m: Affine, x: number, y: number): [number, number] {
  return [m.a * x + m.b * y + m.e, m.c * x + m.d * y + m.f]
}

/** Clockwise quarter turn of a width×height image; returns the map and the turned size. */
export function quarterTurn(rotation: Rotation, width: number, height: number): [Affine, number, number] {
  switch (rotation) {
    case 0:
      return [IDENTITY, width, height]
    case 90:
      return [{ a: 0, b: -1, c: 1, d: 0, e: height, f: 0 }, height, width]
    case 180:
      return [{ a: -1, b: 0, c: 0, d: -1, e: width, f: height }, width, height]
    case 270:
      return [{ a: 0, b: 1, c: -1, d: 0, e: 0, f: width }, height, width]
  }
}

/** Counter-clockwise rotation by `deg` about the centre, on a canvas grown so no corner is cut. */
export function deskewMap(deg: number, width: number, height: number): [Affine, number, number] {
  const r = (deg * Math.PI) / 180
  const cos = Math.cos(r)
  const sin = Math.sin(r)
  const w2 = Math.ceil(Math.abs(width * cos) + Math.abs(height * sin))
  const h2 = Math.ceil(Math.abs(width * sin) + Math.abs(height * cos))
  const [cx, cy, cx2, cy2] = [width / 2, height / 2, w2 / 2, h2 / 2]
  // y grows downwards, so a visually counter-clockwise turn is x' = x·cos + y·sin, y' = −x·sin + y·cos.
  return [
    { a: cos, b: sin, c: -sin, d: cos, e: cx2 - cx * cos - cy * sin, f: cy2 + cx * sin - cy * cos },
    w2,
    h2,
  ]
}

/**
 * Renders `src` through `m` into a width×height gray image (paper-white outside the source).
 * Pure quarter turns use cv.rotate: exact, no resampling of sharp bilevel scans.
 */
export function renderAffine(
  src: GrayImage,
  m: Affine,
  rotation: Rotation,
  width: number,
  height: number,
  resample: boolean,
): GrayImage {
  const cv = loadCv()
  return withMats((track) => {
    const input = track(grayToMat(cv, src.data, src.width, src.height))
    const out = track(new cv.Mat())
    if (!resample) {
      if (rotation === 0) return src
      cv.rotate(input, out, rotateCode(cv, rotation))
    } else {
      // OpenCV samples at pixel centres: shift the edge-based map by half a pixel on both sides.
      const e = m.a * 0.5 + m.b * 0.5 + m.e - 0.5
      const f = m.c * 0.5 + m.d * 0.5 + m.f - 0.5
      const mat = track(cv.matFromArray(2, 3, cv.CV_64F, [m.a, m.b, e, m.c, m.d, f]))
      const size = new cv.Size(width, height)
      cv.warpAffine(input, out, mat, size, cv.INTER_LINEAR, cv.BORDER_CONSTANT, new cv.Scalar(255))
    }
    return fromMat(out, src.dpi)
  })
}

export function fromMat(mat: CvMat, dpi: number): GrayImage {
  // mat.data views the wasm heap, which the next allocation may move: copy out.
  return { width: mat.cols, height: mat.rows, channels: 1, data: mat.data.slice(0, mat.cols * mat.rows), dpi }
}

function rotateCode(cv: Cv, rotation: Exclude<Rotation, 0>): number {
  return rotation === 90
    ? cv.ROTATE_90_CLOCKWISE
    : rotation === 180
      ? cv.ROTATE_180
      : cv.ROTATE_90_COUNTERCLOCKWISE
}

/**
 * The image scaled by `scale`: down with area averaging, which keeps thin strokes as gray rather
 * than dropping them, up with cubic interpolation; the dpi follows, so OCR is told the true print size.
 */
export function resize(src: GrayImage, scale: number): [GrayImage, Affine] {
  const width = Math.max(1, Math.round(src.width * scale))
  const height = Math.max(1, Math.round(src.height * scale))
  const cv = loadCv()
  const image = withMats((track) => {
    const input = track(grayToMat(cv, src.data, src.width, src.height))
    const out = track(new cv.Mat())
    // Area averaging keeps thin strokes when shrinking; cubic keeps edges sharp when enlarging.
    cv.resize(input, out, new cv.Size(width, height), 0, 0, scale < 1 ? cv.INTER_AREA : cv.INTER_CUBIC)
    return fromMat(out, src.dpi * (width / src.width))
  })
  const map = { a: width / src.width, b: 0, c: 0, d: height / src.height, e: 0, f: 0 }
  return [image, map]
}
