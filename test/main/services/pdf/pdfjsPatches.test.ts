import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { describe, expect, it, onTestFinished } from 'vitest'
import { PDFJS_WORKER_PATCHES, patchPdfjsWorker } from '../../../../src/main/services/pdf/pdfjsPatches'
import { CORPUS_DIR } from '../../../support/corpus'
import { bundlePdfService, runPlainNode } from '../../../support/plainNodePdfjs'

const installedParser = () =>
  readFileSync(createRequire(__filename).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8')

/**
 * A script that prints, per PDF, a digest of every page's getTextContent() as JSON. `setup` defines
 * `open(data, file)` → `{ doc, close }`.
 */
function digestScript(setup: string, files: string[]): string {
  return `
    import { createHash } from 'node:crypto'
    import { readFileSync } from 'node:fs'
    ${setup}
    const digests = {}
    for (const file of ${JSON.stringify(files)}) {
      const hash = createHash('sha256')
      try {
        const { doc, close } = await open(new Uint8Array(readFileSync(file)), file)
        for (let p = 1; p <= doc.numPages; p++) {
          hash.update(JSON.stringify(await (await doc.getPage(p)).getTextContent()))
        }
        await close()
      } catch (error) {
        hash.update('error ' + error.message)
      }
      digests[file] = hash.digest('hex')
    }
    console.log(JSON.stringify(digests))`
}

/** pdf.js as installed, with its own fake worker, given the same asset folders as the desk gives it. */
const INSTALLED_PDFJS = `
  import { createRequire } from 'node:module'
  import { dirname, join } from 'node:path'
  const root = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('pdfjs-dist/package.json'))
  globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const assets = { standardFontDataUrl: root + '/standard_fonts/', cMapUrl: root + '/cmaps/', cMapPacked: true,
    wasmUrl: root + '/wasm/', isEvalSupported: false, verbosity: 0 }
  const open = async (data) => {
    const doc = await pdfjs.getDocument({ data, ...assets }).promise
    return { doc, close: () => doc.destroy() }
  }`

/**
 * A one-page PDF whose content stream is deflated and then passed through `damage`, with a correct
 * cross-reference table (pdf.js reads it as given rather than rebuilding it).
 */
function pdfWithContent(damage: (deflated: Buffer) => Buffer): Buffer {
  const lines = Array.from(
    { length: 60 },
    (_, i) => `BT /F1 10 Tf 40 ${760 - i * 12} Td (Line ${i} of a tender notice, EMD Rs ${i * 1000}) Tj ET`,
  )
  const stream = damage(deflateSync(Buffer.from(lines.join('\n'))))
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')]
  const offsets: number[] = []
  let at = parts[0]!.length
  objects.forEach((body, i) => {
    offsets.push(at)
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    parts.push(obj)
    at += obj.length
  })
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ']
  for (const offset of offsets) xref.push(`${String(offset).padStart(10, '0')} 00000 n `)
  parts.push(
    Buffer.from(
      `${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`,
    ),
  )
  return Buffer.concat(parts)
}

/** The opening lines of a digest script that reads through the desk's own (patched) pdf.js service. */
const deskOpen = (service: string) => `import { openPdf } from ${JSON.stringify(service)}
  const open = async (data, file) => {
    const pdf = await openPdf(data, file)
    return { doc: pdf.doc, close: () => pdf.destroy() }
  }`

describe('reading text layers through the patched parser and the in-thread port', () => {
  it('each applies exactly once to the installed pdfjs-dist', () => {
    const source = installedParser()
    const patched = patchPdfjsWorker(source)
    for (const patch of PDFJS_WORKER_PATCHES) {
      expect(patched).toContain(patch.replace)
      expect(patched).not.toContain(patch.find)
    }
  })

  it('names the patch that no longer fits, so an upgrade of pdfjs-dist cannot slip past', () => {
    const [clone, transform] = PDFJS_WORKER_PATCHES
    expect(() => patchPdfjsWorker('class Other {}', [clone!])).toThrow(
      /"TextState\.clone shares one prototype".*not found/,
    )
    const twice = `${transform!.find}\n${transform!.find}`
    expect(() => patchPdfjsWorker(twice, [transform!])).toThrow(/found 2 times/)
  })

  it('leaves every character and coordinate of every corpus PDF text layer as it was', async () => {
    const files = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => join(CORPUS_DIR, f))
    expect(files.length).toBeGreaterThan(5)
    const original = runPlainNode(digestScript(INSTALLED_PDFJS, files))
    const service = await bundlePdfService()
    const patched = runPlainNode(digestScript(deskOpen(service), files))
    expect(JSON.parse(patched)).toEqual(JSON.parse(original))
  }, 120_000)

  it("inflates damaged content streams as pdf.js's own inflate does (what the desk used before zlib)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pebble-flate-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const variants: Record<string, (deflated: Buffer) => Buffer> = {
      whole: (d) => d,
      'no Adler-32 trailer': (d) => d.subarray(0, d.length - 4),
      'wrong Adler-32 trailer': (d) =>
        Buffer.concat([d.subarray(0, d.length - 4), Buffer.from([1, 2, 3, 4])]),
      'bytes after the end': (d) => Buffer.concat([d, Buffer.from('\r\n\r\n')]),
      'cut off half way': (d) => d.subarray(0, Math.floor(d.length / 2)),
      'a corrupt block': (d) =>
        Buffer.concat([d.subarray(0, 40), Buffer.from([0xff, 0xff, 0xff]), d.subarray(43)]),
    }
    const files = Object.entries(variants).map(([name, damage]) => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.pdf`)
      writeFileSync(file, pdfWithContent(damage))
      return file
    })
    // The desk's document worker has no DecompressionStream, so pdf.js's own JavaScript inflate is the reference.
    const ownInflate = `delete globalThis.DecompressionStream\n${INSTALLED_PDFJS}`
    const original = JSON.parse(runPlainNode(digestScript(ownInflate, files))) as Record<string, string>
    const service = await bundlePdfService()
    const patched = runPlainNode(digestScript(deskOpen(service), files))
    expect(JSON.parse(patched)).toEqual(original)
    // The variants do differ: a stream cut off half way keeps only its first lines.
    expect(new Set(Object.values(original)).size).toBeGreaterThan(1)
  }, 120_000)
})
