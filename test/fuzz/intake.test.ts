import fc from 'fast-check'
import { crc32, deflateSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeImage } from '../../src/main/services/imaging'
import { drawPdfPage, extractTextLayer, withPdf, withTextLayers } from '../../src/main/services/pdf'
import { DeskError } from '../../src/shared/contract'
import { textPdf } from '../support/documents/textPdf'

// Each case opens a real document, so the counts are modest: a few milliseconds a case.
const PDF_RUNS = 600
const DESK_PDF_RUNS = 300
const PNG_RUNS = 2000
const CASE_TIMEOUT_MS = 10_000

/** Small damage to a valid file: bytes overwritten, a run cut out, or the tail lost. */
const damage = (size: number) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(size - 1), byte: fc.nat(255) }),
      fc.record({
        kind: fc.constant('cut' as const),
        at: fc.nat(size - 1),
        length: fc.integer({ min: 1, max: 64 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(size - 1) }),
    ),
    { minLength: 1, maxLength: 8 },
  )

function apply(
  valid: Uint8Array,
  edits: Array<{ kind: 'set' | 'cut' | 'truncate'; at: number; byte?: number; length?: number }>,
) {
  let bytes = Buffer.from(valid)
  for (const e of edits) {
    const at = e.at % Math.max(1, bytes.length)
    if (e.kind === 'set') bytes[at] = e.byte ?? 0
    else if (e.kind === 'cut')
      bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + (e.length ?? 1))])
    else bytes = bytes.subarray(0, at)
  }
  return new Uint8Array(bytes)
}

/** Resolves, or fails with a DeskError naming the file; never hangs, never anything else. */
async function readsOrNames(file: string, read: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${file}: no answer within ${CASE_TIMEOUT_MS} ms`)),
      CASE_TIMEOUT_MS,
    )
  })
  try {
    await Promise.race([read(), hang])
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(DeskError)
    expect((error as DeskError).message.startsWith(`${file}: `)).toBe(true)
  } finally {
    clearTimeout(timer)
  }
}

/** An 8-bit grayscale PNG, written by hand so the fuzzer knows every byte's meaning. */
function grayPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * y) & 0xff
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

describe('fuzz: document intake (bytes → the desk document reader)', () => {
  let pdf: Uint8Array
  beforeAll(async () => {
    pdf = await textPdf('Certificate of Analysis\nBatch B240517\nAssay 99.5 %\nLead NMT 3 ppm')
  })

  it(`${PDF_RUNS} damaged PDFs: read every page's text or fail naming the file`, async () => {
    await fc.assert(
      fc.asyncProperty(damage(pdf.length), async (edits) =>
        readsOrNames('fuzz.pdf', () =>
          withPdf(apply(pdf, edits), 'fuzz.pdf', async (doc) => {
            for (let p = 1; p <= doc.numPages; p++) await extractTextLayer(await doc.doc.getPage(p))
          }),
        ),
      ),
      { seed: 1806, numRuns: PDF_RUNS },
    )
  })

  it(`${DESK_PDF_RUNS} damaged PDFs through the desk's readers: PDFium's text layers, every page drawn`, async () => {
    await fc.assert(
      fc.asyncProperty(damage(pdf.length), async (edits) => {
        const bytes = apply(pdf, edits)
        await readsOrNames('fuzz.pdf', () =>
          withTextLayers(bytes, 'fuzz.pdf', async (doc) => {
            for (let p = 1; p <= doc.numPages; p++) await doc.textLayer(p, 72)
          }),
        )
        // Drawn whatever the text layers said: a page pdf.js cannot draw goes to PDFium.
        for (const p of [1, 2]) await readsOrNames('fuzz.pdf', () => drawPdfPage(bytes, 'fuzz.pdf', p, 36))
      }),
      { seed: 1808, numRuns: DESK_PDF_RUNS },
    )
  })

  it(`${PNG_RUNS} damaged PNGs: decode or fail naming the file`, async () => {
    const png = grayPng(24, 16)
    await fc.assert(
      fc.asyncProperty(damage(png.length), async (edits) =>
        readsOrNames('fuzz.png', () =>
          decodeImage(apply(png, edits), { file: 'fuzz.png', maxPixels: 4_000_000 }),
        ),
      ),
      { seed: 1807, numRuns: PNG_RUNS },
    )
  })
})
