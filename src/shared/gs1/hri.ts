import { lookupAi } from './ai-table'
import { makeElement } from './element'
import { Gs1ParseError } from './errors'
import type { Gs1Element, ResolvedOptions } from './types'

/**
 * Parses the bracketed human-readable form "(01)09520123456788(10)ABC". A literal "(" inside a
 * value is written "\(" (GS1 Syntax Engine convention), since "(" is a legal data character.
 */
export function parseHri(input: string, options: ResolvedOptions): Gs1Element[] {
  if (!input.startsWith('('))
    throw new Gs1ParseError(0, 'bracketed data must start with "(" and an AI, e.g. (01)')
  const elements: Gs1Element[] = []
  let pos = 0
  while (pos < input.length) {
    const close = input.indexOf(')', pos + 1)
    const ai = close < 0 ? input.slice(pos + 1) : input.slice(pos + 1, close)
    if (close < 0) throw new Gs1ParseError(pos, `AI "(${ai}" is not closed with ")"`)
    if (!/^\d{2,4}$/.test(ai)) throw new Gs1ParseError(pos + 1, `"(${ai})" is not an AI (2 to 4 digits)`)
    const def = lookupAi(ai)
    if (!def && !options.permitUnknownAis) throw new Gs1ParseError(pos + 1, `unknown AI (${ai})`)
    const valueStart = close + 1
    let value = ''
    let at = valueStart
    while (at < input.length && input[at] !== '(') {
      if (input[at] === '\\' && input[at + 1] === '(') {
        value += '('
        at += 2
      } else {
        value += input[at]
        at++
      }
    }
    elements.push(makeElement(ai, def, value, valueStart, options.now))
    pos = at
  }
  return elements
}
