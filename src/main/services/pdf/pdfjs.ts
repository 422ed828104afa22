import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<Pdfjs> | undefined

/**
 * pdf.js ships only ESM and the main bundle is CommonJS, so it is loaded with a real dynamic
 * import (kept as `import()` by the bundler and resolved from node_modules at run time). The legacy
 * build is the one that runs on Node 20 (the modern one needs DOMMatrix).
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return loading
}

/** Folders inside the installed pdfjs-dist; pdf.js on Node wants file paths with a trailing slash. */
export function pdfjsAssetPaths(): { standardFontDataUrl: string; cMapUrl: string } {
  const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
  return {
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
  }
}
