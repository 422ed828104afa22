import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../../src/shared/contract'
import { decodeImage, DEFAULT_MAX_PIXELS } from '../../../../src/main/services/imaging'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'
import { buildTiff, pngHeader } from './tiffBuilder'

const tempDir = useTempDirs()

/** Writes the bytes to a temp file and decodes what was read back, as the pipeline will. */
async function decodeFile(name: string, bytes: Uint8Array, maxPixels = DEFAULT_MAX_PIXELS) {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return decodeImage(new Uint8Array(readFileSync(path)), { file: name, maxPixels })
}

async function expectDeskError(promise: Promise<unknown>, code: string, file: string): Promise<DeskError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  const desk = error as DeskError
  expect(desk.code).toBe(code)
  expect(desk.message.startsWith(`${file}: `)).toBe(true)
  return desk
}

describe('decodeImage refuses bad input with a DeskError naming the file', () => {
  it('zero-byte file', async () => {
    await expectDeskError(decodeFile('empty.png', new Uint8Array(0)), 'CORRUPT_FILE', 'empty.png')
  })

  it('bytes that are no image', async () => {
    const e = await expectDeskError(
      decodeFile('noise.png', new Uint8Array(512).fill(7)),
      'UNSUPPORTED_FILE',
      'noise.png',
    )
    expect(e.message).toMatch(/not a PNG, JPEG or TIFF/)
  })

  it('a 30000×30000 PNG fails from its header, fast and without allocating the pixels', async () => {
    const before = process.memoryUsage().rss
    const started = performance.now()
    const e = await expectDeskError(
      decodeFile('huge.png', pngHeader(30000, 30000)),
      'FILE_TOO_LARGE',
      'huge.png',
    )
    expect(e.message).toMatch(/30000×30000/)
    expect(e.details).toMatchObject({ width: 30000, height: 30000 })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })

  it('a PNG whose header is fine but whose data is garbage', async () => {
    await expectDeskError(decodeFile('broken.png', pngHeader(20, 20)), 'CORRUPT_FILE', 'broken.png')
  })

  it('a truncated corpus PNG', async () => {
    const whole = readFileSync(corpusFile('tess_devatest.png'))
    const half = new Uint8Array(whole.subarray(0, whole.length >> 1))
    const outcome = await decodeFile('half.png', half).then(
      (pages) => pages,
      (e: unknown) => e,
    )
    // Skia may render what it could read; either a clean error or a full-size page is acceptable.
    if (outcome instanceof Error) expect((outcome as DeskError).code).toBe('CORRUPT_FILE')
    else expect(outcome).toHaveLength(1)
  })

  it('a JPEG cut after its first bytes', async () => {
    const whole = readFileSync(corpusFile('sroie_005.jpg'))
    await expectDeskError(
      decodeFile('cut.jpg', new Uint8Array(whole.subarray(0, 40))),
      'CORRUPT_FILE',
      'cut.jpg',
    )
  })

  it('a TIFF with an unsupported compression names the compression', async () => {
    const tiff = buildTiff([{ width: 8, height: 8, strip: new Uint8Array(64), compression: 34712 }])
    const e = await expectDeskError(decodeFile('j2k.tif', tiff), 'UNSUPPORTED_FILE', 'j2k.tif')
    expect(e.message).toMatch(/JPEG 2000/)
    expect(e.details).toMatchObject({ compression: 34712 })
  })

  it('a TIFF with an unknown compression code names the code', async () => {
    const tiff = buildTiff([{ width: 8, height: 8, strip: new Uint8Array(64), compression: 4242 }])
    const e = await expectDeskError(decodeFile('odd.tif', tiff), 'UNSUPPORTED_FILE', 'odd.tif')
    expect(e.message).toMatch(/compression 4242/)
  })

  it('a TIFF whose page chain loops back on itself', async () => {
    const tiff = buildTiff([{ width: 4, height: 4, strip: new Uint8Array(16) }], { loop: true })
    const e = await expectDeskError(decodeFile('loop.tif', tiff), 'CORRUPT_FILE', 'loop.tif')
    expect(e.message).toMatch(/loops/)
  })

  it('a TIFF whose strip runs past the end of the file', async () => {
    const tiff = buildTiff([{ width: 100, height: 100, strip: new Uint8Array(10000) }])
    await expectDeskError(decodeFile('short.tif', tiff.subarray(0, 5000)), 'CORRUPT_FILE', 'short.tif')
  })

  it('a TIFF page over the pixel limit', async () => {
    const tiff = buildTiff([{ width: 100, height: 100, strip: new Uint8Array(10000) }])
    await expectDeskError(decodeFile('big.tif', tiff, 5000), 'FILE_TOO_LARGE', 'big.tif')
  })
})

describe('decodeImage on TIFFs built at test time', () => {
  it('returns one image per page of a multi-page TIFF', async () => {
    const gray = new Uint8Array(12).fill(200)
    const bilevel = Uint8Array.from([0b10100000, 0b01010000]) // 4×2, 1 bit, WhiteIsZero
    const pages = await decodeFile(
      'two.tif',
      buildTiff([
        { width: 4, height: 3, strip: gray, xDpi: 400 },
        { width: 4, height: 2, strip: bilevel, bitsPerSample: 1, photometric: 0, xDpi: 72 },
      ]),
    )
    expect(pages).toHaveLength(2)
    expect(pages[0]).toMatchObject({ width: 4, height: 3, channels: 1, dpi: 400 })
    expect([...pages[0]!.data]).toEqual(new Array(12).fill(200))
    expect(pages[1]).toMatchObject({ width: 4, height: 2, channels: 1, dpi: 300 })
    expect([...pages[1]!.data]).toEqual([0, 255, 0, 255, 255, 0, 255, 0])
  })

  it('stretches 204×98 dpi fax pages to square pixels', async () => {
    const [page] = await decodeFile(
      'fax.tif',
      buildTiff([{ width: 2, height: 2, strip: Uint8Array.from([0, 0, 255, 255]), xDpi: 204, yDpi: 98 }]),
    )
    expect(page).toMatchObject({ width: 2, height: 4, dpi: 204 })
    expect([...page!.data]).toEqual([0, 0, 0, 0, 255, 255, 255, 255])
  })
})
