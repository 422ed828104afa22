const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 100) y += 2000
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function month(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase())
  return i < 0 ? undefined : i + 1
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y < 100 ? y + 2000 : y, m, 0)).getUTCDate()
}

/** Which number of a numeric date ("03/04/2026") is the day: day first (most COAs) or month first. */
export type DateOrder = 'dmy' | 'mdy'

const NUMERIC_DATE = /(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?![\d.])/g

/**
 * The day/month order of a document's numeric dates, decided by the dates that cannot be read the
 * other way ("03/15/2026" is month first, "15/03/2026" day first), with the date that decided it.
 * Undefined when no date decides (every one is ambiguous) or they disagree.
 */
export function documentDateOrder(
  texts: readonly string[],
): { order: DateOrder; evidence: string } | undefined {
  const found: { order: DateOrder; evidence: string }[] = []
  for (const text of texts) {
    for (const m of text.matchAll(NUMERIC_DATE)) {
      const a = +m[1]!
      const b = +m[2]!
      if (a > 12 && a <= 31 && b >= 1 && b <= 12) found.push({ order: 'dmy', evidence: m[0] })
      else if (b > 12 && b <= 31 && a >= 1 && a <= 12) found.push({ order: 'mdy', evidence: m[0] })
    }
  }
  const orders = new Set(found.map((f) => f.order))
  return orders.size === 1 ? found[0] : undefined
}

/**
 * A COA date as ISO yyyy-mm-dd: "14-Jan-2028", "14 January 2028", "Jan 14, 2028", "2028-01-14",
 * "14.01.2028", "14/01/2028" (day first, as on most COAs, unless the document's dates are month
 * first — see documentDateOrder — or the first number cannot be a month), "01/2028" and "Jan 2028" (month only: the last day, as expiry means "use before
 * the end of"). Undefined when it is not a date.
 */
export function parseCoaDate(text: string, order: DateOrder = 'dmy'): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ')
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t)
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!)
  m = /^(\d{1,2})[-/. ]([a-z]{3,9})\.?[-/. ,]*(\d{2,4})$/i.exec(t)
  if (m) {
    const mo = month(m[2]!)
    return mo ? iso(+m[3]!, mo, +m[1]!) : undefined
  }
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(t)
  if (m) {
    const mo = month(m[1]!)
    return mo ? iso(+m[3]!, mo, +m[2]!) : undefined
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/.exec(t)
  if (m) {
    const a = +m[1]!
    const b = +m[2]!
    if (a > 12) return iso(+m[3]!, b, a)
    if (b > 12) return iso(+m[3]!, a, b)
    return order === 'mdy' ? iso(+m[3]!, a, b) : iso(+m[3]!, b, a)
  }
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(t)
  if (m) return iso(+m[2]!, +m[1]!, lastDay(+m[2]!, +m[1]!))
  m = /^([a-z]{3,9})\.?[-/ ,]*(\d{4})$/i.exec(t)
  if (m) {
    const mo = month(m[1]!)
    return mo ? iso(+m[2]!, mo, lastDay(+m[2]!, mo)) : undefined
  }
  return undefined
}

/** Finds the first date inside a longer text ("Manufacturing / 14-Jan-2025"). */
export function findCoaDate(
  text: string,
  order: DateOrder = 'dmy',
): { iso: string; text: string } | undefined {
  const patterns = [
    /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/,
    /\d{1,2}[-/. ][a-z]{3,9}\.?[-/. ,]*\d{2,4}/i,
    /[a-z]{3,9}\.? \d{1,2},? \d{4}/i,
    /\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/,
    /\d{1,2}[-/.]\d{4}/,
    /[a-z]{3,9}\.?[-/ ,]*\d{4}/i,
  ]
  for (const p of patterns) {
    const m = p.exec(text)
    if (!m) continue
    const found = parseCoaDate(m[0], order)
    if (found) return { iso: found, text: m[0] }
  }
  return undefined
}
