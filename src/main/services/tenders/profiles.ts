import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { DeskError } from '../../../shared/contract'
import { yaml as yamlPackage } from '../config/yaml'
import { parseProfile, type Profile } from '../../../shared/tenders/screening'

const MAX_PROFILE_BYTES = 8 * 1024 * 1024

/** Parses profile text: YAML for .yaml/.yml, JSON otherwise (YAML is a superset, but JSON errors read better). */
export function parseProfileText(text: string, file: string): Profile {
  const yaml = /^\.ya?ml$/i.test(extname(file))
  let data: unknown
  try {
    data = yaml ? yamlPackage().parse(text) : JSON.parse(text)
  } catch (error) {
    const where =
      yaml && error instanceof yamlPackage().YAMLParseError && error.linePos
        ? ` at line ${error.linePos[0].line}`
        : ''
    throw new DeskError(
      'INVALID_INPUT',
      `${file}: not valid ${yaml ? 'YAML' : 'JSON'}${where} (${firstLine(error)})`,
      { file },
    )
  }
  const result = parseProfile(data)
  if (!result.ok) {
    throw new DeskError('INVALID_INPUT', `${file}: invalid profile: ${result.errors.join('; ')}`, {
      file,
      errors: result.errors,
    })
  }
  return result.profile
}

export async function loadProfile(file: string): Promise<Profile> {
  let text: string
  try {
    const bytes = await readFile(file)
    if (bytes.length > MAX_PROFILE_BYTES)
      throw new DeskError('FILE_TOO_LARGE', `${file}: profile is larger than 8 MB`, { file })
    text = bytes.toString('utf8')
  } catch (error) {
    if (error instanceof DeskError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new DeskError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'IO_ERROR',
      `${file}: ${code === 'ENOENT' ? 'no such file' : firstLine(error)}`,
      { file },
    )
  }
  return parseProfileText(text, file)
}

/** Several profiles at once; names must differ so results can say which one matched. */
export async function loadProfiles(files: readonly string[]): Promise<Profile[]> {
  const profiles = await Promise.all(files.map(loadProfile))
  const seen = new Map<string, string>()
  profiles.forEach((p, i) => {
    const other = seen.get(p.name)
    if (other)
      throw new DeskError(
        'INVALID_INPUT',
        `${files[i]}: profile name "${p.name}" is already used by ${other}`,
        { file: files[i] },
      )
    seen.set(p.name, files[i]!)
  })
  return profiles
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
