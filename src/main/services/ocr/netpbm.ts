/**
 * Binary PGM (P5): a 15-byte header in front of the gray pixels. Leptonica reads it without any
 * decompression, so the engine gets raw pixels without a PNG encode/decode round trip.
 */
export function encodePgm(
  width: number,
  height: number,
  gray: Uint8Array,
  into?: ArrayBuffer,
): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
  const size = header.length + width * height
  const out = into && into.byteLength === size ? new Uint8Array(into) : new Uint8Array(size)
  out.set(header, 0)
  out.set(gray.subarray(0, width * height), header.length)
  return out
}
