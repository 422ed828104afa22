/** Value parsers: each finds its value inside the text beside a label and says where it sits. */
export interface Parsed<T> {
  value: T
  /** The matched characters in the given text. */
  start: number
  end: number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const IST = '+05:30'

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** dd/mm/yyyy; OCR's space inside the day or the month ("09/1 2/2026") is read through. */
const NUMERIC_DATE = /\b(\d ?\d|\d)[-/.](\d ?\d|\d)[-/.](\d{4})\b/
const NAMED_DATE = /\b(\d{1,2})[-\s/]?([A-Za-z]{3,9})[-\s/,]*(\d{4})\b/
/**
 * "15:00", "at 13:30", "upto 15:00 hrs", "3:00 PM", "(11.00 AM)" after a date; OCR's space inside
 * the hour or after its colon ("at 1 3:00", "13: 00") is read through.
 */
const TIME =
  /^[\sT,(]*(?:(?:at|upto|up\s+to|till|by|before)\s*)?(\d(?: ?\d)?)[:.] ?(\d{2})(?:[:.](\d{2}))?\s*(?:hrs?\.?|hours\b)?\s*([AaPp]\.?[Mm]\.?)?/i

export interface DateValue {
  iso: string
  hasTime: boolean
}

/** dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy or 20-Nov-2025, with an optional hh:mm[:ss] [AM|PM]; India writes day first. */
export function parseDate(text: string): Parsed<DateValue> | null {
  const numeric = NUMERIC_DATE.exec(text)
  const named = NAMED_DATE.exec(text)
  let day: number, month: number, year: number, m: RegExpExecArray
  const namedMonth = named ? MONTHS.indexOf(named[2]!.slice(0, 3).toLowerCase()) : -1
  if (numeric && (!named || namedMonth < 0 || numeric.index <= named.index)) {
    m = numeric
    ;[day, month, year] = [numeric[1]!, numeric[2]!, numeric[3]!].map((part) =>
      Number(part.replace(' ', '')),
    ) as [number, number, number]
  } else if (named && namedMonth >= 0) {
    m = named
    ;[day, month, year] = [Number(named[1]), namedMonth + 1, Number(named[3])]
  } else return null
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
  const date = `${year}-${pad(month)}-${pad(day)}`
  let end = m.index + m[0].length
  const time = TIME.exec(text.slice(end))
  if (!time) return { value: { iso: date, hasTime: false }, start: m.index, end }
  let hours = Number(time[1]!.replace(' ', ''))
  const minutes = Number(time[2])
  const seconds = Number(time[3] ?? 0)
  const meridiem = time[4]?.toLowerCase().replace(/\./g, '')
  if (meridiem === 'pm' && hours < 12) hours += 12
  if (meridiem === 'am' && hours === 12) hours = 0
  if (hours > 23 || minutes > 59 || seconds > 59)
    return { value: { iso: date, hasTime: false }, start: m.index, end }
  end += time[0].length
  return {
    value: { iso: `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${IST}`, hasTime: true },
    start: m.index,
    end,
  }
}

/** Where an amount may start: not inside a word, reference or number, after an optional ₹/Rs./INR/Rupees. */
const RUPEES_BEFORE = String.raw`(?<![\w/.,-]|\d:)(?:₹|\brs(?![a-z])\.?|\binr(?![a-z])|\brupees\b)?\s*`

/** "INR1,86000": OCR lost a comma of "1,86,000" (a group of four or five digits); the digits are still the amount. */
const LOST_COMMA = new RegExp(String.raw`${RUPEES_BEFORE}(\d{1,3}(?:,\d{2,3})*,\d{4,5})(?![\d,./-])`, 'i')

function lostComma(text: string): Parsed<number> | null {
  const m = LOST_COMMA.exec(text)
  if (!m) return null
  const lead = m[0].length - m[0].trimStart().length
  return { value: Number(m[1]!.replace(/,/g, '')), start: m.index + lead, end: m.index + m[0].length }
}

const AMOUNT = new RegExp(
  String.raw`${RUPEES_BEFORE}(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(\.\d+?)?(?:\s*([l1I|]akhs?|[l1I|]acs?|crores?|cr\b\.?))?(?:\s*\/?-)?(?![\d/-]|[,.:]\d)`,
  'i',
)

/**
 * Rupees as Indian documents write them: 40,000 · ₹ 3,30,500 · INR 2,50,000/- · Rs.50000.00 ·
 * ₹ 5.9 lakh · Rs. 1.2 Cr · 600000 (Indian or Western digit grouping, lakh/crore words, a "/-"
 * tail). The value is whole rupees and paise; start/end cover the text as written, sign included.
 */
export function parseAmount(raw: string): Parsed<number> | null {
  // Marks OCR leaves between a label's colon and the figure (":.1,60,000", the rupee sign read as a
  // point) are blanked, keeping positions: otherwise the point reads as a decimal before the figure.
  const text = raw.replace(/(?<=[:：])[.,'`]+(?=\s*\d)/g, (marks) => ' '.repeat(marks.length))
  const m = AMOUNT.exec(text)
  if (!m) return lostComma(text)
  // OCR reads "₹" as a digit ("(3)" after an EMD label, "3 7,40,000"): a lone digit before a grouped
  // amount is the sign, not the amount.
  const after = m.index + m[0].length
  if (/^\s*\d\s*$/.test(m[0]) && /^\s+\d{1,3}(?:,\d{2,3})+/.test(text.slice(after))) {
    const next = parseAmount(text.slice(after))
    if (next) return { ...next, start: next.start + after, end: next.end + after }
  }
  // OCR reads the l of "lakh" as 1, I or | ("7.41akh"): the unit is still lakh.
  const unit = m[3]?.toLowerCase().replace(/^[1i|]/, 'l') ?? ''
  // A lone digit in brackets ("(3)", "(3%)", "Tender Fee (2)") is a column heading's "(₹)" as OCR
  // reads it, never an amount; an amount may still follow it.
  const digitAt = m.index + m[0].indexOf(m[1]!)
  if (/^\d$/.test(m[1]!) && !m[2] && !unit && /\(\s*$/.test(text.slice(0, digitAt))) {
    const rest = parseAmount(text.slice(after))
    return rest ? { ...rest, start: rest.start + after, end: rest.end + after } : null
  }
  // Rupees have two decimals at most: "1.43500" is OCR's "1,43,500" with its comma read as a point.
  const grouping = !unit && m[2] !== undefined && m[2].length >= 4 && !m[1]!.includes(',')
  let amount = Number(m[1]!.replace(/,/g, '') + (grouping ? m[2]!.slice(1) : (m[2] ?? '')))
  if (unit.startsWith('la')) amount *= 100_000
  else if (unit.startsWith('cr')) amount *= 10_000_000
  if (!Number.isFinite(amount)) return null
  amount = Math.round(amount * 100) / 100
  const lead = m[0].length - m[0].trimStart().length
  return { value: amount, start: m.index + lead, end: m.index + m[0].trimEnd().length }
}

const NUMBER = /(?<![\w/])(\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/-])/

/** A quantity OCR glued to its unit ("35Set", "1,200Kg"). */
const NUMBER_GLUED_TO_UNIT =
  /(?<![\w/])(\d{1,3}(?:,\d{2,3})+|\d+)(?=(?:nos?|numbers?|kgs?|mt|tonnes?|litres?|liters?|kl|sets?|pcs|pieces?|units?|reams?|metres?|meters?|rmt|bags?|drums?|pairs?)\b)/i

export function parseNumber(text: string): Parsed<number> | null {
  const [plain, glued] = [NUMBER.exec(text), NUMBER_GLUED_TO_UNIT.exec(text)]
  // The number that comes first: "1,200Kg" is not the "1" before its comma.
  const m = plain && (!glued || plain.index < glued.index) ? plain : glued
  if (!m) return null
  return { value: Number(m[1]!.replace(/,/g, '')), start: m.index, end: m.index + m[1]!.length }
}

/** "90 (Days)" → 90 days. */
export function parseDays(text: string): Parsed<number> | null {
  const m = /(\d+)\s*\(?\s*days?\s*\)?/i.exec(text)
  if (m) return { value: Number(m[1]), start: m.index, end: m.index + m[0].length }
  return parseNumber(text)
}

export function parseYesNo(text: string): Parsed<boolean> | null {
  const m = /\b(yes|no|required|not required|exempted|nil)\b/i.exec(text)
  if (!m) return null
  const word = m[1]!.toLowerCase()
  return { value: word === 'yes' || word === 'required', start: m.index, end: m.index + m[0].length }
}

export function parsePercent(text: string): Parsed<number> | null {
  return parseNumber(text)
}

export const GEM_BID_NUMBER = /\bGEM\/(\d{4})\/(B|RA|R)\/(\d+)\b/i

export function parseBidNumber(text: string): Parsed<string> | null {
  const m = GEM_BID_NUMBER.exec(text)
  if (!m) return null
  return { value: `GEM/${m[1]}/${m[2]!.toUpperCase()}/${m[3]}`, start: m.index, end: m.index + m[0].length }
}

/** A reference-like run: letters and digits joined by / - _ with at least one digit (PSGCT/CPPP/2025-26/03). */
export function parseReference(text: string): Parsed<string> | null {
  // OCR reads J as ")", I as "|" and O as "0" between capitals ("D)B/EE/551" for "DJB/EE/551",
  // "I0CL"): the same length, so positions in the text stay where they were.
  const read = text
    .replace(/(?<=[A-Z])\)(?=[A-Z])/g, 'J')
    .replace(/(?<=[A-Z])\|(?=[A-Z])/g, 'I')
    .replace(/(?<=[A-Z])0(?=[A-Z])/g, 'O')
    // …and at either end of a segment otherwise all capitals ("ENQ-7353/0NGC/2026", "0T/117").
    .replace(/(?<=^|[\s/_.-])0(?=[A-Z]+(?:[\s/_.-]|$))/g, 'O')
    .replace(/(?<=(?:^|[\s/_.-])[A-Z]+)0(?=[\s/_.-]|$)/g, 'O')
  for (const m of read.matchAll(REFERENCE)) {
    // A date beside a reference ("RFQ/8121 Dated: 20.12.2026") is not one.
    if (!/\d/.test(m[0]) || DATE_SHAPED.test(m[0])) continue
    return { value: m[0], start: m.index, end: m.index + m[0].length }
  }
  return null
}

/** Segments joined by / _ . - ; "&" inside a segment (C&P, S&P: contracts and purchase offices). */
const REFERENCE = /[A-Za-z0-9]+(?:&[A-Za-z0-9]+)*(?:[/_.-][A-Za-z0-9]+(?:&[A-Za-z0-9]+)*)+/g
const DATE_SHAPED = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2}(?:\d{2})?|\d{4}-\d{2}-\d{2})$/

/** Free text (names, categories): everything, spaces tidied; leading ":" and brackets dropped. */
export function parseText(text: string): Parsed<string> | null {
  const m = /[^\s:|[\]]/.exec(text)
  if (!m) return null
  const trimmed = text.slice(m.index).replace(/[\s|[\]]+$/, '')
  return { value: trimmed.replace(/\s+/g, ' '), start: m.index, end: m.index + trimmed.length }
}
