import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeskError } from '../../../../src/shared/contract'
import { extractTextLayer, loadPdfjs, openPdf, withPdf } from '../../../../src/main/services/pdf'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'
import { encryptedPdf } from './encryptedPdf'

const tempDir = useTempDirs()

function writeTemp(name: string, bytes: Uint8Array): Uint8Array {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return new Uint8Array(readFileSync(path))
}

/** Opens and walks every page, as the pipeline does; returns the error it ends with. */
async function failure(name: string, bytes: Uint8Array): Promise<DeskError> {
  const error = await withPdf(writeTemp(name, bytes), name, async (pdf) => {
    for (let p = 1; p <= pdf.numPages; p++) await extractTextLayer(await pdf.doc.getPage(p))
  }).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DeskError)
  expect((error as DeskError).message.startsWith(`${name}: `)).toBe(true)
  return error as DeskError
}

describe('openPdf refuses bad input with a DeskError naming the file', () => {
  it('zero-byte file', async () => {
    expect((await failure('empty.pdf', new Uint8Array(0))).code).toBe('CORRUPT_FILE')
  })

  it('random bytes named .pdf', async () => {
    expect((await failure('random.pdf', new Uint8Array(randomBytes(4096)))).code).toBe('CORRUPT_FILE')
  })

  it('a PDF header followed by garbage', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)])
    expect((await failure('garbage.pdf', new Uint8Array(bytes))).code).toBe('CORRUPT_FILE')
  })

  it('a corpus PDF cut in half', async () => {
    const whole = readFileSync(corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf'))
    const error = await failure('half.pdf', new Uint8Array(whole.subarray(0, whole.length >> 1)))
    expect(error.code).toBe('CORRUPT_FILE')
  })

  it('a password-protected PDF fails with ENCRYPTED', async () => {
    const error = await failure('locked.pdf', encryptedPdf('s3cret'))
    expect(error.code).toBe('ENCRYPTED')
    expect(error.message).toMatch(/password/)
  })

  it('the encrypted fixture is a real PDF: the right password opens it', async () => {
    const pdfjs = await loadPdfjs()
    const doc = await pdfjs.getDocument({ data: encryptedPdf('s3cret', 'Hello vault'), password: 's3cret' })
      .promise
    try {
      const content = await (await doc.getPage(1)).getTextContent()
      expect(content.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('Hello vault')
    } finally {
      await doc.destroy()
    }
  })

  it('keeps the caller’s bytes intact (pdf.js detaches the buffer it is given)', async () => {
    const bytes = new Uint8Array(readFileSync(corpusFile('ocrmypdf_graph_ocred.pdf')))
    const pdf = await openPdf(bytes, 'graph.pdf')
    await pdf.destroy()
    await pdf.destroy()
    expect(bytes.byteLength).toBeGreaterThan(0)
    expect(bytes[0]).toBe(0x25)
  })
})
