import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The shared corpus lives beside the repository (../shared/corpus); it is never copied in. */
export const CORPUS_DIR = resolve(
  process.env.PEBBLE_CORPUS_DIR ?? resolve(__dirname, '../../../shared/corpus'),
)

export function corpusFile(name: string): string {
  const path = resolve(CORPUS_DIR, name)
  if (!existsSync(path))
    throw new Error(`corpus file missing: ${path} (is ../shared/corpus beside the repo?)`)
  return path
}
