import { DeskError, type ErrorCode } from '../../../shared/contract'

/** Every imaging error starts with the file name so a batch report says which file failed. */
export function imageError(
  code: ErrorCode,
  file: string,
  message: string,
  details?: Record<string, unknown>,
): DeskError {
  return new DeskError(code, `${file}: ${message}`, { file, ...details })
}

/** Fails before any pixel buffer is allocated. */
export function checkPixels(file: string, width: number, height: number, maxPixels: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw imageError('CORRUPT_FILE', file, `invalid image size ${width}×${height}`)
  }
  if (width * height > maxPixels) {
    const mp = (n: number) => `${(n / 1e6).toFixed(1)} MP`
    throw imageError(
      'FILE_TOO_LARGE',
      file,
      `image is ${width}×${height} px (${mp(width * height)}), over the ${mp(maxPixels)} limit`,
      { width, height, maxPixels },
    )
  }
}
