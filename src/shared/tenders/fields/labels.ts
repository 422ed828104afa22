import type { FieldName } from './types'

/** What a user reads for each extracted field, one name whatever the portal (the page's own label is on the field). */
export const FIELD_LABELS: Record<FieldName, string> = {
  bidNumber: 'Bid number',
  referenceNumber: 'Reference number',
  bidType: 'Bid type',
  publishedDate: 'Published date',
  bidEndDate: 'Bid end date',
  bidOpeningDate: 'Bid opening date',
  offerValidity: 'Offer validity',
  ministry: 'Ministry',
  department: 'Department',
  organisation: 'Organisation',
  office: 'Office',
  title: 'Title / item',
  totalQuantity: 'Total quantity',
  emdRequired: 'EMD required',
  emdAmount: 'EMD amount',
  epbgRequired: 'ePBG required',
  epbgPercentage: 'ePBG percentage',
  msePreference: 'MSE preference',
  miiPreference: 'MII preference',
  mseExemption: 'MSE exemption',
}

/**
 * The label for a field name; a name without one (a newer extractor, an older record) is turned
 * from camelCase or snake_case into words, so a raw key never reaches the screen.
 */
export function fieldLabel(name: string): string {
  const known = (FIELD_LABELS as Record<string, string>)[name]
  if (known) return known
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
