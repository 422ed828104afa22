import type { AiDefinition } from './ai-table'
import { CSET_NAMES, describeChar, firstInvalidChar } from './charsets'
import { parseYymmdd } from './dates'
import { Gs1ParseError } from './errors'
import type { Component } from './format-spec'
import { runLinter } from './linters'
import type { Gs1Element } from './types'

const UNKNOWN_AI_COMPONENT: Component = { type: 'X', min: 1, max: 90, optional: false, linters: [] }

/** "6 digits", "up to 20 characters", or the table notation for multi-part formats. */
export function describeFormat(def: AiDefinition): string {
  const only = def.components.length === 1 ? def.components[0] : undefined
  if (!only) return `the format ${def.format.replace(/:[a-z0-9]+/g, '')}`
  const what = only.type === 'N' ? 'digits' : 'characters'
  return only.min === only.max ? `${only.max} ${what}` : `up to ${only.max} ${what}`
}

function splitComponents(def: AiDefinition, value: string, offset: number): string[] {
  const parts: string[] = []
  let at = 0
  for (const component of def.components) {
    const left = value.length - at
    if (left === 0 && component.optional) break
    const take = component.min === component.max ? component.max : Math.min(left, component.max)
    if (left < component.min || take === 0) {
      throw new Gs1ParseError(offset, `AI (${def.ai}) expects ${describeFormat(def)}, got "${value}"`)
    }
    parts.push(value.slice(at, at + take))
    at += take
  }
  if (at < value.length) {
    throw new Gs1ParseError(
      offset + at,
      `AI (${def.ai}) expects ${describeFormat(def)}, got ${value.length} characters "${value}"`,
    )
  }
  return parts
}

function checkCharacters(ai: string, component: Component, part: string, offset: number): void {
  const bad = firstInvalidChar(part, component.type)
  if (bad >= 0) {
    throw new Gs1ParseError(
      offset + bad,
      `AI (${ai}) contains ${describeChar(part[bad] ?? '')}; only ${CSET_NAMES[component.type]} are allowed`,
    )
  }
}

function decimalOf(digits: string, places: number): number {
  if (places === 0) return Number(digits)
  const padded = digits.padStart(places + 1, '0')
  return Number(`${padded.slice(0, -places)}.${padded.slice(-places)}`)
}

/**
 * Checks one AI value against its definition and derives date/decimal fields. `offset` is where the
 * value starts in the input, so errors point at the offending character.
 */
export function makeElement(
  ai: string,
  def: AiDefinition | undefined,
  value: string,
  offset: number,
  now: Date,
): Gs1Element {
  if (value.length === 0) throw new Gs1ParseError(offset, `AI (${ai}) has no value`)
  if (!def) {
    if (value.length > UNKNOWN_AI_COMPONENT.max)
      throw new Gs1ParseError(offset, `AI (${ai}) value is longer than 90 characters`)
    checkCharacters(ai, UNKNOWN_AI_COMPONENT, value, offset)
    return { ai, title: 'UNKNOWN', value }
  }
  const parts = splitComponents(def, value, offset)
  let at = offset
  parts.forEach((part, i) => {
    const component = def.components[i]
    if (!component) return
    checkCharacters(ai, component, part, at)
    for (const linter of component.linters) {
      const failure = runLinter(linter, part, now)
      if (failure) throw new Gs1ParseError(at + failure.offset, `AI (${ai}) "${value}": ${failure.reason}`)
    }
    at += part.length
  })

  const element: Gs1Element = { ai, title: def.title, value }
  if (def.date) {
    const check = parseYymmdd(value.slice(0, 6), def.date === 'yymmd0', now)
    if (check.ok) element.date = check.iso
  }
  if (def.decimalPlaces !== undefined) {
    const amount = def.currencyPrefix ? value.slice(3) : value
    element.decimal = decimalOf(amount, def.decimalPlaces)
    if (def.currencyPrefix) element.currency = value.slice(0, 3)
  }
  return element
}
