import { gs1CheckDigit, hasValidIbanCheck } from './check-digit'
import { parseYymmdd, parseYyyymmdd } from './dates'

export interface LintFailure {
  /** Offset within the component. */
  offset: number
  reason: string
}

type Linter = (value: string, now: Date) => LintFailure | null

const fail = (reason: string, offset = 0): LintFailure => ({ offset, reason })

function hhmm(value: string, offset = 0): LintFailure | null {
  if (Number(value.slice(0, 2)) > 23) return fail(`hour ${value.slice(0, 2)} is not valid`, offset)
  if (Number(value.slice(2, 4)) > 59) return fail(`minute ${value.slice(2, 4)} is not valid`, offset + 2)
  return null
}

/** Points at the month or day digits; `yearDigits` is 2 for YYMMDD, 4 for YYYYMMDD. */
const dateFailure = (check: ReturnType<typeof parseYymmdd>, yearDigits = 2): LintFailure | null =>
  check.ok
    ? null
    : fail(check.reason, check.field === 'month' ? yearDigits : check.field === 'day' ? yearDigits + 2 : 0)

const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const IMPORTER_INDEX = /^[-0-9A-Z_a-z]$/

/**
 * Content checks named in the AI table. Country and currency codes are checked for shape only:
 * the ISO lists change and a stale list would reject good labels.
 */
const LINTERS: Record<string, Linter> = {
  csum: (v) => {
    const expected = gs1CheckDigit(v.slice(0, -1))
    return String(expected) === v.slice(-1)
      ? null
      : fail(`check digit should be ${expected}, got ${v.slice(-1)}`, v.length - 1)
  },
  csumalpha: (v) =>
    v.length >= 3 && CSET32.includes(v.slice(-2, -1)) && CSET32.includes(v.slice(-1))
      ? null
      : fail('the last two characters must be check characters (set 32)', Math.max(0, v.length - 2)),
  yymmdd: (v, now) => dateFailure(parseYymmdd(v, false, now)),
  yymmd0: (v, now) => dateFailure(parseYymmdd(v, true, now)),
  yyyymmdd: (v) => dateFailure(parseYyyymmdd(v, false), 4),
  yyyymmddhhmm: (v) => dateFailure(parseYyyymmdd(v.slice(0, 8), false), 4) ?? hhmm(v.slice(8), 8),
  yymmddhh: (v, now) =>
    dateFailure(parseYymmdd(v.slice(0, 6), false, now)) ??
    (Number(v.slice(6, 8)) > 23 ? fail(`hour ${v.slice(6, 8)} is not valid`, 6) : null),
  hhmm: (v) => hhmm(v),
  mmoptss: (v) =>
    v.length !== 2 && v.length !== 4
      ? fail('expects MM or MMSS')
      : Number(v.slice(0, 2)) > 59
        ? fail(`minute ${v.slice(0, 2)} is not valid`)
        : v.length === 4 && Number(v.slice(2, 4)) > 59
          ? fail(`second ${v.slice(2, 4)} is not valid`, 2)
          : null,
  nonzero: (v) => (/^0+$/.test(v) ? fail('must not be zero') : null),
  zero: (v) => (v === '0' ? null : fail('must be 0')),
  yesno: (v) => (v === '0' || v === '1' ? null : fail('must be 0 or 1')),
  winding: (v) => (v === '0' || v === '1' || v === '9' ? null : fail('winding direction must be 0, 1 or 9')),
  hyphen: (v) => (v === '-' ? null : fail('must be "-"')),
  iso5218: (v) => (['0', '1', '2', '9'].includes(v) ? null : fail('sex code must be 0, 1, 2 or 9')),
  nozeroprefix: (v) => (v.length > 1 && v.startsWith('0') ? fail('must not start with 0') : null),
  pieceoftotal: (v) => {
    const piece = Number(v.slice(0, 2))
    const total = Number(v.slice(2, 4))
    if (piece === 0 || total === 0) return fail('piece and total must not be zero')
    return piece > total ? fail(`piece ${piece} is more than the total ${total}`) : null
  },
  iso3166: (v) => (v === '000' ? fail('country code 000 is not valid') : null),
  iso3166999: (v) => (v === '000' ? fail('country code 000 is not valid') : null),
  iso3166list: (v) => (v.length % 3 === 0 ? null : fail('expects a list of 3-digit country codes')),
  iso3166alpha2: (v) => (/^[A-Z]{2}$/.test(v) ? null : fail('expects a 2-letter country code')),
  iso4217: (v) => (v === '000' ? fail('currency code 000 is not valid') : null),
  latitude: (v) => (Number(v) > 1_800_000_000 ? fail('latitude is out of range') : null),
  longitude: (v) => (Number(v) > 3_600_000_000 ? fail('longitude is out of range') : null),
  importeridx: (v) => (IMPORTER_INDEX.test(v) ? null : fail('importer index is not valid')),
  mediatype: (v) => {
    const n = Number(v)
    return (n >= 1 && n <= 10) || n >= 80 ? null : fail(`media type ${v} is not valid`)
  },
  pcenc: (v) => {
    const bad = /%(?![0-9A-Fa-f]{2})/.exec(v)
    return bad ? fail('"%" must start a %XX escape', bad.index) : null
  },
  iban: (v) => (hasValidIbanCheck(v) ? null : fail('IBAN check digits are wrong')),
}

export function runLinter(name: string, value: string, now: Date): LintFailure | null {
  const linter = LINTERS[name]
  if (!linter) throw new Error(`AI table names an unknown check "${name}"`)
  return linter(value, now)
}
