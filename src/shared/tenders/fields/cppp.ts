import type { PreparedText } from '../screening'
import { readField, type FieldSpec } from './read'
import type { ExtractedFields } from './types'
import { asDateTime, asMoney, asReference, asText } from './values'

/** CPPP (eprocure.gov.in) "Tender Details" pages: label/value tables, four columns wide; the unified names. */
const CPPP_FIELDS: FieldSpec[] = [
  // The portal's own id ("2025_WBNPI_883395_1") is the bid number; the buyer's reference is kept beside it.
  { name: 'bidNumber', labels: ['Tender ID'], parse: asReference },
  {
    name: 'referenceNumber',
    labels: ['Tender Reference Number', 'Tender Ref No', 'Tender Reference No'],
    parse: asReference,
  },
  { name: 'emdAmount', labels: ['EMD Amount', 'EMD Fee'], parse: asMoney },
  {
    name: 'bidEndDate',
    labels: ['Bid Submission End Date', 'Bid Submission Closing Date'],
    parse: asDateTime,
  },
  { name: 'bidOpeningDate', labels: ['Bid Opening Date'], parse: asDateTime },
  { name: 'publishedDate', labels: ['Published Date', 'Publish Date'], parse: asDateTime },
  { name: 'organisation', labels: ['Organisation Chain', 'Organisation Name'], parse: asText },
  { name: 'title', labels: ['Title', 'Work Description'], parse: asText },
]

export function extractCppp(prepared: PreparedText): ExtractedFields['fields'] {
  const fields: ExtractedFields['fields'] = {}
  for (const spec of CPPP_FIELDS) {
    const field = readField(prepared, spec)
    if (field) fields[spec.name] = field
  }
  return fields
}
