import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The version in the app's package.json; hosts pass the folder they were started from. */
export function readAppVersion(appRoot: string): string {
  const json: unknown = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8'))
  const version = (json as { version?: unknown }).version
  return typeof version === 'string' ? version : '0.0.0'
}
