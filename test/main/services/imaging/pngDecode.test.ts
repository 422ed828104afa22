import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeImage, DEFAULT_MAX_PIXELS, type RasterImage } from '../../../../src/main/services/imaging'
import { decodeWithCanvas } from '../../../../src/main/services/imaging/canvasDecode'
import { readPngHeader } from '../../../../src/main/services/imaging/png'
import { corpusFile } from '../../../support/corpus'

/** Skia is the reference: the PNG decoder must give the pixels the canvas path gave. */
async function both(name: string, bytes: Uint8Array): Promise<[RasterImage, RasterImage]> {
  const [ours] = await decodeImage(bytes, { file: name, maxPixels: DEFAULT_MAX_PIXELS })
  const h = readPngHeader(bytes, name)
  const skia = await decodeWithCanvas(bytes, name, { ...h, dpi: ours!.dpi, format: 'PNG' })
  return [ours!, skia]
}

/** Largest per-sample difference (alpha compositing may round one step apart). */
function maxDiff(a: RasterImage, b: RasterImage): number {
  expect([a.width, a.height, a.channels]).toEqual([b.width, b.height, b.channels])
  let worst = 0
  for (let i = 0; i < a.data.length; i++) worst = Math.max(worst, Math.abs(a.data[i]! - b.data[i]!))
  return worst
}

const CRC = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function chunk(type: string, data: Uint8Array): number[] {
  const body = [...type].map((c) => c.charCodeAt(0)).concat([...data])
  let c = 0xffffffff
  for (const b of body) c = CRC[(c ^ b) & 255]! ^ (c >>> 8)
  c = (c ^ 0xffffffff) >>> 0
  const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]
  return [...u32(data.length), ...body, ...u32(c)]
}

interface Synthetic {
  colorType: number
  depth: number
  plte?: number[]
  trns?: number[]
  /** RGB only: rows above this are gray (R = G = B), the rest colour. */
  grayRows?: number
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** A small PNG with pseudo-random samples and every filter type in turn, so each path is exercised. */
function synthetic(
  { colorType, depth, plte, trns, grayRows }: Synthetic,
  width = 37,
  height = 23,
): Uint8Array {
  const stride = Math.ceil((width * CHANNELS[colorType]! * depth) / 8)
  const bpp = Math.max(1, (CHANNELS[colorType]! * depth) >> 3)
  const pixels = new Uint8Array(stride * height)
  let seed = 12345
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    pixels[i] = seed >>> 24
  }
  for (let y = 0; y < (grayRows ?? 0); y++) {
    for (let x = 0; x < width; x++) {
      const at = y * stride + x * 3
      pixels[at + 1] = pixels[at]!
      pixels[at + 2] = pixels[at]!
    }
  }
  if (colorType === 3) {
    // Keep indexes inside the palette.
    const entries = plte!.length / 3
    for (let i = 0; i < pixels.length; i++) {
      const perByte = 8 / depth
      let byte = 0
      for (let k = 0; k < perByte; k++) byte = (byte << depth) | ((pixels[i]! + k) % entries)
      pixels[i] = depth === 8 ? pixels[i]! % entries : byte
    }
  }
  const filtered = new Uint8Array((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const f = y % 5
    filtered[y * (stride + 1)] = f
    for (let i = 0; i < stride; i++) {
      const x = pixels[y * stride + i]!
      const a = i >= bpp ? pixels[y * stride + i - bpp]! : 0
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0
      const c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp]! : 0
      const p = a + b - c
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c
      const predictor = [0, a, b, (a + b) >> 1, paeth][f]!
      filtered[y * (stride + 1) + 1 + i] = (x - predictor) & 255
    }
  }
  const ihdr = new Uint8Array(13)
  new DataView(ihdr.buffer).setUint32(0, width)
  new DataView(ihdr.buffer).setUint32(4, height)
  ihdr.set([depth, colorType, 0, 0, 0], 8)
  const out = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', ihdr)]
  if (plte) out.push(...chunk('PLTE', Uint8Array.from(plte)))
  if (trns) out.push(...chunk('tRNS', Uint8Array.from(trns)))
  out.push(...chunk('IDAT', deflateSync(filtered)), ...chunk('IEND', new Uint8Array(0)))
  return Uint8Array.from(out)
}

const grayPalette = (n: number) =>
  Array.from({ length: n }, (_, i) => Math.round((i * 255) / (n - 1))).flatMap((v) => [v, v, v])
const colourPalette = (n: number) => Array.from({ length: n * 3 }, (_, i) => (i * 97) % 256)

describe('PNG decoding without Skia', () => {
  it.each(['tess_devatest.png', 'tess_devatest-rotated-270.png', 'ocrmypdf_typewriter.png', 'tjs_bill.png'])(
    '%s: the same pixels as the canvas decoder',
    async (name) => {
      const [ours, skia] = await both(name, new Uint8Array(readFileSync(corpusFile(name))))
      expect(maxDiff(ours, skia)).toBe(0)
      expect(ours.dpi).toBe(skia.dpi)
    },
  )

  it.each<[string, Synthetic]>([
    ['gray 1-bit', { colorType: 0, depth: 1 }],
    ['gray 2-bit', { colorType: 0, depth: 2 }],
    ['gray 4-bit', { colorType: 0, depth: 4 }],
    ['gray 8-bit', { colorType: 0, depth: 8 }],
    ['gray 16-bit', { colorType: 0, depth: 16 }],
    ['gray 8-bit with a transparent value', { colorType: 0, depth: 8, trns: [0, 200] }],
    ['gray+alpha 8-bit', { colorType: 4, depth: 8 }],
    ['gray+alpha 16-bit', { colorType: 4, depth: 16 }],
    ['RGB 8-bit', { colorType: 2, depth: 8 }],
    ['RGB 8-bit, gray on top and colour below', { colorType: 2, depth: 8, grayRows: 11 }],
    ['RGB 8-bit, all gray', { colorType: 2, depth: 8, grayRows: 23 }],
    ['RGB 16-bit', { colorType: 2, depth: 16 }],
    ['RGBA 8-bit', { colorType: 6, depth: 8 }],
    ['RGBA 16-bit', { colorType: 6, depth: 16 }],
    ['gray palette 1-bit', { colorType: 3, depth: 1, plte: grayPalette(2) }],
    ['gray palette 4-bit', { colorType: 3, depth: 4, plte: grayPalette(16) }],
    ['colour palette 8-bit', { colorType: 3, depth: 8, plte: colourPalette(200) }],
    [
      'colour palette 2-bit with alpha',
      { colorType: 3, depth: 2, plte: colourPalette(4), trns: [0, 128, 255] },
    ],
  ])('%s', async (name, spec) => {
    const [ours, skia] = await both(`${name}.png`, synthetic(spec))
    // Skia rounds alpha compositing its own way; opaque samples must match exactly.
    const alpha = spec.colorType === 4 || spec.colorType === 6 || spec.trns !== undefined
    expect(maxDiff(ours, skia)).toBeLessThanOrEqual(alpha ? 1 : 0)
  })

  it('a chunk whose checksum does not match its bytes is a corrupt file, and a sound one decodes', async () => {
    const bytes = synthetic({ colorType: 0, depth: 8 }, 64, 48)
    await expect(
      decodeImage(bytes, { file: 'sound.png', maxPixels: DEFAULT_MAX_PIXELS }),
    ).resolves.toHaveLength(1)
    // One bit flipped inside the IDAT data (after the signature, IHDR and the IDAT length and type).
    const damaged = Uint8Array.from(bytes)
    damaged[8 + 25 + 8 + 10]! ^= 0x10
    await expect(
      decodeImage(damaged, { file: 'damaged.png', maxPixels: DEFAULT_MAX_PIXELS }),
    ).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringMatching(/^damaged\.png: .*checksum/),
    })
  })

  it('a row with an unknown filter type is a corrupt file, not a crash', async () => {
    const bytes = synthetic({ colorType: 0, depth: 8 }, 4, 2)
    // Rebuild the same picture with filter byte 9 on the first row.
    const stride = 4
    const raw = new Uint8Array((stride + 1) * 2)
    raw[0] = 9
    const idat = deflateSync(raw)
    const head = bytes.subarray(0, 8 + 25)
    const broken = Uint8Array.from([...head, ...chunk('IDAT', idat), ...chunk('IEND', new Uint8Array(0))])
    await expect(
      decodeImage(broken, { file: 'filter.png', maxPixels: DEFAULT_MAX_PIXELS }),
    ).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringMatching(/^filter\.png: .*filter type 9/),
    })
  })
})
