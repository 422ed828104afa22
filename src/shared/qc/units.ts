import { foldText } from './text'

/**
 * A unit as the desk understands it: a canonical symbol, the quantity it measures and its factor to
 * that quantity's base (mass fraction 1 = 100 %). Only units of the same quantity convert, and only
 * by these exact decimal factors.
 */
export interface UnitInfo {
  symbol: string
  quantity:
    | 'mass-fraction'
    | 'volume-fraction'
    | 'mass-per-volume-percent'
    | 'density'
    | 'cfu-per-g'
    | 'cfu-per-ml'
    | 'ph'
    | 'none'
    | 'other'
  factor: number
}

const TABLE: [RegExp, UnitInfo][] = [
  [
    /^%\s*(w\s*\/?\s*w|m\s*\/?\s*m|wt|by weight|mass)?$/,
    { symbol: '%', quantity: 'mass-fraction', factor: 1e-2 },
  ],
  [/^%\s*(v\s*\/?\s*v|vol)$/, { symbol: '% v/v', quantity: 'volume-fraction', factor: 1e-2 }],
  [/^%\s*w\s*\/?\s*v$/, { symbol: '% w/v', quantity: 'mass-per-volume-percent', factor: 1 }],
  [/^g\s*\/\s*100\s*g$/, { symbol: 'g/100 g', quantity: 'mass-fraction', factor: 1e-2 }],
  [/^(mg\s*\/\s*g|permille|‰)$/, { symbol: 'mg/g', quantity: 'mass-fraction', factor: 1e-3 }],
  [/^ppm(\s*w\s*\/?\s*w)?$/, { symbol: 'ppm', quantity: 'mass-fraction', factor: 1e-6 }],
  [/^mg\s*\/\s*kg$/, { symbol: 'mg/kg', quantity: 'mass-fraction', factor: 1e-6 }],
  [/^[uµμ]g\s*\/\s*g$|^mcg\s*\/\s*g$/, { symbol: 'µg/g', quantity: 'mass-fraction', factor: 1e-6 }],
  [/^ppb$/, { symbol: 'ppb', quantity: 'mass-fraction', factor: 1e-9 }],
  [/^[uµμ]g\s*\/\s*kg$|^mcg\s*\/\s*kg$/, { symbol: 'µg/kg', quantity: 'mass-fraction', factor: 1e-9 }],
  [/^g\s*\/\s*(cc|cm3|cm\^3|cm³|ml)$/, { symbol: 'g/mL', quantity: 'density', factor: 1 }],
  [/^kg\s*\/\s*l$/, { symbol: 'kg/L', quantity: 'density', factor: 1 }],
  [/^kg\s*\/\s*m(3|\^3|³)$/, { symbol: 'kg/m³', quantity: 'density', factor: 1e-3 }],
  [/^g\s*\/\s*l$/, { symbol: 'g/L', quantity: 'density', factor: 1e-3 }],
  [/^cfu\s*\/\s*g$/, { symbol: 'cfu/g', quantity: 'cfu-per-g', factor: 1 }],
  [/^cfu\s*\/\s*(10|100)\s*g$/, { symbol: 'cfu/g', quantity: 'other', factor: 1 }],
  [/^cfu\s*\/\s*ml$/, { symbol: 'cfu/mL', quantity: 'cfu-per-ml', factor: 1 }],
  [/^ph( units?)?$/, { symbol: 'pH', quantity: 'ph', factor: 1 }],
]

/**
 * Cleans what suppliers print in a units column: LIMS suffixes ("%_0", "ppm_", "pH_1", "%."),
 * stray spaces and case. Returns undefined for an empty cell.
 */
export function cleanUnitText(text: string): string | undefined {
  const cleaned = text
    .normalize('NFKC')
    // OCR reads a ruling line beside the cell as "|" or "[", and the slash of "cfu/g" as l, I or |.
    .replace(/^[|[\]{}!]+\s*/, '')
    .replace(/^(cfu|mg|[uµμ]g|mcg|g|kg)\s*[lI1|]\s*(g|kg|ml|l)$/i, '$1/$2')
    .replace(/[_.\s]+\d?$/g, '')
    .replace(/[_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return cleaned === '' || /^[-–—]+$|^n\/?a$/i.test(cleaned) ? undefined : cleaned
}

export function unitInfo(text: string | undefined): UnitInfo | undefined {
  if (text === undefined) return undefined
  const cleaned = cleanUnitText(text)
  if (cleaned === undefined) return undefined
  const key = cleaned.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
  for (const [pattern, info] of TABLE) if (pattern.test(key)) return info
  return { symbol: cleaned, quantity: 'other', factor: 1 }
}

/** Units a value carries as a suffix ("0.21 ppm", "22%"), longest first so "% w/w" beats "%". */
// The slash of a unit as OCR reads it too ("cfulg", "mg|kg"): cleanUnitText puts the slash back.
const SLASH = String.raw`\s*[/lI1|]\s*`
export const UNIT_SUFFIX = new RegExp(
  String.raw`(%\s*w\s*\/\s*[wv]|%\s*v\s*\/\s*v|%|ppm|ppb|mg${SLASH}kg|[uµμ]g${SLASH}g|mcg${SLASH}g|g\s*\/\s*100\s*g|mg${SLASH}g|g\s*\/\s*cc|g\s*\/\s*ml|g\s*\/\s*cm3|cfu${SLASH}g|cfu${SLASH}ml)\s*$`,
  'i',
)

export type Conversion =
  { ok: true; factor: number; from?: string; to?: string } | { ok: false; reason: string }

/**
 * The factor that turns a value in `from` into `to`. Units of the same quantity convert exactly;
 * anything else is a mismatch for a person to look at. A missing unit on either side is accepted
 * as "the same" (pH, counts, many COAs leave units out).
 */
export function conversion(from: string | undefined, to: string | undefined): Conversion {
  const a = unitInfo(from)
  const b = unitInfo(to)
  if (!a || !b) return { ok: true, factor: 1 }
  if (a.symbol === b.symbol && a.quantity === b.quantity) return { ok: true, factor: 1 }
  if (a.quantity === 'other' || b.quantity === 'other') {
    return foldText(a.symbol) === foldText(b.symbol)
      ? { ok: true, factor: 1 }
      : { ok: false, reason: `unit ${a.symbol} differs from the specification's ${b.symbol}` }
  }
  if (a.quantity !== b.quantity) {
    return { ok: false, reason: `unit ${a.symbol} cannot be converted to ${b.symbol}` }
  }
  return { ok: true, factor: a.factor / b.factor, from: a.symbol, to: b.symbol }
}

/** Multiplies without float noise: 1.86 × 1e-4 is 0.000186, not 0.00018600000000000002. */
export function scale(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12))
}
