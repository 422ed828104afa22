import { sha256Hex } from '../crypto'
import type { Specification } from './spec'

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

/**
 * sha256 of the specification's content without its version number: two versions with the same
 * fingerprint say the same thing, and a check can record exactly which text it was judged against.
 */
export function specFingerprint(spec: Specification): string {
  const { version: _version, ...content } = spec
  return sha256Hex(JSON.stringify(canonical(content)))
}

/**
 * The version an edit should be saved as: unchanged content keeps the version, any change takes the
 * next number. Versions are never reused, so a check's recorded version always means one text.
 */
export function nextSpecVersion(previous: Specification, edited: Specification): number {
  return specFingerprint(previous) === specFingerprint(edited) ? previous.version : previous.version + 1
}
