import { lookupAi } from './ai-table'
import type { Gs1Element, Gs1Result } from './types'

/** "(01)09520123456788(10)ABC"; a "(" inside a value is escaped as "\(" so it parses back. */
export function toHri(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value.replace(/\(/g, '\\(')}`).join('')
}

function separatorRequired(ai: string): boolean {
  return lookupAi(ai)?.separatorRequired ?? true
}

/**
 * The element string with FNC1 shown as `fnc1` ("^" in GS1's notation, GS on the wire): a leading
 * FNC1, and one after every variable-length field that is not last.
 */
export function toElementString(elements: readonly Gs1Element[], fnc1 = '^', leading = true): string {
  let out = leading ? fnc1 : ''
  elements.forEach((e, i) => {
    out += e.ai + e.value
    if (i < elements.length - 1 && separatorRequired(e.ai)) out += fnc1
  })
  return out
}

/** Plain data is shown with a leading "\…^" escaped, so it cannot be mistaken for FNC1. */
function escapePlain(text: string): string {
  return /^\\*\^/.test(text) ? `\\${text}` : text
}

/**
 * The GS1 Syntax Engine "data string": "^…" for GS1 element strings, the text itself for plain
 * data and Digital Link URIs, "digits|^…" for EAN/UPC with a composite component.
 */
export function toDataString(result: Gs1Result): string {
  if (result.digitalLink !== undefined) return escapePlain(result.digitalLink)
  if (result.text !== undefined) {
    const composite = result.elements.slice(1)
    if (result.elements.length > 0 && composite.length > 0)
      return `${result.text}|${toElementString(composite)}`
    return result.elements.length > 0 ? result.text : escapePlain(result.text)
  }
  return toElementString(result.elements)
}

function uriEscape(value: string, query: boolean): string {
  let out = ''
  for (const ch of value) {
    if (/[A-Za-z0-9\-._~]/.test(ch)) out += ch
    else if (query && ch === ' ') out += '+'
    else out += `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/**
 * A GS1 Digital Link URI for the elements: the first primary key with the qualifier sequence
 * that uses the most of the given AIs in the path, the rest as query parameters (fixed-length
 * AIs first). Returns undefined when no element is a Digital Link primary key.
 */
export function toDigitalLinkUri(
  elements: readonly Gs1Element[],
  stem = 'https://id.gs1.org',
): string | undefined {
  const keyIndex = elements.findIndex((e) => lookupAi(e.ai)?.dlQualifiers !== undefined)
  const key = elements[keyIndex]
  if (!key) return undefined
  const alternatives = lookupAi(key.ai)?.dlQualifiers ?? [[]]
  const present = new Set(elements.map((e) => e.ai))
  let best: readonly string[] = []
  for (const alt of alternatives) {
    const used = alt.filter((ai) => present.has(ai))
    if (used.length > best.length) best = used
  }
  const pathAis = new Set([key.ai, ...best])
  let uri = stem.replace(/\/$/, '')
  for (const ai of [key.ai, ...best]) {
    const element = elements.find((e) => e.ai === ai)
    if (element) uri += `/${ai}/${uriEscape(element.value, false)}`
  }
  const rest = elements.filter((e, i) => i !== keyIndex && !pathAis.has(e.ai))
  const ordered = [
    ...rest.filter((e) => !separatorRequired(e.ai)),
    ...rest.filter((e) => separatorRequired(e.ai)),
  ]
  const query = ordered.map((e) => `${e.ai}=${uriEscape(e.value, true)}`).join('&')
  return query ? `${uri}?${query}` : uri
}
