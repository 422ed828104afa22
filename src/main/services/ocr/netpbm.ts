/**
 * Binary PGM (P5): a 15-byte header in front of the gray pixels. Leptonica reads it without any
 * decompression, so the engine gets raw pixels without a PNG encode/decode round trip. Written into
 * `into` when it is exactly the right size.
 */
export function encodePgm(
  width: number,
  height: number,
  gray: Uint8Array,
  into?: ArrayBufferLike,
): Uint8Array<ArrayBufferLike> {
  const header = pgmHeader(width, height)
  const size = header.length + width * height
  const out = into && into.byteLength === size ? new Uint8Array(into) : new Uint8Array(size)
  out.set(header, 0)
  out.set(gray.subarray(0, width * height), header.length)
  return out
}

function pgmHeader(width: number, height: number): Uint8Array {
  return new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
}

/** Bytes of the PGM encodePgm writes for an image this size. */
export function pgmSize(width: number, height: number): number {
  return pgmHeader(width, height).length + width * height
}
