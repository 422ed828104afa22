import { lookupAi, type AiDefinition } from './ai-table'
import { makeElement } from './element'
import { Gs1ParseError } from './errors'
import type { Gs1Element, ResolvedOptions } from './types'

/** RFC 3986 characters; anything else must be percent-encoded in a Digital Link URI. */
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/
const BAD_DOMAIN_CHARS = /[_~?#@!$&'()*+,;=%]/

/** Deprecated short names from the Digital Link standard 1.0 (accepted when permitted). */
const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  cpid: '8010',
  cpsn: '8011',
  cpv: '22',
  gcn: '255',
  gdti: '253',
  giai: '8004',
  ginc: '401',
  gln: '414',
  glnx: '254',
  gmn: '8013',
  grai: '8003',
  gsin: '402',
  gsrn: '8018',
  gsrnp: '8017',
  gtin: '01',
  itip: '8006',
  lot: '10',
  party: '417',
  refno: '8020',
  ser: '21',
  srin: '8019',
  sscc: '00',
}

export function looksLikeDigitalLink(input: string): boolean {
  return /^(https?|HTTPS?):\/\//.test(input)
}

interface Segment {
  text: string
  offset: number
}

function resolveAi(segment: string, options: ResolvedOptions): AiDefinition | undefined {
  if (options.permitConvenienceAlphas && /^[a-z]{3,5}$/.test(segment)) {
    const ai = CONVENIENCE_ALPHAS[segment]
    if (ai) return lookupAi(ai)
  }
  return /^\d{2,4}$/.test(segment) ? lookupAi(segment) : undefined
}

/** %XX decoding as the Digital Link standard defines it; "+" is a space only in the query. */
function percentDecode(text: string, offset: number, query: boolean): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    const hex = text.slice(i + 1, i + 3)
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      const code = parseInt(hex, 16)
      if (code === 0) throw new Gs1ParseError(offset + i, 'percent-encoded NUL (%00) is not allowed')
      out += String.fromCharCode(code)
      i += 2
    } else out += query && ch === '+' ? ' ' : ch
  }
  return out
}

function padGtin(def: AiDefinition, value: string, options: ResolvedOptions): string {
  return def.ai === '01' && options.permitZeroSuppressedGtin && [8, 12, 13].includes(value.length)
    ? value.padStart(14, '0')
    : value
}

function isQualifierPath(key: AiDefinition, qualifiers: readonly string[]): boolean {
  return (key.dlQualifiers ?? []).some((alternative) => {
    let at = 0
    for (const q of qualifiers) {
      const found = alternative.indexOf(q, at)
      if (found < 0) return false
      at = found + 1
    }
    return true
  })
}

/**
 * Parses a GS1 Digital Link URI (any domain, optional path stem before the primary key) into
 * elements: path AIs in order, then query-parameter AIs in order. Non-numeric query keys are
 * not GS1 data and are ignored; numeric ones must be AIs.
 */
export function parseDigitalLink(input: string, options: ResolvedOptions): Gs1Element[] {
  const scheme = /^(https?|HTTPS?):\/\//.exec(input)
  if (!scheme) {
    throw new Gs1ParseError(
      0,
      /^[A-Za-z][A-Za-z0-9+.-]*:/.test(input)
        ? `URI scheme must be http or https, got "${input.split(':')[0]}"`
        : 'expected a GS1 Digital Link URI (http:// or https://)',
    )
  }
  if (!URI_CHARS.test(input)) {
    const bad = [...input].findIndex((ch) => !URI_CHARS.test(ch))
    throw new Gs1ParseError(bad, `"${input[bad]}" is not allowed in a URI; it must be percent-encoded`)
  }
  const hostStart = scheme[0].length
  const pathStart = input.indexOf('/', hostStart)
  if (pathStart <= hostStart) throw new Gs1ParseError(hostStart, 'URI has no domain or no path')
  const host = input.slice(hostStart, pathStart)
  const badHost = host.search(BAD_DOMAIN_CHARS)
  if (badHost >= 0)
    throw new Gs1ParseError(hostStart + badHost, `"${host[badHost]}" is not allowed in a domain`)

  const fragment = input.indexOf('#', pathStart)
  const end = fragment < 0 ? input.length : fragment
  const queryMark = input.indexOf('?', pathStart)
  const pathEnd = queryMark >= 0 && queryMark < end ? queryMark : end
  const segments: Segment[] = []
  let offset = pathStart + 1
  for (const text of input.slice(pathStart + 1, pathEnd).split('/')) {
    segments.push({ text, offset })
    offset += text.length + 1
  }

  // The primary key is the right-most "/AI/value" pair whose AI is a key; pairs to its right must
  // all be AIs (qualifiers), anything to its left is the owner's path stem.
  let root = -1
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const def = resolveAi(segments[i]?.text ?? '', options)
    if (!def) break
    if (def.dlQualifiers) {
      root = i
      break
    }
  }
  if (root < 0) {
    throw new Gs1ParseError(
      pathStart,
      `no GS1 primary key (01, 00, 414, …) found in the path "${input.slice(pathStart, pathEnd)}"`,
    )
  }

  const elements: Gs1Element[] = []
  const pathAis: AiDefinition[] = []
  for (let i = root; i < segments.length; i += 2) {
    const aiSeg = segments[i] as Segment
    const valueSeg = segments[i + 1] as Segment
    const def = resolveAi(aiSeg.text, options) as AiDefinition
    const value = padGtin(def, percentDecode(valueSeg.text, valueSeg.offset, false), options)
    elements.push(makeElement(def.ai, def, value, valueSeg.offset, options.now))
    pathAis.push(def)
  }
  const [key, ...qualifiers] = pathAis
  if (
    !key ||
    !isQualifierPath(
      key,
      qualifiers.map((q) => q.ai),
    )
  ) {
    const allowed = (key?.dlQualifiers ?? []).map((alt) => alt.join(', ')).filter(Boolean)
    throw new Gs1ParseError(
      segments[root + 2]?.offset ?? pathStart,
      `path ${pathAis.map((d) => `(${d.ai})`).join('')} is not a valid key-qualifier sequence` +
        (allowed.length > 0
          ? ` (after (${key?.ai}) use, in order: ${allowed.join(' or ')})`
          : ` ((${key?.ai}) takes no qualifiers)`),
    )
  }

  if (queryMark >= 0 && queryMark < end) {
    let at = queryMark + 1
    for (const param of input.slice(queryMark + 1, end).split('&')) {
      const paramOffset = at
      at += param.length + 1
      const eq = param.indexOf('=')
      if (param === '' || eq < 0) continue
      const name = param.slice(0, eq)
      if (!/^\d+$/.test(name)) continue
      const def = lookupAi(name)
      if (!def && !options.permitUnknownAis)
        throw new Gs1ParseError(paramOffset, `unknown AI (${name}) in the query`)
      const valueOffset = paramOffset + eq + 1
      let value = percentDecode(param.slice(eq + 1), valueOffset, true)
      if (def) value = padGtin(def, value, options)
      if (elements.some((e) => e.ai === name))
        throw new Gs1ParseError(paramOffset, `AI (${name}) appears more than once`)
      if (def && pathAis.some((_, i) => fitsPath(pathAis, def, i + 1)))
        throw new Gs1ParseError(paramOffset, `AI (${name}) is a key qualifier and belongs in the path`)
      elements.push(makeElement(name, def, value, valueOffset, options.now))
    }
  }
  return elements
}

function fitsPath(pathAis: AiDefinition[], candidate: AiDefinition, at: number): boolean {
  const [key, ...rest] = pathAis
  if (!key) return false
  const trial = [...rest.map((d) => d.ai)]
  trial.splice(at - 1, 0, candidate.ai)
  return isQualifierPath(key, trial)
}
