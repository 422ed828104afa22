import { hasValidCheckDigit } from './check-digit'
import { looksLikeDigitalLink, parseDigitalLink } from './digital-link'
import { makeElement } from './element'
import { parseElementString } from './element-string'
import { Gs1ParseError } from './errors'
import { parseHri } from './hri'
import { lookupAi } from './ai-table'
import { lookupSymbology } from './symbology'
import { resolveOptions, type Gs1ParseOptions, type Gs1Result, type ResolvedOptions } from './types'

const COMPOSITE_MARK = '|]e0'

function gtinElement(digits: string, offset: number, options: ResolvedOptions) {
  return makeElement('01', lookupAi('01'), digits.padStart(14, '0'), offset, options.now)
}

/** EAN/UPC primary data: exactly `length` digits with a valid check digit. */
function parsePrimary(data: string, length: number, base: number): string {
  const digits = data.slice(0, length)
  if (digits.length < length) throw new Gs1ParseError(base, `expected ${length} digits, got "${data}"`)
  const bad = digits.search(/\D/)
  if (bad >= 0) throw new Gs1ParseError(base + bad, `EAN/UPC data must be digits, got "${digits}"`)
  if (!hasValidCheckDigit(digits))
    throw new Gs1ParseError(base + length - 1, `check digit of ${digits} is wrong`)
  return digits
}

function parseEan(id: string, rest: string, length: number, options: ResolvedOptions): Gs1Result {
  const tail = rest.slice(length)
  if (tail !== '' && !tail.startsWith(COMPOSITE_MARK)) {
    throw new Gs1ParseError(3 + length, `expected ${length} digits, got ${rest.length} characters "${rest}"`)
  }
  const digits = parsePrimary(rest, length, 3)
  const result: Gs1Result = {
    symbology: lookupSymbology(id)?.name ?? null,
    symbologyId: id,
    elements: [gtinElement(digits, 3, options)],
    text: digits,
  }
  if (tail === '') return result
  const ccBase = 3 + length + COMPOSITE_MARK.length
  result.elements.push(...parseElementString(rest.slice(length + COMPOSITE_MARK.length), options, ccBase))
  return result
}

/** Scanner output that starts with an ISO/IEC 15424 symbology identifier ("]d2…"). */
function parseScan(input: string, options: ResolvedOptions): Gs1Result {
  if (!input.startsWith(']') || input.length < 3)
    throw new Gs1ParseError(0, 'missing symbology identifier (e.g. ]d2, ]C1, ]Q3)')
  const id = input.slice(0, 3)
  const symbology = lookupSymbology(id)
  if (!symbology) throw new Gs1ParseError(0, `unsupported symbology identifier "${id}"`)
  const rest = input.slice(3)
  const base = { symbology: symbology.name, symbologyId: id }
  switch (symbology.content) {
    case 'gs1':
      if (rest === '') throw new Gs1ParseError(3, `no GS1 data after ${id}`)
      return { ...base, elements: parseElementString(rest, options, 3) }
    case 'ean13':
      return parseEan(id, rest, 13, options)
    case 'ean8':
      return parseEan(id, rest, 8, options)
    case 'ean13-addon': {
      if (!/^\d{15}$|^\d{18}$/.test(rest))
        throw new Gs1ParseError(3, `expected 13 digits and a 2- or 5-digit add-on, got "${rest}"`)
      const digits = parsePrimary(rest, 13, 3)
      return { ...base, elements: [gtinElement(digits, 3, options)], text: rest }
    }
    case 'ean-addon':
      if (!/^\d{2}$|^\d{5}$/.test(rest))
        throw new Gs1ParseError(3, `expected a 2- or 5-digit add-on, got "${rest}"`)
      return { ...base, elements: [], text: rest }
    case 'plain':
      if (looksLikeDigitalLink(rest)) {
        return { ...base, elements: shift(3, () => parseDigitalLink(rest, options)), digitalLink: rest }
      }
      return { ...base, elements: [], text: rest }
  }
}

/** Offsets from sub-parsers are relative to the data they saw; shift them to the whole input. */
function shift<T>(offset: number, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof Gs1ParseError) throw new Gs1ParseError(error.position + offset, error.reason)
    throw error
  }
}

/**
 * Parses GS1 barcode data: scanner output with a symbology identifier, a raw element string
 * (FNC1 as GS), the bracketed human-readable form, or a GS1 Digital Link URI.
 * Throws Gs1ParseError naming the position and the reason.
 */
export function parseGs1(input: string, options: Gs1ParseOptions = {}): Gs1Result {
  const resolved = resolveOptions(options)
  const kind =
    resolved.kind !== 'auto'
      ? resolved.kind
      : input.startsWith(']')
        ? 'scan'
        : input.startsWith('(')
          ? 'hri'
          : looksLikeDigitalLink(input)
            ? 'digital-link'
            : 'element-string'
  if (input === '' && kind !== 'scan') throw new Gs1ParseError(0, 'no data')
  switch (kind) {
    case 'scan':
      return parseScan(input, resolved)
    case 'hri':
      return { symbology: null, symbologyId: null, elements: parseHri(input, resolved) }
    case 'digital-link':
      return {
        symbology: null,
        symbologyId: null,
        elements: parseDigitalLink(input, resolved),
        digitalLink: input,
      }
    default:
      return { symbology: null, symbologyId: null, elements: parseElementString(input, resolved) }
  }
}
