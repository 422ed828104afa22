import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export interface ListFilesOptions {
  /** Files found inside folders must match; files named outright always pass (their errors name them). */
  include?: RegExp
  /** Go into sub-folders (default true). */
  recursive?: boolean
}

/**
 * Named files and the files inside named folders, in a stable order (sorted, hidden entries
 * skipped). A missing path passes through, so whoever opens it reports it by name.
 */
export async function listFiles(paths: readonly string[], options: ListFilesOptions = {}): Promise<string[]> {
  const out: string[] = []
  const walk = async (path: string, named: boolean, depth: number): Promise<void> => {
    const info = await stat(path).catch(() => null)
    if (!info?.isDirectory()) {
      if (named || !options.include || options.include.test(path)) out.push(path)
      return
    }
    if (!named && options.recursive === false) return
    const entries = (await readdir(path)).filter((e) => !e.startsWith('.')).sort()
    for (const entry of entries) await walk(join(path, entry), false, depth + 1)
  }
  for (const path of paths) await walk(resolve(path), true, 0)
  return out
}
