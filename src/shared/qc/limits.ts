import { parseNumber } from './numbers'
import { cleanUnitText, UNIT_SUFFIX } from './units'
import { formatNumber } from './text'

export interface Bound {
  value: number
  /** true for "NMT"/"≤"/"max"; false for "<" and "less than". */
  inclusive: boolean
  /** As printed ("1.50"), so sentences and rounding keep the specification's precision. */
  text?: string
}

/** A bound from printed text, keeping the text. */
export function boundOf(text: string, inclusive: boolean): Bound | undefined {
  const value = parseNumber(text)
  return value === undefined ? undefined : { value, inclusive, text: text.trim() }
}

export function boundLabel(bound: Bound): string {
  return bound.text ?? formatNumber(bound.value)
}

/** A limit, whether given as numbers or as a specification sheet's text. */
export type Limit =
  | {
      kind: 'range'
      min?: Bound
      max?: Bound
      /** Inner band: inside the limits but outside [warnMin, warnMax] gives `warn`. */
      warnMin?: number
      warnMax?: number
      unit?: string
      text: string
    }
  /** "Absent in 10 g", "Negative", "Not detected". */
  | { kind: 'absent'; portion?: string; text: string }
  /** "Complies", "Pass", "Conforms", "Meets USP": the COA must say so. */
  | { kind: 'conforms'; text: string }
  /** "White to off-white powder": a description a result must match or be declared as conforming to. */
  | { kind: 'description'; text: string }

const num = String.raw`[-+]?\d[\d.,  ]*(?:[eE][-+]?\d+)?|[-+]?[.,]\d+`
const MAX_WORDS = String.raw`(?:nmt|not\s+more\s+than|max(?:imum)?\.?|upto|up\s+to|at\s+most|≤|<=|=<|⩽|less\s+than\s+or\s+equal\s+to)`
const MAX_STRICT = String.raw`(?:<|less\s+than|below|under|lt)`
const MIN_WORDS = String.raw`(?:nlt|not\s+less\s+than|min(?:imum)?\.?|at\s+least|≥|>=|=>|⩾|greater\s+than\s+or\s+equal\s+to)`
const MIN_STRICT = String.raw`(?:>|more\s+than|greater\s+than|above|over|gt)`

function splitUnit(text: string): { body: string; unit?: string } {
  const m = UNIT_SUFFIX.exec(text)
  if (!m) return { body: text.trim() }
  return { body: text.slice(0, m.index).trim(), unit: cleanUnitText(m[1]!) }
}

function boundText(bound: Bound | undefined, side: 'min' | 'max'): string | undefined {
  if (!bound) return undefined
  if (side === 'max') return `${bound.inclusive ? 'max' : 'below'} ${boundLabel(bound)}`
  return `${bound.inclusive ? 'min' : 'above'} ${boundLabel(bound)}`
}

/** A short phrase for a limit, for verdict sentences: "max 1.5 ppm", "10 – 12.5 %", "absent in 10 g". */
export function describeLimit(limit: Limit): string {
  switch (limit.kind) {
    case 'absent':
      return limit.portion ? `absent in ${limit.portion}` : 'absent'
    case 'conforms':
      return limit.text
    case 'description':
      return limit.text
    case 'range': {
      const unit = limit.unit ? ` ${limit.unit}` : ''
      const { min, max } = limit
      if (min?.inclusive && max?.inclusive) {
        return min.value === max.value
          ? `${boundLabel(min)}${unit}`
          : `${boundLabel(min)} – ${boundLabel(max)}${unit}`
      }
      return [boundText(min, 'min'), boundText(max, 'max')].filter(Boolean).join(', ') + unit
    }
  }
}

/**
 * Parses the limit text of a specification sheet or a COA's Specification column into a Limit.
 * Returns undefined for an empty cell. Text that is not a recognisable number rule becomes a
 * `description`, which evaluation hands to a person unless the COA declares conformity.
 */
export function parseLimitText(raw: string): Limit | undefined {
  const text = raw.replace(/\s+/g, ' ').trim()
  if (text === '' || /^[-–—]+$|^n\/?a$/i.test(text)) return undefined
  const lower = text.toLowerCase().normalize('NFKC')

  const absent = /^(?:absent|absence|negative|not\s+detected|nd|free)\b(?:\s*(?:in|per|\/)\s*(.+))?$/i.exec(
    lower,
  )
  if (absent) {
    const portion = absent[1]?.trim()
    return portion ? { kind: 'absent', portion, text } : { kind: 'absent', text }
  }
  if (
    /^(complies|comply|conforms?|pass(es)?|meets?\b.*|passes test|positive identification|corresponds?\b.*|to pass( test)?)$/i.test(
      lower,
    )
  ) {
    return { kind: 'conforms', text }
  }

  const split = splitUnit(lower)
  const body = split.body
  // "0.5% max": the unit sits inside the rule, not at the end.
  const unit = split.unit ?? /\d\s*(%|ppm|ppb)(?![a-z])/.exec(body)?.[1]
  const withUnit = (limit: Omit<Extract<Limit, { kind: 'range' }>, 'unit'>): Limit =>
    unit ? { ...limit, unit } : limit

  const range = new RegExp(
    String.raw`^(?:between\s+)?(${num})\s*(?:%|ppm)?\s*(?:-|–|—|to|and|~|\.\.)\s*(${num})$`,
    'i',
  ).exec(body)
  if (range) {
    const lo = boundOf(range[1]!, true)
    const hi = boundOf(range[2]!, true)
    if (lo && hi && lo.value <= hi.value) return withUnit({ kind: 'range', min: lo, max: hi, text })
  }
  const pm = new RegExp(String.raw`^(${num})\s*(?:±|\+/-|\+-)\s*(${num})$`).exec(body)
  if (pm) {
    const mid = parseNumber(pm[1]!)
    const tol = parseNumber(pm[2]!)
    if (mid !== undefined && tol !== undefined) {
      const lo = Number((mid - tol).toPrecision(12))
      const hi = Number((mid + tol).toPrecision(12))
      return withUnit({
        kind: 'range',
        min: { value: lo, inclusive: true },
        max: { value: hi, inclusive: true },
        text,
      })
    }
  }

  // One or two one-sided rules: "NLT 98.0", "max 1,000", "> 5 and ≤ 10".
  let min: Bound | undefined
  let max: Bound | undefined
  const parts = body.split(/\s*(?:,|;|\band\b|&)\s*(?=[a-z<>≤≥⩽⩾=]|not)/i)
  for (const part of parts) {
    const rule = [
      [MAX_WORDS, 'max', true],
      [MAX_STRICT, 'max', false],
      [MIN_WORDS, 'min', true],
      [MIN_STRICT, 'min', false],
    ] as const
    let matched = false
    for (const [words, side, inclusive] of rule) {
      const m = new RegExp(
        String.raw`^${words}\s*:?\s*(${num})\s*(?:%|ppm)?$|^(${num})\s*(?:%|ppm)?\s*${words}$`,
        'i',
      ).exec(part.trim())
      if (!m) continue
      const bound = boundOf((m[1] ?? m[2])!, inclusive)
      if (!bound) continue
      if (side === 'max') max = bound
      else min = bound
      matched = true
      break
    }
    if (!matched) {
      min = undefined
      max = undefined
      break
    }
  }
  if (min || max) return withUnit({ kind: 'range', ...(min ? { min } : {}), ...(max ? { max } : {}), text })

  const single = boundOf(body, true)
  if (single && /^[-+]?[\d.,\s]+$/.test(body)) {
    // A bare number in a limit column is a target value: exactly that.
    return withUnit({ kind: 'range', min: single, max: single, text })
  }
  return { kind: 'description', text }
}

/** Builds a range from a COA's separate Min and Max cells (either may be empty). */
export function limitFromMinMax(
  minText: string | undefined,
  maxText: string | undefined,
  unit?: string,
): Limit | undefined {
  const lo = minText ? boundOf(minText, true) : undefined
  const hi = maxText ? boundOf(maxText, true) : undefined
  if (!lo && !hi) return undefined
  const text = [lo && `min ${minText}`, hi && `max ${maxText}`].filter(Boolean).join(', ')
  return {
    kind: 'range',
    ...(lo ? { min: lo } : {}),
    ...(hi ? { max: hi } : {}),
    ...(unit ? { unit } : {}),
    text,
  }
}
