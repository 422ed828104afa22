import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PDFJS_WORKER_PATCHES, patchPdfjsWorker } from '../../../../src/main/services/pdf/pdfjsPatches'
import { CORPUS_DIR } from '../../../support/corpus'
import { bundlePdfjsLoader, runPlainNode } from '../../../support/plainNodePdfjs'

const installedParser = () =>
  readFileSync(createRequire(__filename).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8')

/** A script that prints, per PDF, a digest of every page's getTextContent() as JSON. */
function digestScript(loadPdfjs: string, files: string[]): string {
  return `
    import { createHash } from 'node:crypto'
    import { readFileSync } from 'node:fs'
    ${loadPdfjs}
    const digests = {}
    for (const file of ${JSON.stringify(files)}) {
      const hash = createHash('sha256')
      try {
        const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)) }).promise
        for (let p = 1; p <= doc.numPages; p++) {
          hash.update(JSON.stringify(await (await doc.getPage(p)).getTextContent()))
        }
        await doc.destroy()
      } catch (error) {
        hash.update('error ' + error.message)
      }
      digests[file] = hash.digest('hex')
    }
    console.log(JSON.stringify(digests))`
}

describe('patches to the pdf.js parser', () => {
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

  it('leave every character and coordinate of every corpus PDF text layer as it was', async () => {
    const files = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => join(CORPUS_DIR, f))
    expect(files.length).toBeGreaterThan(5)
    const original = runPlainNode(
      digestScript(
        `globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
         const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')`,
        files,
      ),
    )
    const loader = await bundlePdfjsLoader()
    const patched = runPlainNode(
      digestScript(
        `import { loadPdfjs } from ${JSON.stringify(loader)}
         const pdfjs = await loadPdfjs()`,
        files,
      ),
    )
    expect(JSON.parse(patched)).toEqual(JSON.parse(original))
  }, 120_000)
})
