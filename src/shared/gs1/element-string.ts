import { matchAiPrefix, unknownAiLength } from './ai-table'
import { describeChar } from './charsets'
import { makeElement } from './element'
import { Gs1ParseError } from './errors'
import type { Gs1Element, ResolvedOptions } from './types'

/**
 * Parses a GS1 element string as a scanner transmits it: AIs back to back, with a separator
 * (GS by default) after each variable-length field that is not last. Separators anywhere between
 * elements are tolerated (leading FNC1, doubled or trailing GS), as scanners emit them.
 * `base` is added to positions so errors refer to the caller's whole input.
 */
export function parseElementString(data: string, options: ResolvedOptions, base = 0): Gs1Element[] {
  const isSeparator = (ch: string | undefined): boolean => ch !== undefined && options.separators.includes(ch)
  const nextSeparator = (from: number): number => {
    for (let i = from; i < data.length; i++) if (isSeparator(data[i])) return i
    return data.length
  }
  const elements: Gs1Element[] = []
  let pos = 0
  while (pos < data.length) {
    if (isSeparator(data[pos])) {
      pos++
      continue
    }
    const def = matchAiPrefix(data, pos)
    let ai: string
    if (def) ai = def.ai
    else {
      const length = options.permitUnknownAis ? unknownAiLength(data, pos) : undefined
      const candidate = length === undefined ? undefined : data.slice(pos, pos + length)
      if (candidate === undefined || !/^\d+$/.test(candidate) || candidate.length !== length) {
        throw new Gs1ParseError(base + pos, unknownAiReason(data.slice(pos)))
      }
      ai = candidate
    }
    const valueStart = pos + ai.length
    const end =
      def && !def.separatorRequired
        ? Math.min(valueStart + def.maxLength, nextSeparator(valueStart))
        : Math.min(nextSeparator(valueStart), valueStart + (def?.maxLength ?? 90))
    elements.push(makeElement(ai, def, data.slice(valueStart, end), base + valueStart, options.now))
    pos = end
  }
  if (elements.length === 0) throw new Gs1ParseError(base, 'no GS1 data')
  return elements
}

function unknownAiReason(rest: string): string {
  const shown = rest.length > 12 ? `${rest.slice(0, 12)}…` : rest
  const first = rest[0] ?? ''
  if (!/\d/.test(first)) return `expected an AI (digits), found ${describeChar(first)} in "${shown}"`
  return `no known AI at the start of "${shown}"`
}
