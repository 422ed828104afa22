import { readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { ROOT } from './lint'

// One tsconfig per runtime (DESIGN.md §1): DOM types only in the renderer (and the preload), Node
// types only in main, server and the tooling. `npm run typecheck` checks every project tsconfig.json
// references.

function parse(config: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(ROOT, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )
  if (!parsed) throw new Error(`cannot read ${config}`)
  return parsed
}

const root = parse('tsconfig.json')
const projects = Object.fromEntries(
  (root.projectReferences ?? []).map((r) => [relative(ROOT, r.path), parse(relative(ROOT, r.path))]),
)

// Library files (lib.dom.d.ts, @types/node) parsed once for all the probes below.
const parsedFiles = new Map<string, ts.SourceFile | undefined>()

/** Type errors of `code` compiled alone at `file` with `config`'s options. */
function typeErrors(config: string, file: string, code: string): string[] {
  const options = projects[config]!.options
  const path = resolve(ROOT, file)
  const host = ts.createCompilerHost(options)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (name, language, ...rest) => {
    if (name === path) return ts.createSourceFile(name, code, language)
    const key = `${name}:${JSON.stringify(language)}`
    if (!parsedFiles.has(key)) parsedFiles.set(key, getSourceFile(name, language, ...rest))
    return parsedFiles.get(key)
  }
  host.fileExists = (
    (exists) => (name: string) =>
      name === path || exists(name)
  )(host.fileExists.bind(host))
  const extra = config === 'tsconfig.shared.json' ? [resolve(ROOT, 'src/shared/globals.d.ts')] : []
  const program = ts.createProgram({ rootNames: [path, ...extra], options, host })
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('a tsconfig per runtime', () => {
  it('tsconfig.json references one project per runtime, and npm run typecheck checks them', () => {
    expect(Object.keys(projects).sort()).toEqual([
      'tsconfig.node.json',
      'tsconfig.preload.json',
      'tsconfig.renderer.json',
      'tsconfig.server.json',
      'tsconfig.shared.json',
      'tsconfig.tooling.json',
    ])
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.typecheck).toBe('node scripts/typecheck.mjs')
    expect(readFileSync(resolve(ROOT, 'scripts/test.mjs'), 'utf8')).toContain(
      "check('typecheck', 'node', ['scripts/typecheck.mjs'])",
    )
  })

  it('gives each runtime only its own types', () => {
    const dom = (p: ts.ParsedCommandLine) => (p.options.lib ?? []).some((l) => /dom/i.test(l))
    const expected: Record<string, { dom: boolean; types: string[] }> = {
      'tsconfig.shared.json': { dom: false, types: [] },
      'tsconfig.renderer.json': { dom: true, types: [] },
      'tsconfig.preload.json': { dom: true, types: [] },
      'tsconfig.node.json': { dom: false, types: ['node'] },
      'tsconfig.server.json': { dom: false, types: ['node'] },
      'tsconfig.tooling.json': { dom: true, types: ['node'] },
    }
    for (const [config, want] of Object.entries(expected)) {
      const p = projects[config]!
      expect({ dom: dom(p), types: p.options.types }, config).toEqual(want)
    }
  })

  it('puts every source file of src/ and server/ in exactly the project of its layer', () => {
    const owner = new Map<string, string[]>()
    for (const [config, p] of Object.entries(projects)) {
      for (const f of p.fileNames) {
        const file = relative(ROOT, f)
        owner.set(file, [...(owner.get(file) ?? []), config])
      }
    }
    const layers: [RegExp, string][] = [
      [/^src\/shared\//, 'tsconfig.shared.json'],
      [/^src\/renderer\//, 'tsconfig.renderer.json'],
      [/^src\/preload\//, 'tsconfig.preload.json'],
      [/^src\/main\/.*\.d\.ts$/, 'tsconfig.node.json,tsconfig.tooling.json'],
      [/^src\/main\//, 'tsconfig.node.json'],
      [/^server\//, 'tsconfig.server.json'],
    ]
    const sources = ts.sys
      .readDirectory(resolve(ROOT, 'src'), ['.ts', '.tsx', '.mts'])
      .concat(ts.sys.readDirectory(resolve(ROOT, 'server'), ['.ts', '.tsx', '.mts']))
      .map((f) => relative(ROOT, f))
    expect(sources.length).toBeGreaterThan(100)
    for (const file of sources) {
      const want = layers.find(([re]) => re.test(file))?.[1]
      expect((owner.get(file) ?? []).sort().join(','), file).toBe(want)
    }
  })

  it('makes Node globals a type error in the renderer and in shared, and DOM globals one in shared and main', () => {
    const node = 'export const a = [process.env, Buffer.from([]), require]\n'
    expect(typeErrors('tsconfig.renderer.json', 'src/renderer/probe.ts', node)).toEqual([
      expect.stringContaining("Cannot find name 'process'"),
      expect.stringContaining("Cannot find name 'Buffer'"),
      expect.stringContaining("Cannot find name 'require'"),
    ])
    expect(typeErrors('tsconfig.shared.json', 'src/shared/probe.ts', node)).toHaveLength(3)
    const dom = 'export const a = [document.title, window.localStorage]\n'
    expect(typeErrors('tsconfig.shared.json', 'src/shared/probe.ts', dom)).toHaveLength(2)
    expect(typeErrors('tsconfig.node.json', 'src/main/services/probe.ts', dom)).toHaveLength(2)
    expect(typeErrors('tsconfig.renderer.json', 'src/renderer/probe.ts', dom)).toEqual([])
    expect(typeErrors('tsconfig.node.json', 'src/main/services/probe.ts', node)).toEqual([])
  })
})
