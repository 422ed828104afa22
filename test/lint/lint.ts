import { ESLint } from 'eslint'
import { resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')

let eslint: ESLint | undefined

/** Lints `code` as if it lived at `filePath` (relative to the repo), returning the import-rule messages only. */
export async function importErrors(filePath: string, code: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message)
}

/** `import * as m from '<spec>'` plus a use, so the snippet is otherwise lint-clean. */
export const importing = (spec: string): string => `import * as m from '${spec}'\nexport const n = m\n`
