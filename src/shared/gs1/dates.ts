/**
 * GS1 General Specifications §7.12: a two-digit year is placed in the century that puts it
 * closest to today — up to 49 years ahead, or up to 50 years back.
 */
export function resolveYear(yy: number, now: Date): number {
  const current = now.getUTCFullYear()
  const diff = yy - (current % 100)
  const century = Math.floor(current / 100) + (diff >= 51 ? -1 : diff <= -50 ? 1 : 0)
  return century * 100 + yy
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export type DateCheck = { ok: true; iso: string } | { ok: false; reason: string; field?: 'month' | 'day' }

/** Validates a full year/month/day; `dayZeroIsLast` is the YYMMDD "DD=00" rule. */
export function checkDate(year: number, month: number, day: number, dayZeroIsLast: boolean): DateCheck {
  if (month < 1 || month > 12)
    return { ok: false, reason: `month ${pad(month)} is not valid`, field: 'month' }
  const last = daysInMonth(year, month)
  const resolvedDay = day === 0 && dayZeroIsLast ? last : day
  if (resolvedDay < 1 || resolvedDay > last)
    return { ok: false, reason: `day ${pad(day)} is not valid in ${year}-${pad(month)}`, field: 'day' }
  return { ok: true, iso: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(resolvedDay)}` }
}

/** YYMMDD (optionally DD=00) to an ISO date. */
export function parseYymmdd(value: string, dayZeroIsLast: boolean, now: Date): DateCheck {
  if (!/^\d{6}$/.test(value)) return { ok: false, reason: 'a date needs 6 digits YYMMDD' }
  const year = resolveYear(Number(value.slice(0, 2)), now)
  return checkDate(year, Number(value.slice(2, 4)), Number(value.slice(4, 6)), dayZeroIsLast)
}

export function parseYyyymmdd(value: string, dayZeroIsLast: boolean): DateCheck {
  if (!/^\d{8}$/.test(value)) return { ok: false, reason: 'a date needs 8 digits YYYYMMDD' }
  return checkDate(
    Number(value.slice(0, 4)),
    Number(value.slice(4, 6)),
    Number(value.slice(6, 8)),
    dayZeroIsLast,
  )
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
