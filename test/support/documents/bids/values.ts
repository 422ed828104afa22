/** Key fields of one generated bid as the extractor should normalise them (the unified field names). */
export interface BidTruth {
  bidNumber: string
  /** yyyy-mm-ddThh:mm:ss+05:30 */
  bidEndDate: string
  organisation: string
  totalQuantity: number
  emdAmount: number
  title: string
}

export type TruthField = keyof BidTruth
export const TRUTH_FIELDS: readonly TruthField[] = [
  'bidNumber',
  'bidEndDate',
  'organisation',
  'totalQuantity',
  'emdAmount',
  'title',
]

/** Values a layout writes, each in the form it appears on the page. */
export interface BidValues {
  truth: BidTruth
  /** The organisation's short code for reference numbers (BHEL, IOCL). */
  code: string
  unit: string
  /** Quantity as printed: "1,200". */
  quantity: string
  /** Date-time written the way the layout's portal writes it. */
  endDate: (style: DateStyle) => string
  /** A date some days before the end date (publication, opening +1 day). */
  otherDate: (days: number, style: DateStyle) => string
  /** EMD written in one of the ways Indian notices write rupees. */
  emd: string
  /** The EMD as a bare figure in Indian grouping, for columns headed "(₹)". */
  emdFigure: string
  pick: <T>(list: readonly T[]) => T
  int: (lo: number, hi: number) => number
}

export type DateStyle = 'gem' | 'cppp' | 'dotted' | 'slashed' | 'long' | 'day'

const ORGANISATIONS: readonly [string, string][] = [
  ['Bharat Heavy Electricals Limited', 'BHEL'],
  ['Indian Oil Corporation Limited', 'IOCL'],
  ['Steel Authority of India Limited', 'SAIL'],
  ['NTPC Limited', 'NTPC'],
  ['Oil and Natural Gas Corporation Limited', 'ONGC'],
  ['Hindustan Aeronautics Limited', 'HAL'],
  ['Central Public Works Department', 'CPWD'],
  ['Delhi Jal Board', 'DJB'],
  ['Bharat Electronics Limited', 'BEL'],
  ['Coal India Limited', 'CIL'],
  ['Public Health Engineering Department', 'PHED'],
  ['Kerala Water Authority', 'KWA'],
  ['Northern Railway', 'NR'],
  ['Gujarat State Electricity Corporation Limited', 'GSECL'],
]

const ITEMS: readonly [string, string][] = [
  ['Ferric Chloride Liquid 40 percent', 'Kg'],
  ['Bonded Rock Wool Mattress 100 mm thick', 'Nos'],
  ['A4 Copier Paper 75 GSM', 'Ream'],
  ['Bleaching Powder Stable Grade', 'Kg'],
  ['Revolving Office Chair with Armrest', 'Nos'],
  ['Diesel Generator Set 125 kVA', 'Set'],
  ['Hydrated Lime Powder', 'MT'],
  ['LED Street Light Luminaire 90 W', 'Nos'],
  ['Industrial Safety Helmet', 'Nos'],
  ['Copper Power Cable 4 Core 16 sq mm', 'Metre'],
  ['Aluminium Sulphate Non Ferric', 'MT'],
  ['Laptop Computer Core i5 16 GB RAM', 'Nos'],
  ['Poly Aluminium Chloride Powder', 'Kg'],
  ['Centrifugal Pump Set 15 HP', 'Nos'],
]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

const pad = (n: number) => String(n).padStart(2, '0')

/** 12,34,567: the last three digits, then pairs. */
export function indianGrouping(n: number): string {
  const s = String(Math.trunc(n))
  if (s.length <= 3) return s
  const head = s.slice(0, -3)
  return `${head.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${s.slice(-3)}`
}

function formatDate(d: Date, style: DateStyle): string {
  const [day, month, year] = [d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear()]
  const [h, m] = [d.getUTCHours(), d.getUTCMinutes()]
  const h12 = `${pad(h % 12 === 0 ? 12 : h % 12)}:${pad(m)} ${h < 12 ? 'AM' : 'PM'}`
  switch (style) {
    case 'gem':
      return `${pad(day)}-${pad(month + 1)}-${year} ${pad(h)}:${pad(m)}:00`
    case 'cppp':
      return `${pad(day)}-${MONTHS[month]}-${year} ${h12}`
    case 'dotted':
      return `${pad(day)}.${pad(month + 1)}.${year} upto ${pad(h)}:${pad(m)} hrs`
    case 'slashed':
      return `${pad(day)}/${pad(month + 1)}/${year} at ${pad(h)}:${pad(m)}`
    case 'long':
      return `${day} ${LONG_MONTHS[month]} ${year}, ${h12}`
    case 'day':
      return `${pad(day)}.${pad(month + 1)}.${year}`
  }
}

/** Draws one bid's values from a seeded source (see scan.ts seededRandom). */
export function drawValues(random: () => number): BidValues {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const [organisation, code] = pick(ORGANISATIONS)
  const [title, unit] = pick(ITEMS)
  const quantity = pick([int(2, 95), int(100, 990), int(1_000, 99_999), int(100_000, 600_000)])
  const end = new Date(Date.UTC(2026, 0, 5) + int(0, 540) * 86_400_000)
  end.setUTCHours(pick([10, 11, 13, 15, 17, 18]), pick([0, 0, 30]))
  const iso = `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}T${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}:00+05:30`
  // Amounts as notices write them: plain Indian grouping, with ₹/Rs./INR, "/-", or in lakh/crore.
  const style = int(0, 5)
  let emdAmount: number
  let emd: string
  if (style === 4) {
    const lakh = int(11, 95) / 10
    emdAmount = Math.round(lakh * 100_000)
    emd = `${pick(['₹', 'Rs.'])} ${lakh} lakh`
  } else if (style === 5) {
    const crore = int(11, 25) / 10
    emdAmount = Math.round(crore * 10_000_000)
    emd = `Rs. ${crore} Cr`
  } else {
    emdAmount = int(20, 900) * 500
    const figure = indianGrouping(emdAmount)
    emd = [`₹ ${figure}`, `Rs. ${figure}/-`, `INR ${figure}`, figure][style]!
  }
  return {
    truth: {
      bidNumber: '',
      bidEndDate: iso,
      organisation,
      totalQuantity: quantity,
      emdAmount,
      title,
    },
    code,
    unit,
    quantity: indianGrouping(quantity),
    endDate: (s) => formatDate(end, s),
    otherDate: (days, s) => formatDate(new Date(end.getTime() + days * 86_400_000), s),
    emd,
    emdFigure: indianGrouping(emdAmount),
    pick,
    int,
  }
}
