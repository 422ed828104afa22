/**
 * Canonical JSON for hashing: the same value must give the same bytes on every desk and on the
 * hub, after a round trip through IndexedDB (which keeps `undefined` keys and -0) and through
 * JSON on the wire (which drops them). Keys sort by UTF-16 code unit and numbers use the
 * ECMAScript shortest round-trip form, as in RFC 8785.
 */

export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject
/** `undefined` members are allowed because they are dropped, exactly as JSON.stringify does. */
export type JsonObject = { [key: string]: JsonValue | undefined }

export function canonicalJson(value: unknown): string {
  return write(value, '$')
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`)
      return Object.is(value, -0) ? '0' : String(value)
    case 'object':
      break
    default:
      // undefined, bigint, function, symbol: silently dropping them would hash a different
      // value from the one the caller thinks they stored.
      throw new TypeError(`${path}: ${typeof value} has no JSON form`)
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`
  }
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) {
    // Dates, Maps, typed arrays... survive IndexedDB but not the wire, so the hash would drift.
    throw new TypeError(`${path}: only plain objects are allowed`)
  }
  const record = value as Record<string, unknown>
  const members: string[] = []
  for (const key of Object.keys(record).sort()) {
    const member = record[key]
    if (member === undefined) continue
    members.push(`${JSON.stringify(key)}:${write(member, `${path}.${key}`)}`)
  }
  return `{${members.join(',')}}`
}

/** True when `value` can be hashed and sent as JSON without loss. */
export function isCanonicalJson(value: unknown): value is JsonValue {
  try {
    canonicalJson(value)
    return true
  } catch {
    return false
  }
}
