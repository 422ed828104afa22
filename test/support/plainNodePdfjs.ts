import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { onTestFinished } from 'vitest'

export const PROJECT_ROOT = join(__dirname, '../..')

/**
 * `src/main/services/pdf` bundled on its own, so a plain Node process can load and read PDFs the
 * way the desk and its workers do (the test runner loads modules its own way). Returns the
 * bundle's file: URL; the bundle is removed when the test finishes.
 */
export async function bundlePdfService(): Promise<string> {
  const { build } = await import('rolldown')
  // Inside the project, so the bundle resolves pdfjs-dist from node_modules as the app does.
  const dir = mkdtempSync(join(PROJECT_ROOT, 'test-results', 'pdfjs-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  // CommonJS, like the desk's own main bundle (the loader finds pdfjs-dist from __filename).
  const bundle = join(dir, 'pdfjs.cjs')
  await build({
    input: join(PROJECT_ROOT, 'src/main/services/pdf/index.ts'),
    output: { file: bundle, format: 'cjs' },
    external: [/^pdfjs-dist/, /^@napi-rs\/canvas/, /^node:/],
    logLevel: 'silent',
  })
  return pathToFileURL(bundle).href
}

/** Runs an ES module script in a plain Node process from the project folder; returns its last line. */
export function runPlainNode(script: string): string {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return out.trim().split('\n').at(-1) ?? ''
}
