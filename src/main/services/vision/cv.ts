import { createRequire } from 'node:module'

/**
 * The slice of opencv-wasm 4.3 this folder uses, typed. The package's own typings are loose and its
 * module is a 7 MB wasm compiled synchronously on first use, so it is loaded lazily, once per thread.
 */
export interface CvMat {
  rows: number
  cols: number
  data: Uint8Array
  data32S: Int32Array
  delete(): void
}

interface CvSize {
  width: number
  height: number
}

export interface Cv {
  Mat: { new (): CvMat; new (rows: number, cols: number, type: number): CvMat }
  Size: new (width: number, height: number) => CvSize
  Scalar: new (v0: number, v1?: number, v2?: number, v3?: number) => unknown
  matFromArray(rows: number, cols: number, type: number, array: number[]): CvMat
  resize(src: CvMat, dst: CvMat, size: CvSize, fx: number, fy: number, interpolation: number): void
  threshold(src: CvMat, dst: CvMat, thresh: number, maxval: number, type: number): number
  adaptiveThreshold(
    src: CvMat,
    dst: CvMat,
    maxValue: number,
    method: number,
    type: number,
    blockSize: number,
    c: number,
  ): void
  medianBlur(src: CvMat, dst: CvMat, ksize: number): void
  connectedComponentsWithStats(
    src: CvMat,
    labels: CvMat,
    stats: CvMat,
    centroids: CvMat,
    connectivity: number,
    ltype: number,
  ): number
  warpAffine(
    src: CvMat,
    dst: CvMat,
    m: CvMat,
    size: CvSize,
    flags: number,
    borderMode: number,
    borderValue: unknown,
  ): void
  rotate(src: CvMat, dst: CvMat, code: number): void
  CV_8UC1: number
  CV_32S: number
  CV_64F: number
  INTER_AREA: number
  INTER_LINEAR: number
  INTER_CUBIC: number
  THRESH_BINARY: number
  THRESH_BINARY_INV: number
  THRESH_OTSU: number
  ADAPTIVE_THRESH_GAUSSIAN_C: number
  BORDER_CONSTANT: number
  ROTATE_90_CLOCKWISE: number
  ROTATE_180: number
  ROTATE_90_COUNTERCLOCKWISE: number
}

let cached: Cv | undefined

export function loadCv(): Cv {
  if (!cached) {
    const require = createRequire(__filename)
    cached = (require('opencv-wasm') as { cv: Cv }).cv
  }
  return cached
}

/** Copies gray pixels into the wasm heap (unavoidable: OpenCV only sees its own memory). */
export function grayToMat(cv: Cv, data: Uint8Array, width: number, height: number): CvMat {
  const mat = new cv.Mat(height, width, cv.CV_8UC1)
  mat.data.set(data.subarray(0, width * height))
  return mat
}

/** Runs `fn` and deletes every Mat it registered, even when it throws (wasm memory is not GC'd). */
export function withMats<T>(fn: (track: <M extends CvMat>(m: M) => M) => T): T {
  const mats: CvMat[] = []
  try {
    return fn((m) => {
      mats.push(m)
      return m
    })
  } finally {
    for (const m of mats) m.delete()
  }
}
