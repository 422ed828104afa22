import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// A sandboxed preload can require only 'electron'; anything else it imports at runtime must be
// bundled, and pulling zod (or any package) in would bloat or break it. This walks the import
// graph from the source, counting only imports that survive type erasure.
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm

function runtimeGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      if (!spec) continue
      if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`))
      else packages.add(spec)
    }
  }
  visit(entry)
  return { files: [...files], packages: [...packages] }
}

describe('preload import graph', () => {
  const root = resolve(__dirname, '../..')
  const graph = runtimeGraph(resolve(root, 'src/preload/index.ts'))

  it('requires no package but electron', () => {
    expect(graph.packages).toEqual(['electron'])
  })

  it('pulls in only the zod-free contract files', () => {
    const relative = graph.files.map((f) => f.slice(root.length + 1)).sort()
    expect(relative).toEqual([
      'src/preload/index.ts',
      'src/shared/contract/api.ts',
      'src/shared/contract/listeners.ts',
      'src/shared/contract/names.ts',
    ])
  })
})
