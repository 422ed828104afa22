/**
 * "mon-fri 08:00-18:00" or "mon-fri 08:00-12:00,13:00-17:00; sat 09:00-12:00", in a configured
 * IANA time zone. Quiet time is counted only inside these windows, so a desk that stopped at 17:55
 * does not page anyone at 08:00 the next morning.
 */
export type BusinessHours = {
  /** Per weekday (0 = Sunday), the minute-of-day ranges [start, end). */
  days: ReadonlyArray<ReadonlyArray<readonly [number, number]>>
  spec: string
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

export function parseBusinessHours(spec: string): BusinessHours {
  const days: Array<Array<[number, number]>> = DAY_NAMES.map(() => [])
  for (const clause of spec
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)) {
    const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(.+)$/i.exec(clause)
    if (!match) throw new Error(`BUSINESS_HOURS: cannot read "${clause}"`)
    const from = dayIndex(match[1] ?? '')
    const to = match[2] === undefined ? from : dayIndex(match[2])
    const ranges = (match[3] ?? '').split(',').map((r) => parseRange(r.trim()))
    for (let d = from; ; d = (d + 1) % 7) {
      days[d]?.push(...ranges)
      if (d === to) break
    }
  }
  return { days, spec }
}

function dayIndex(name: string): number {
  const i = DAY_NAMES.indexOf(name.toLowerCase() as (typeof DAY_NAMES)[number])
  if (i < 0) throw new Error(`BUSINESS_HOURS: unknown day "${name}"`)
  return i
}

function parseRange(range: string): [number, number] {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(range)
  if (!m) throw new Error(`BUSINESS_HOURS: cannot read time range "${range}"`)
  const start = Number(m[1]) * 60 + Number(m[2])
  const end = Number(m[3]) * 60 + Number(m[4])
  if (start >= end || end > 24 * 60) throw new Error(`BUSINESS_HOURS: empty or invalid range "${range}"`)
  return [start, end]
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function localParts(at: Date, timeZone: string): { day: number; minute: number } {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  let day = 0
  let hour = 0
  let minute = 0
  for (const p of f.formatToParts(at)) {
    if (p.type === 'weekday') day = dayIndex(p.value.slice(0, 3))
    else if (p.type === 'hour') hour = Number(p.value)
    else if (p.type === 'minute') minute = Number(p.value)
  }
  return { day, minute: hour * 60 + minute }
}

export function isBusinessTime(at: Date, hours: BusinessHours, timeZone: string): boolean {
  const { day, minute } = localParts(at, timeZone)
  return (hours.days[day] ?? []).some(([s, e]) => minute >= s && minute < e)
}

/**
 * Business minutes in (from, to], walking back from `to` a minute at a time and stopping once
 * `limit` is exceeded: a desk quiet for a month costs as much as one quiet for `limit` minutes of
 * business time plus the nights and weekends in between (at most a few thousand steps).
 */
export function businessMinutesBetween(
  from: Date,
  to: Date,
  hours: BusinessHours,
  timeZone: string,
  limit: number,
): number {
  let count = 0
  const maxSteps = 14 * 24 * 60
  let t = to.getTime()
  for (let step = 0; step < maxSteps && t > from.getTime(); step++, t -= 60_000) {
    if (isBusinessTime(new Date(t), hours, timeZone)) {
      count += 1
      if (count > limit) return count
    }
  }
  return count
}
