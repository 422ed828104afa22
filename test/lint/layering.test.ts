import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: resolve(__dirname, '../..') })

/** Lints `code` as if it lived at `filePath`, returning the layering violations only. */
async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(__dirname, '../..', filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message)
}

describe('layering rules (DESIGN.md §1) are enforced by lint', () => {
  it("rejects an 'electron' import outside src/main/electron/", async () => {
    for (const file of [
      'src/main/services/x.ts',
      'src/main/cli/x.ts',
      'src/shared/x.ts',
      'src/renderer/x.tsx',
    ]) {
      expect(await layeringErrors(file, "import { app } from 'electron'\nexport const a = app\n")).toEqual([
        expect.stringContaining("Only src/main/electron/ may import 'electron'"),
      ])
    }
  })

  it("accepts an 'electron' import inside src/main/electron/ and the preload", async () => {
    const code = "import { app } from 'electron'\nexport const a = app\n"
    expect(await layeringErrors('src/main/electron/x.ts', code)).toEqual([])
    expect(
      await layeringErrors(
        'src/preload/x.ts',
        "import { contextBridge } from 'electron'\nexport const c = contextBridge\n",
      ),
    ).toEqual([])
  })

  it('rejects node: imports and bare built-ins in src/shared/', async () => {
    expect(
      await layeringErrors('src/shared/x.ts', "import fs from 'node:fs'\nexport const f = fs\n"),
    ).toHaveLength(1)
    expect(
      await layeringErrors('src/shared/x.ts', "import path from 'path'\nexport const p = path\n"),
    ).toHaveLength(1)
    expect(await layeringErrors('src/shared/x.ts', 'export const b = process.env\n')).toHaveLength(1)
  })

  it('keeps shared free of main and renderer, and the renderer free of main', async () => {
    expect(
      await layeringErrors('src/shared/a/x.ts', "export { d } from '../../main/services/desk'\n"),
    ).toHaveLength(1)
    expect(
      await layeringErrors('src/renderer/a/x.ts', "export { d } from '../../main/services/desk'\n"),
    ).toHaveLength(1)
    expect(
      await layeringErrors('src/renderer/a/x.ts', "import fs from 'node:fs'\nexport const f = fs\n"),
    ).toHaveLength(1)
  })

  it('lets the renderer import only types from the preload', async () => {
    expect(
      await layeringErrors('src/renderer/x.ts', "import type { T } from '../preload/x'\nexport type U = T\n"),
    ).toEqual([])
    expect(
      await layeringErrors('src/renderer/x.ts', "import { v } from '../preload/x'\nexport const u = v\n"),
    ).toHaveLength(1)
  })

  it('lets the preload import only the contract from shared', async () => {
    expect(
      await layeringErrors(
        'src/preload/x.ts',
        "import { METHOD_NAMES } from '../shared/contract/names'\nexport const m = METHOD_NAMES\n",
      ),
    ).toEqual([])
    expect(
      await layeringErrors(
        'src/preload/x.ts',
        "import { sha256Hex } from '../shared/crypto'\nexport const s = sha256Hex\n",
      ),
    ).toHaveLength(1)
  })
})
