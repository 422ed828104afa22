import { createInflate } from 'node:zlib'
import { imageError } from './errors'
import type { PngHeader } from './png'

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** Bytes of filtered scanlines the IDAT stream must inflate to (all seven passes when interlaced). */
function expectedRawBytes(h: PngHeader, bitDepth: number, interlaced: boolean): number {
  const bpp = (CHANNELS[h.colorType] ?? 4) * bitDepth
  const rows = (w: number, n: number) => (w > 0 && n > 0 ? n * (1 + Math.ceil((w * bpp) / 8)) : 0)
  if (!interlaced) return rows(h.width, h.height)
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ] as const
  return passes.reduce(
    (sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((h.width - x0) / dx), Math.ceil((h.height - y0) / dy)),
    0,
  )
}

/**
 * Skia (@napi-rs/canvas 1.1.1) crashes the whole process with SIGSEGV on some malformed PNGs
 * (bad CRCs, missing IEND), and a crash in a worker thread takes the app down with it. So the
 * container is checked here first: every chunk in bounds with a correct CRC, an IEND, and an IDAT
 * stream that inflates to exactly the scanline bytes the header implies. Inflated bytes are counted
 * and dropped, never kept.
 */
export async function checkPngStream(bytes: Uint8Array, file: string, header: PngHeader): Promise<void> {
  const corrupt = (why: string) => imageError('CORRUPT_FILE', file, `corrupt PNG: ${why}`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const idat: Uint8Array[] = []
  let ended = false
  for (let at = 8; at < bytes.length;) {
    if (at + 12 > bytes.length) throw corrupt('truncated chunk')
    const length = view.getUint32(at)
    if (at + 12 + length > bytes.length) throw corrupt('truncated chunk')
    const typeAndData = bytes.subarray(at + 4, at + 8 + length)
    if (crc32(typeAndData) !== view.getUint32(at + 8 + length)) throw corrupt('chunk checksum mismatch')
    const type = String.fromCharCode(...typeAndData.subarray(0, 4))
    if (type === 'IDAT') idat.push(typeAndData.subarray(4))
    at += 12 + length
    if (type === 'IEND') {
      ended = true
      break
    }
  }
  if (!ended) throw corrupt('no end chunk (truncated file)')
  if (idat.length === 0) throw corrupt('no image data')

  const bitDepth = bytes[24]!
  const expected = expectedRawBytes(header, bitDepth, bytes[28] === 1)
  const inflated = await new Promise<number>((resolve, reject) => {
    const inflate = createInflate()
    let total = 0
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > expected) inflate.destroy(new Error('more image data than the header allows'))
    })
    inflate.on('error', reject)
    inflate.on('end', () => resolve(total))
    for (const part of idat) inflate.write(part)
    inflate.end()
  }).catch((error: Error) => {
    throw corrupt(`image data does not decompress (${error.message})`)
  })
  if (inflated !== expected) throw corrupt(`image data is ${inflated} bytes, header implies ${expected}`)
}
