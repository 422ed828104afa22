import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { yaml } from '../config/yaml'
import { listFiles } from '../storage/walk'
import { DeskError } from '../../../shared/contract'
import { parseSpecification, type CompiledSpec, type Specification } from '../../../shared/qc'

export interface LoadedSpec {
  file: string
  spec: Specification
  compiled: CompiledSpec
}

/** Parses specification text (JSON, or YAML — a superset of JSON) and validates it; errors name the file and the path. */
export function parseSpecText(text: string, file: string): LoadedSpec {
  let value: unknown
  try {
    value = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : yaml().parse(text)
  } catch (error) {
    throw new DeskError(
      'INVALID_INPUT',
      `${file}: not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
      { file },
    )
  }
  const result = parseSpecification(value)
  if (!result.ok) {
    const list = result.errors.map((e) => `${e.path}: ${e.message}`)
    throw new DeskError('INVALID_INPUT', `${file}: invalid specification: ${list.join('; ')}`, {
      file,
      errors: result.errors,
    })
  }
  return { file, spec: result.spec, compiled: result.compiled }
}

export async function loadSpecFile(file: string): Promise<LoadedSpec> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new DeskError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'IO_ERROR',
      `${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      { file },
    )
  }
  return parseSpecText(text, file)
}

const SPEC_EXTENSIONS = /\.(json|ya?ml)$/i

/** A specification file, or a folder of them (the library): every file is validated, errors name it. */
export async function loadSpecLibrary(path: string): Promise<LoadedSpec[]> {
  const info = await stat(path).catch(() => undefined)
  if (!info) throw new DeskError('NOT_FOUND', `${path}: no such file`, { file: path })
  if (!info.isDirectory()) return [await loadSpecFile(path)]
  const files = await listFiles([path], { include: SPEC_EXTENSIONS, recursive: false })
  return Promise.all(files.map((file) => loadSpecFile(file)))
}
