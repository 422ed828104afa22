import { basename, resolve } from 'node:path'
import { DeskError } from '../../../shared/contract'

/**
 * A labels file: `file,label` per line (a header line is allowed), file names as given on the
 * command line or their base names. Labels outside `allowed` are refused with the line number.
 */
export function parseLabels(text: string, source: string, allowed: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const cut = line.lastIndexOf(',')
    const file = unquote(cut < 0 ? line : line.slice(0, cut))
    const label = unquote(cut < 0 ? '' : line.slice(cut + 1)).toLowerCase()
    if (i === 0 && file.toLowerCase() === 'file' && label === 'label') return
    if (!allowed.includes(label)) {
      throw new DeskError(
        'INVALID_INPUT',
        `${source} line ${i + 1}: label "${label}" for "${file}" is not one of ${allowed.join(', ')}`,
        { file: source },
      )
    }
    labels.set(file, label)
  })
  if (labels.size === 0)
    throw new DeskError('INVALID_INPUT', `${source}: no labels (lines of file,label)`, { file: source })
  return labels
}

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim()

/** Finds a file's label by its path (as given, relative to the working folder) or by its base name. */
export function labelFinder(labels: ReadonlyMap<string, string>): (file: string) => string | undefined {
  const byPath = new Map<string, string>()
  for (const [name, label] of labels) byPath.set(resolve(name), label)
  return (file) => byPath.get(resolve(file)) ?? labels.get(basename(file))
}
