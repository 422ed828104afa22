import { imageError } from './errors'

export interface JpegHeader {
  width: number
  height: number
  components: number
  declaredDpi: number | undefined
}

/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

/** Walks the marker segments up to the frame header; no entropy-coded data is touched. */
export function readJpegHeader(bytes: Uint8Array, file: string): JpegHeader {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    throw imageError('CORRUPT_FILE', file, 'not a valid JPEG file')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let jfifDpi: number | undefined
  let exifDpi: number | undefined
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw imageError('CORRUPT_FILE', file, 'JPEG marker structure is broken')
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++ // fill byte
      continue
    }
    if (marker === 0xd9 || marker === 0xda) break
    const length = view.getUint16(at + 2)
    const body = at + 4
    if (length < 2 || body + length - 2 > bytes.length) break
    if (isSof(marker) && length >= 8) {
      return {
        height: view.getUint16(body + 1),
        width: view.getUint16(body + 3),
        components: bytes[body + 5]!,
        declaredDpi: jfifDpi ?? exifDpi,
      }
    }
    if (
      marker === 0xe0 &&
      length >= 16 &&
      String.fromCharCode(...bytes.subarray(body, body + 5)) === 'JFIF\0'
    ) {
      const units = bytes[body + 7]
      const density = view.getUint16(body + 8)
      if (units === 1) jfifDpi = density
      else if (units === 2) jfifDpi = density * 2.54
    } else if (marker === 0xe1 && length >= 16) {
      exifDpi = readExifDpi(bytes.subarray(body, body + length - 2))
    }
    at = body + length - 2
  }
  throw imageError('CORRUPT_FILE', file, 'JPEG has no frame header (truncated or not a JPEG)')
}

/** XResolution/ResolutionUnit from IFD0 of an Exif APP1 segment; undefined when absent or odd. */
function readExifDpi(segment: Uint8Array): number | undefined {
  if (String.fromCharCode(...segment.subarray(0, 6)) !== 'Exif\0\0') return undefined
  const tiff = segment.subarray(6)
  if (tiff.length < 8) return undefined
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength)
  const le = tiff[0] === 0x49
  const ifd = view.getUint32(4, le)
  if (ifd + 2 > tiff.length) return undefined
  const count = view.getUint16(ifd, le)
  let res: number | undefined
  let unit = 2
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > tiff.length) return undefined
    const tag = view.getUint16(entry, le)
    if (tag === 296) unit = view.getUint16(entry + 8, le)
    if (tag === 282) {
      const off = view.getUint32(entry + 8, le)
      if (off + 8 > tiff.length) return undefined
      const den = view.getUint32(off + 4, le)
      res = den === 0 ? undefined : view.getUint32(off, le) / den
    }
  }
  if (res === undefined) return undefined
  return unit === 3 ? res * 2.54 : unit === 2 ? res : undefined
}
