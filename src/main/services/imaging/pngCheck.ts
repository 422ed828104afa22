import { crc32, createInflate } from 'node:zlib'
import { DeskError } from '../../../shared/contract'
import { imageError } from './errors'
import type { PngHeader } from './png'

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

/** The container as the decoder needs it: IDAT data, palette and transparency, checked. */
export interface PngChunks {
  idat: Uint8Array[]
  plte: Uint8Array | undefined
  trns: Uint8Array | undefined
  /** An eXIf chunk may rotate the picture; only the canvas decoder honours it. */
  exif: boolean
  bitDepth: number
  interlaced: boolean
  /** Inflated size of the IDAT stream the header implies. */
  expected: number
}

/**
 * Skia (@napi-rs/canvas 1.1.1) crashes the whole process with SIGSEGV on some malformed PNGs
 * (bad CRCs, missing IEND), and a crash in a worker thread takes the app down with it. So the
 * container is checked here first: every chunk in bounds with a correct CRC, an IEND, and an IDAT
 * stream that inflates to exactly the scanline bytes the header implies.
 */
export function readPngChunks(bytes: Uint8Array, file: string, header: PngHeader): PngChunks {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const idat: Uint8Array[] = []
  let plte: Uint8Array | undefined
  let trns: Uint8Array | undefined
  let exif = false
  let ended = false
  for (let at = 8; at < bytes.length;) {
    if (at + 12 > bytes.length) throw corrupt(file, 'truncated chunk')
    const length = view.getUint32(at)
    if (at + 12 + length > bytes.length) throw corrupt(file, 'truncated chunk')
    const typeAndData = bytes.subarray(at + 4, at + 8 + length)
    if (crc32(typeAndData) !== view.getUint32(at + 8 + length)) throw corrupt(file, 'chunk checksum mismatch')
    const type = String.fromCharCode(...typeAndData.subarray(0, 4))
    const data = typeAndData.subarray(4)
    if (type === 'IDAT') idat.push(data)
    else if (type === 'PLTE') plte = data
    else if (type === 'tRNS') trns = data
    else if (type === 'eXIf') exif = true
    at += 12 + length
    if (type === 'IEND') {
      ended = true
      break
    }
  }
  if (!ended) throw corrupt(file, 'no end chunk (truncated file)')
  if (idat.length === 0) throw corrupt(file, 'no image data')
  const bitDepth = bytes[24]!
  const interlaced = bytes[28] === 1
  const expected = expectedRawBytes(header, bitDepth, interlaced)
  return { idat, plte, trns, exif, bitDepth, interlaced, expected }
}

/** Inflated bytes are counted and dropped, never kept (a survey only needs to know they are sound). */
export async function checkPngStream(bytes: Uint8Array, file: string, header: PngHeader): Promise<void> {
  const chunks = readPngChunks(bytes, file, header)
  await inflateIdat(chunks, file, undefined)
}

/**
 * Streams the filtered scanlines to `onRow` one row at a time (each row starts with its filter-type
 * byte; `above` is the previous row as `onRow` left it), so a page is never held inflated in full.
 * A CORRUPT_FILE error unless the stream is exactly `chunks.expected` bytes. Rows are only whole
 * rows for non-interlaced images.
 */
export async function inflatePngRows(
  chunks: PngChunks,
  file: string,
  rowBytes: number,
  onRow: (row: Uint8Array, above: Uint8Array | undefined, y: number) => void,
): Promise<void> {
  let row: Uint8Array = new Uint8Array(rowBytes)
  let above: Uint8Array | undefined
  let filled = 0
  let y = 0
  await inflateIdat(chunks, file, (chunk) => {
    for (let at = 0; at < chunk.length;) {
      const n = Math.min(rowBytes - filled, chunk.length - at)
      row.set(chunk.subarray(at, at + n), filled)
      filled += n
      at += n
      if (filled === rowBytes) {
        onRow(row, above, y)
        // Two buffers in turn: this row is the next one's row above.
        const done = row
        row = above ?? new Uint8Array(rowBytes)
        above = done
        filled = 0
        y++
      }
    }
  })
}

async function inflateIdat(
  chunks: PngChunks,
  file: string,
  onData: ((chunk: Buffer) => void) | undefined,
): Promise<void> {
  const { expected } = chunks
  const inflated = await new Promise<number>((resolve, reject) => {
    // Large output chunks: a 300-dpi page is tens of MB, and every chunk is a callback and a Buffer.
    const inflate = createInflate({ chunkSize: 1 << 20 })
    let total = 0
    inflate.on('data', (chunk: Buffer) => {
      if (total + chunk.length > expected) {
        inflate.destroy(new Error('more image data than the header allows'))
        return
      }
      try {
        onData?.(chunk)
      } catch (error) {
        inflate.destroy(error as Error)
        return
      }
      total += chunk.length
    })
    inflate.on('error', reject)
    inflate.on('end', () => resolve(total))
    for (const part of chunks.idat) inflate.write(part)
    inflate.end()
  }).catch((error: Error) => {
    if (error instanceof DeskError) throw error
    throw corrupt(file, `image data does not decompress (${error.message})`)
  })
  if (inflated !== expected)
    throw corrupt(file, `image data is ${inflated} bytes, header implies ${expected}`)
}

function corrupt(file: string, why: string) {
  return imageError('CORRUPT_FILE', file, `corrupt PNG: ${why}`)
}
