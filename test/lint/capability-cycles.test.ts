import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../support/builtApp'

// Capabilities depend on each other one way only: a folder that imports another folder which
// imports it back (qc ⇄ sampling, tenders ⇄ viewer, pipeline ⇄ screening) is one capability in
// two homes. Type-only imports count too: they tie the two folders' shapes together just the same.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const IMPORT = /(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]/g

/** folder → the sibling folders (under `root`) its files import from. */
function folderGraph(root: string): Map<string, Set<string>> {
  const base = join(REPO_ROOT, root)
  const graph = new Map<string, Set<string>>()
  for (const file of sourceFiles(base)) {
    const from = relative(base, file).split(sep)[0]!
    if (!graph.has(from)) graph.set(from, new Set())
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = relative(base, resolve(dirname(file), spec!))
      if (target.startsWith('..')) continue
      const to = target.split(sep)[0]!
      if (to !== from && statSync(join(base, to), { throwIfNoEntry: false })?.isDirectory()) {
        graph.get(from)!.add(to)
      }
    }
  }
  return graph
}

/** Every cycle's folders, as "a → b → a". */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return
    if (state.get(node) === 'open') {
      found.push([...path.slice(path.indexOf(node)), node].join(' → '))
      return
    }
    state.set(node, 'open')
    for (const next of graph.get(node) ?? []) visit(next, [...path, node])
    state.set(node, 'done')
  }
  for (const node of graph.keys()) visit(node, [])
  return found
}

describe('capability folders import each other one way only', () => {
  it.each(['src/main/services', 'src/renderer/features', 'src/shared'])('%s has no import cycle', (root) => {
    expect(cycles(folderGraph(root))).toEqual([])
  })

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['qc', new Set(['sampling'])],
      ['sampling', new Set(['qc'])],
      ['tenders', new Set(['documents'])],
    ])
    expect(cycles(graph)).toEqual(['qc → sampling → qc'])
  })
})
