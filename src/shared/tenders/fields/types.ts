import type { BBox } from '../../document-text'
import type { PageBox } from '../screening'

export type NormalisedValue =
  | { kind: 'text'; value: string }
  /** yyyy-mm-dd */
  | { kind: 'date'; iso: string }
  /** yyyy-mm-ddThh:mm:ss+05:30 (Indian Standard Time, as GeM and CPPP state times) */
  | { kind: 'date-time'; iso: string }
  | { kind: 'number'; value: number; unit?: string }
  | { kind: 'money'; amount: number; currency: 'INR' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'percent'; value: number }

export const FIELD_NAMES = [
  'bidNumber',
  'bidType',
  'dated',
  'bidEndDate',
  'bidOpeningDate',
  'offerValidity',
  'ministry',
  'department',
  'organisation',
  'office',
  'totalQuantity',
  'itemCategory',
  'emdRequired',
  'emdAmount',
  'epbgRequired',
  'epbgPercentage',
  'msePreference',
  'miiPreference',
  'mseExemption',
  'tenderReference',
  'tenderId',
  'publishedDate',
  'title',
] as const
export type FieldName = (typeof FIELD_NAMES)[number]

export interface Field {
  /** The text as it reads on the page. */
  value: string
  normalised: NormalisedValue
  /** The label it was read against ("Bid End Date/Time"), or the pattern for fallbacks. */
  label: string
  page: number
  /** Union of the value's words on `page`. */
  bbox: BBox
  /** One box per line of the value (and the label's, for click-to-locate). */
  boxes: PageBox[]
  labelBoxes: PageBox[]
  /** 0..1: OCR confidence of the words times how the value was found (beside its label, below it, derived, by pattern). */
  confidence: number
  /** How it was found. */
  method: 'label-right' | 'label-below' | 'derived' | 'pattern'
}

export type DocumentKind = 'gem' | 'cppp' | 'generic'

export interface ExtractedFields {
  kind: DocumentKind
  fields: Partial<Record<FieldName, Field>>
  /** Fallbacks found anywhere in the document, in reading order. */
  dates: Field[]
  amounts: Field[]
  references: Field[]
}
