import type { Bound } from './limits'
import type { ParsedResult } from './result'

/** Where the true value can be: a point, or one side of a detection limit. */
export interface Interval {
  lo: number
  loClosed: boolean
  hi: number
  hiClosed: boolean
}

export function resultInterval(
  result: ParsedResult,
  factor: number,
  round?: (v: number) => number,
): Interval | undefined {
  const r = (v: number) => {
    const scaled = factor === 1 ? v : Number((v * factor).toPrecision(12))
    return round ? round(scaled) : scaled
  }
  switch (result.kind) {
    case 'number': {
      const v = r(result.value)
      return { lo: v, loClosed: true, hi: v, hiClosed: true }
    }
    case 'below':
      return { lo: -Infinity, loClosed: false, hi: r(result.value), hiClosed: result.inclusive }
    case 'above':
      return { lo: r(result.value), loClosed: result.inclusive, hi: Infinity, hiClosed: false }
    default:
      return undefined
  }
}

export type Side = 'inside' | 'outside' | 'unknown'

/** Is every possible value within the max (inside), none of them (outside), or some (unknown)? */
export function againstMax(i: Interval, max: Bound): Side {
  const hiOk = i.hi < max.value || (i.hi === max.value && (max.inclusive || !i.hiClosed))
  if (hiOk) return 'inside'
  const loOver = i.lo > max.value || (i.lo === max.value && (!max.inclusive || !i.loClosed))
  return loOver ? 'outside' : 'unknown'
}

export function againstMin(i: Interval, min: Bound): Side {
  const loOk = i.lo > min.value || (i.lo === min.value && (min.inclusive || !i.loClosed))
  if (loOk) return 'inside'
  const hiUnder = i.hi < min.value || (i.hi === min.value && (!min.inclusive || !i.hiClosed))
  return hiUnder ? 'outside' : 'unknown'
}
