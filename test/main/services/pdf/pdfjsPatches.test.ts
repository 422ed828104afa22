import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
    const patched = runPlainNode(
      digestScript(
        `import { openPdf } from ${JSON.stringify(service)}
         const open = async (data, file) => {
           const pdf = await openPdf(data, file)
           return { doc: pdf.doc, close: () => pdf.destroy() }
         }`,
        files,
      ),
    )
    expect(JSON.parse(patched)).toEqual(JSON.parse(original))
  }, 120_000)
})
