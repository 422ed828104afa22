import type { PreparedText } from '../screening'
import { derived, readField, type FieldSpec } from './read'
import type { ExtractedFields } from './types'
import {
  asBidNumber,
  asDate,
  asDateTime,
  asDays,
  asMoney,
  asNumber,
  asPercent,
  asText,
  asYesNo,
} from './values'

/**
 * GeM bid documents are bilingual, and their Hindi text layer is broken (conjuncts dropped), so
 * every label is the English half: "बिड संख्या/Bid Number" is found as "Bid Number".
 */
const GEM_FIELDS: FieldSpec[] = [
  { name: 'bidNumber', labels: ['Bid Number', 'Bid No', 'RA Number', 'RA No'], parse: asBidNumber },
  { name: 'publishedDate', labels: ['Dated'], parse: asDate },
  {
    name: 'bidEndDate',
    labels: ['Bid End Date/Time', 'Bid End Date', 'RA End Date/Time', 'RA End Date'],
    parse: asDateTime,
  },
  {
    name: 'bidOpeningDate',
    labels: ['Bid Opening Date/Time', 'Bid Opening', 'RA Start Date/Time'],
    parse: asDateTime,
  },
  { name: 'offerValidity', labels: ['Bid Offer Validity', 'Bid Offer', 'Offer Validity'], parse: asDays },
  { name: 'ministry', labels: ['Ministry/State Name', 'Ministry Name'], parse: asText, multiline: true },
  { name: 'department', labels: ['Department Name'], parse: asText, multiline: true },
  {
    name: 'organisation',
    labels: ['Organisation Name', 'Organization Name'],
    parse: asText,
    multiline: true,
  },
  { name: 'office', labels: ['Office Name'], parse: asText, multiline: true },
  { name: 'totalQuantity', labels: ['Total Quantity'], parse: asNumber },
  { name: 'title', labels: ['Item Category'], parse: asText, multiline: true },
  { name: 'emdAmount', labels: ['EMD Amount'], parse: asMoney },
  {
    name: 'emdRequired',
    labels: ['Required'],
    parse: asYesNo,
    section: { heading: 'EMD Detail', window: 60 },
  },
  {
    name: 'epbgRequired',
    labels: ['Required'],
    parse: asYesNo,
    section: { heading: 'ePBG Detail', window: 60 },
  },
  { name: 'epbgPercentage', labels: ['ePBG Percentage'], parse: asPercent },
  {
    name: 'miiPreference',
    labels: ['MII Purchase Preference', 'Make In India Purchase Preference'],
    parse: asYesNo,
  },
  { name: 'msePreference', labels: ['MSE Purchase Preference'], parse: asYesNo },
  {
    name: 'mseExemption',
    labels: ['MSE Exemption for Years of', 'MSE Relaxation for Years of'],
    parse: asYesNo,
    multiline: true,
  },
]

export function extractGem(prepared: PreparedText): ExtractedFields['fields'] {
  const fields: ExtractedFields['fields'] = {}
  for (const spec of GEM_FIELDS) {
    const field = readField(prepared, spec)
    if (field) fields[spec.name] = field
  }
  const bid = fields.bidNumber
  if (bid && bid.normalised.kind === 'text') {
    const type = bid.normalised.value.split('/')[2] ?? 'B'
    fields.bidType = {
      ...bid,
      normalised: {
        kind: 'text',
        value: type === 'B' ? 'bid' : type === 'RA' ? 'reverse-auction' : 'reverse-auction-bid',
      },
    }
  }
  // An amount or a percentage is stated only when a security is asked for.
  if (!fields.emdRequired && fields.emdAmount)
    fields.emdRequired = derived(fields.emdAmount, {
      kind: 'boolean',
      value: fields.emdAmount.normalised.kind === 'money' && fields.emdAmount.normalised.amount > 0,
    })
  if (!fields.epbgRequired && fields.epbgPercentage)
    fields.epbgRequired = derived(fields.epbgPercentage, {
      kind: 'boolean',
      value:
        fields.epbgPercentage.normalised.kind === 'percent' && fields.epbgPercentage.normalised.value > 0,
    })
  return fields
}
