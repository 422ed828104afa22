import type { SpecificationInput } from '../../../../src/shared/qc'
import { seededRandom } from '../scan'
import { PRODUCTS, type LimitDef, type ParamDef, type ProductDef } from './catalogue'

export type Random = () => number

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

export function between(random: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * random()
}

export type DateForm = 'dmy-slash' | 'dmy-mon' | 'iso' | 'dmy-dot-yy' | 'mon-year' | 'mdy-slash'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export interface CalendarDate {
  y: number
  m: number
  d: number
}

const pad2 = (n: number) => String(n).padStart(2, '0')

export function isoOf(date: CalendarDate): string {
  return `${date.y}-${pad2(date.m)}-${pad2(date.d)}`
}

/** A date as the form prints it. */
export function printDate(date: CalendarDate, form: DateForm): string {
  const { y, m, d } = date
  switch (form) {
    case 'dmy-slash':
      return `${pad2(d)}/${pad2(m)}/${y}`
    case 'dmy-mon':
      return `${pad2(d)}-${MONTHS[m - 1]}-${y}`
    case 'iso':
      return isoOf(date)
    case 'dmy-dot-yy':
      return `${pad2(d)}.${pad2(m)}.${String(y).slice(2)}`
    case 'mon-year':
      return `${MONTHS[m - 1]} ${y}`
    case 'mdy-slash':
      return `${pad2(m)}/${pad2(d)}/${y}`
  }
}

/** What a reader must take a printed date to mean: a month-only date is the month's last day. */
export function meantDate(date: CalendarDate, form: DateForm): string {
  if (form !== 'mon-year') return isoOf(date)
  return isoOf({ ...date, d: new Date(Date.UTC(date.y, date.m, 0)).getUTCDate() })
}

export interface CoaParam {
  def: ParamDef
  /** The parameter's name as this COA prints it. */
  printed: string
  /** The result as printed, without a unit. */
  result: string
  verdict: 'pass' | 'fail'
  method: string
}

export interface CoaInstance {
  seed: number
  product: ProductDef
  supplier: string
  batch: string
  reportNo: string
  manufactured: CalendarDate
  expiry: CalendarDate
  reported: CalendarDate
  /** The day the desk checks the COA (before expiry). */
  today: string
  params: CoaParam[]
  random: Random
}

function round(value: number, decimals: number): string {
  return value.toFixed(decimals)
}

function meets(limit: LimitDef, value: number): boolean {
  switch (limit.kind) {
    case 'min':
      return value >= limit.min
    case 'max':
      return value <= limit.max
    case 'range':
      return value >= limit.min && value <= limit.max
    case 'text':
      return true
  }
}

/** A result that clearly meets (or clearly misses) the limit once printed to the parameter's decimals. */
function numericResult(random: Random, def: ParamDef, pass: boolean): string {
  const limit = def.limit
  for (let attempt = 0; attempt < 50; attempt++) {
    let value: number
    switch (limit.kind) {
      case 'min':
        value = pass ? limit.min * between(random, 1.004, 1.05) : limit.min * between(random, 0.8, 0.98)
        // A content is at most 100 %: a purity of "Min. 96.0 %" is passed by 96.4-100.0, not 100.8.
        if (def.unit === '%')
          value = Math.min(value, limit.min + (100 - limit.min) * between(random, 0.1, 0.95))
        break
      case 'max':
        if (pass && def.trace && random() < 0.3) {
          const below = Number(round(limit.max * pick(random, [0.1, 0.2, 0.5]), def.decimals))
          if (below > 0) return `< ${round(below, def.decimals)}`
        }
        if (pass && def.trace && random() < 0.15) return pick(random, ['BDL', 'ND', 'Not detected'])
        value = pass ? limit.max * between(random, 0.08, 0.85) : limit.max * between(random, 1.1, 1.9)
        break
      case 'range': {
        const span = limit.max - limit.min
        value = pass
          ? limit.min + span * between(random, 0.15, 0.85)
          : random() < 0.5
            ? limit.min - span * between(random, 0.1, 0.6)
            : limit.max + span * between(random, 0.1, 0.6)
        break
      }
      case 'text':
        throw new Error('not numeric')
    }
    const printed = round(value, def.decimals)
    if (Number(printed) > 0 && meets(limit, Number(printed)) === pass) return printed
  }
  throw new Error(`no ${pass ? 'passing' : 'failing'} value for ${def.name}`)
}

function addMonths(date: CalendarDate, months: number): CalendarDate {
  const m0 = date.m - 1 + months
  return { y: date.y + Math.floor(m0 / 12), m: (m0 % 12) + 1, d: date.d }
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days))
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

export interface InstanceOptions {
  /** Manufacturing day of month above 12, so month-first dates can be told from day-first ones. */
  unambiguousDay?: boolean
  /** At least this many parameters (tables that run onto a second page). */
  minParams?: number
}

/** The certificate's content, drawn from the seed: product, batch, dates, parameters and results. */
export function drawInstance(seed: number, options: InstanceOptions = {}): CoaInstance {
  const random = seededRandom(seed * 7919 + 17)
  const product = pick(random, PRODUCTS)
  const want = Math.max(options.minParams ?? 0, Math.min(product.params.length, 5 + Math.floor(random() * 4)))
  const chosen = product.params.filter(() => true)
  while (chosen.length > want) chosen.splice(1 + Math.floor(random() * (chosen.length - 1)), 1)
  // About two certificates in five must fail, on one or two parameters.
  const failing = new Set<number>()
  if (random() < 0.4) {
    const count = random() < 0.6 ? 1 : 2
    const candidates = chosen
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.limit.kind !== 'text' || random() < 0.3)
    while (failing.size < Math.min(count, candidates.length)) failing.add(pick(random, candidates).i)
  }
  const params = chosen.map((def, i): CoaParam => {
    const pass = !failing.has(i)
    const result =
      def.limit.kind === 'text'
        ? pick(random, pass ? def.limit.passes : def.limit.fails)
        : numericResult(random, def, pass)
    const printed = pick(random, [def.name, def.name, ...(def.printed ?? [])])
    return { def, printed, result, verdict: pass ? 'pass' : 'fail', method: pick(random, def.methods) }
  })
  const year = 2026
  const manufactured: CalendarDate = {
    y: year,
    m: 1 + Math.floor(random() * 12),
    d: options.unambiguousDay ? 13 + Math.floor(random() * 15) : 1 + Math.floor(random() * 28),
  }
  const expiry = {
    ...addMonths(manufactured, pick(random, [12, 18, 24, 36])),
    d: 1 + Math.floor(random() * 12),
  }
  const reported = addDays(manufactured, 2 + Math.floor(random() * 10))
  const yy = String(year).slice(2)
  const n = String(100 + Math.floor(random() * 900))
  const batch = pick(random, [
    `${product.batchPrefix}/${yy}/${n}`,
    `${product.batchPrefix}${yy}${pad2(manufactured.m)}${n}`,
    `${product.batchPrefix}-${yy}${pad2(manufactured.m)}-${n.slice(1)}`,
  ])
  return {
    seed,
    product,
    supplier: pick(random, product.suppliers),
    batch,
    reportNo: `QC/${yy}/${Math.floor(random() * 9000) + 1000}`,
    manufactured,
    expiry,
    reported,
    today: isoOf(addDays(reported, 20)),
    params,
    random,
  }
}

/** The specification the desk holds for the product, with the parameters this COA reports. */
export function specificationFor(instance: CoaInstance): SpecificationInput {
  return {
    product: instance.product.product,
    productAliases: instance.product.aliases ?? [],
    version: 1,
    parameters: instance.params.map(({ def }) => {
      const base = { name: def.name, aliases: def.aliases ?? [] }
      const unit = def.unit ? { unit: def.unit } : {}
      switch (def.limit.kind) {
        case 'min':
          return { ...base, ...unit, min: def.limit.min }
        case 'max':
          return { ...base, ...unit, max: def.limit.max }
        case 'range':
          return { ...base, ...unit, min: def.limit.min, max: def.limit.max }
        case 'text':
          return { ...base, limit: def.limit.spec }
      }
    }),
  }
}

export type LimitStyle = 'words' | 'abbrev' | 'symbols'

/** The limit as the COA prints it ("Min. 96.0", "NMT 0.5", "10.0 - 11.0"), optionally with the unit. */
export function printLimit(def: ParamDef, style: LimitStyle, withUnit: boolean): string {
  const l = def.limit
  const d = def.decimals === 0 ? 0 : Math.max(1, def.decimals - 1)
  const unit = withUnit && def.unit ? ` ${def.unit}` : ''
  switch (l.kind) {
    case 'min':
      return `${{ words: 'Not less than', abbrev: 'NLT', symbols: 'Min.' }[style]} ${l.min.toFixed(d)}${unit}`
    case 'max':
      return `${{ words: 'Not more than', abbrev: 'NMT', symbols: 'Max.' }[style]} ${l.max.toFixed(d)}${unit}`
    case 'range':
      return `${l.min.toFixed(d)} ${style === 'words' ? 'to' : '-'} ${l.max.toFixed(d)}${unit}`
    case 'text':
      return l.spec
  }
}
