/** Builds small little-endian TIFFs at test time, so no binary fixtures live in the repository. */
export interface TiffPageSpec {
  width: number
  height: number
  /** Raw strip bytes as they should appear in the file. */
  strip: Uint8Array
  compression?: number
  bitsPerSample?: number
  photometric?: number
  xDpi?: number
  yDpi?: number
}

export function buildTiff(pages: TiffPageSpec[], opts: { loop?: boolean } = {}): Uint8Array {
  const chunks: number[] = [0x49, 0x49, 42, 0, 0, 0, 0, 0]
  const u16 = (v: number) => [v & 255, (v >> 8) & 255]
  const u32 = (v: number) => [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255]
  const setU32 = (at: number, v: number) => u32(v).forEach((b, i) => (chunks[at + i] = b))
  let previousNext = 4
  let firstIfd = 0
  for (const page of pages) {
    const stripAt = chunks.length
    chunks.push(...page.strip)
    if (chunks.length % 2) chunks.push(0)
    const resAt = chunks.length
    chunks.push(...u32(page.xDpi ?? 300), ...u32(1), ...u32(page.yDpi ?? page.xDpi ?? 300), ...u32(1))
    const ifdAt = chunks.length
    if (firstIfd === 0) firstIfd = ifdAt
    const entries: [number, number, number, number][] = [
      [256, 3, 1, page.width],
      [257, 3, 1, page.height],
      [258, 3, 1, page.bitsPerSample ?? 8],
      [259, 3, 1, page.compression ?? 1],
      [262, 3, 1, page.photometric ?? 1],
      [273, 4, 1, stripAt],
      [277, 3, 1, 1],
      [278, 3, 1, page.height],
      [279, 4, 1, page.strip.length],
      [282, 5, 1, resAt],
      [283, 5, 1, resAt + 8],
      [296, 3, 1, 2],
    ]
    chunks.push(...u16(entries.length))
    for (const [tag, type, n, value] of entries) {
      chunks.push(...u16(tag), ...u16(type), ...u32(n), ...(type === 3 ? [...u16(value), 0, 0] : u32(value)))
    }
    setU32(previousNext, ifdAt)
    previousNext = chunks.length
    chunks.push(0, 0, 0, 0)
  }
  if (opts.loop) setU32(previousNext, firstIfd)
  return Uint8Array.from(chunks)
}

/** A minimal PNG: signature + IHDR (+ optional extra bytes), enough for a header-only reader. */
export function pngHeader(width: number, height: number, colorType = 2): Uint8Array {
  const out = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
  for (const v of [width, height]) out.push((v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255)
  out.push(8, colorType, 0, 0, 0, 0, 0, 0, 0) // depth, colour type, methods, CRC (unchecked by the header reader)
  // An IDAT that is not valid zlib: decoding would fail if the reader ever got that far.
  out.push(0, 0, 0, 4, 0x49, 0x44, 0x41, 0x54, 1, 2, 3, 4, 0, 0, 0, 0)
  return Uint8Array.from(out)
}
