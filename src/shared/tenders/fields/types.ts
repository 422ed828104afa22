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

/**
 * One field schema for bids from every portal: GeM, CPPP/eProcure and other notices fill the same
 * names, and each field keeps the label its document used (`label`: "Bid Number", "Tender ID",
 * "Tender No") as evidence. GeM "Dated" and CPPP "Published Date" are `publishedDate`; GeM
 * "Item Category" and CPPP "Title" are `title`; CPPP "Tender ID" is `bidNumber` and its
 * "Tender Reference Number" `referenceNumber`.
 */
export const FIELD_NAMES = [
  'bidNumber',
  'referenceNumber',
  'bidType',
  'publishedDate',
  'bidEndDate',
  'bidOpeningDate',
  'offerValidity',
  'ministry',
  'department',
  'organisation',
  'office',
  'title',
  'totalQuantity',
  'emdRequired',
  'emdAmount',
  'epbgRequired',
  'epbgPercentage',
  'msePreference',
  'miiPreference',
  'mseExemption',
] as const
export type FieldName = (typeof FIELD_NAMES)[number]

export interface Field {
  /** The text as it reads on the page. */
  value: string
  normalised: NormalisedValue
  /**
   * The source document's own label it was read against ("Bid End Date/Time", "Tender ID",
   * "Last Date of Submission"), whatever the unified name; the pattern name for fallbacks.
   */
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
  /** Set when the portal's learned template read it (see ../templates). */
  template?: { id: string; documentName: string; learnedBy: string; learnedAt: string }
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
