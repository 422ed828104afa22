export interface Gs1Element {
  ai: string
  title: string
  value: string
  /** ISO yyyy-mm-dd for date AIs (DD=00 resolved to the month's last day). */
  date?: string
  /** 310n–369n, 390n–395n: the value with its implied decimal point applied. */
  decimal?: number
  /** 391n, 393n: ISO 4217 numeric currency code carried in front of the amount. */
  currency?: string
}

export interface Gs1Result {
  /** Human name of the symbology, from the symbology identifier; null when none was sent. */
  symbology: string | null
  /** The ISO/IEC 15424 symbology identifier as received, e.g. "]d2". */
  symbologyId: string | null
  elements: Gs1Element[]
  /**
   * Non-GS1 payload: the data of a plain (non-GS1) symbol, or the 8/13 digits of an EAN/UPC whose
   * GTIN is also reported as element (01).
   */
  text?: string
  /** Set when the data was a GS1 Digital Link URI. */
  digitalLink?: string
}

export type Gs1InputKind = 'auto' | 'scan' | 'element-string' | 'hri' | 'digital-link'

export interface Gs1ParseOptions {
  /** What the input is; "auto" decides from its first characters. */
  kind?: Gs1InputKind
  /** Characters that stand for FNC1 in element strings; GS (0x1D) by default. */
  separators?: readonly string[]
  /** Accept GTIN-8/12/13 in a Digital Link (01) and pad it to GTIN-14 (legacy URIs). */
  permitZeroSuppressedGtin?: boolean
  /** Accept the deprecated Digital Link short names (gtin, lot, ser, sscc, …). */
  permitConvenienceAlphas?: boolean
  /** Accept AIs missing from the table (value checked only as set 82, up to 90 characters). */
  permitUnknownAis?: boolean
  /** "Today" for the two-digit-year century rule. */
  now?: Date
}

export const GS = '\x1D'

/** What a warehouse desk accepts by default: legacy forms that real labels still carry. */
export const DEFAULT_OPTIONS = {
  kind: 'auto',
  separators: [GS],
  permitZeroSuppressedGtin: true,
  permitConvenienceAlphas: true,
  permitUnknownAis: false,
} as const satisfies Gs1ParseOptions

/** GS1's own strict reading (the GS1 Syntax Engine defaults). */
export const STRICT_OPTIONS = {
  permitZeroSuppressedGtin: false,
  permitConvenienceAlphas: false,
  permitUnknownAis: false,
} as const satisfies Gs1ParseOptions

export interface ResolvedOptions {
  kind: Gs1InputKind
  separators: readonly string[]
  permitZeroSuppressedGtin: boolean
  permitConvenienceAlphas: boolean
  permitUnknownAis: boolean
  now: Date
}

export function resolveOptions(options: Gs1ParseOptions = {}): ResolvedOptions {
  return {
    kind: options.kind ?? DEFAULT_OPTIONS.kind,
    separators: options.separators ?? DEFAULT_OPTIONS.separators,
    permitZeroSuppressedGtin: options.permitZeroSuppressedGtin ?? DEFAULT_OPTIONS.permitZeroSuppressedGtin,
    permitConvenienceAlphas: options.permitConvenienceAlphas ?? DEFAULT_OPTIONS.permitConvenienceAlphas,
    permitUnknownAis: options.permitUnknownAis ?? DEFAULT_OPTIONS.permitUnknownAis,
    now: options.now ?? new Date(),
  }
}
