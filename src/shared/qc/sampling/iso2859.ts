/**
 * ISO 2859-1:1999 Table 1 (sample size code letters) and Table 2-A (sample size per code letter);
 * ANSI/ASQ Z1.4 uses the same tables.
 */
export const INSPECTION_LEVELS = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number]

export const CODE_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
  'R',
] as const
export type CodeLetter = (typeof CODE_LETTERS)[number]

/** Upper lot size of each band, then the letters for S-1, S-2, S-3, S-4, I, II, III. */
const TABLE_1: readonly [number, string][] = [
  [8, 'AAAAAAB'],
  [15, 'AAAAABC'],
  [25, 'AABBBCD'],
  [50, 'ABBCCDE'],
  [90, 'BBCCCEF'],
  [150, 'BBCDDFG'],
  [280, 'BCDEEGH'],
  [500, 'BCDEFHJ'],
  [1200, 'CCEFGJK'],
  [3200, 'CDEGHKL'],
  [10000, 'CDFGJLM'],
  [35000, 'CDFHKMN'],
  [150000, 'DEGJLNP'],
  [500000, 'DEGJMPQ'],
  [Infinity, 'DEHKNQR'],
]

export const SAMPLE_SIZES: Readonly<Record<CodeLetter, number>> = {
  A: 2,
  B: 3,
  C: 5,
  D: 8,
  E: 13,
  F: 20,
  G: 32,
  H: 50,
  J: 80,
  K: 125,
  L: 200,
  M: 315,
  N: 500,
  P: 800,
  Q: 1250,
  R: 2000,
}

export function isInspectionLevel(value: string): value is InspectionLevel {
  return (INSPECTION_LEVELS as readonly string[]).includes(value)
}

export function codeLetter(lotSize: number, level: InspectionLevel): CodeLetter {
  if (!Number.isInteger(lotSize) || lotSize < 2)
    throw new RangeError(`lot size must be a whole number of at least 2 (got ${lotSize})`)
  const band = TABLE_1.find(([upper]) => lotSize <= upper)!
  return band[1][INSPECTION_LEVELS.indexOf(level)] as CodeLetter
}

export interface Iso2859Plan {
  plan: 'iso2859'
  lotSize: number
  level: InspectionLevel
  codeLetter: CodeLetter
  /** Table 2-A's sample size for the letter. */
  tableSampleSize: number
  /** Units to draw: the table's size, or the whole lot when that is smaller (100 % inspection). */
  sampleSize: number
  note?: string
}

/** Single sampling, normal inspection: code letter and sample size for a lot. */
export function iso2859Plan(lotSize: number, level: InspectionLevel = 'II'): Iso2859Plan {
  const letter = codeLetter(lotSize, level)
  const size = SAMPLE_SIZES[letter]
  return {
    plan: 'iso2859',
    lotSize,
    level,
    codeLetter: letter,
    tableSampleSize: size,
    sampleSize: Math.min(size, lotSize),
    ...(size >= lotSize
      ? { note: `sample size ${size} is not smaller than the lot: inspect all ${lotSize} units` }
      : {}),
  }
}
