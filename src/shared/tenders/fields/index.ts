import { prepareText, type MatchPage, type PreparedText } from '../screening'
import { extractCppp } from './cppp'
import { extractGem } from './gem'
import { extractGeneric, fallbacks } from './generic'
import { onLevelPages } from './level'
import { findLabels } from './locate'
import { extractNotice, KEY_FIELDS } from './notice'
import type { DocumentKind, ExtractedFields } from './types'

export * from './types'
export * from './parse'
export * from './schema'
export * from './labels'
export { KEY_FIELDS } from './notice'
export { findWordLabels, pageGeometry, wordKey } from './wordLabels'
export { findLabels, valueBelow, valueRight, type LabelHit } from './locate'

/** GeM by its bid number format or its "Bid Details" table; CPPP by its eProcurement "Tender ID". */
export function detectKind(prepared: PreparedText): DocumentKind {
  const text = prepared.plain.text
  if (
    /gem\d{4}(b|ra|r)\d{5,}/.test(text.slice(0, 20_000)) ||
    (findLabels(prepared, 'Bid Details').length > 0 && text.includes('gem'))
  )
    return 'gem'
  if (
    findLabels(prepared, 'Tender ID').length > 0 &&
    (text.includes('eprocurement') || findLabels(prepared, 'Tender Reference Number').length > 0)
  )
    return 'cppp'
  return 'generic'
}

/** Key fields of a bid document, each with its page, box and confidence; generic labels fill gaps. */
export function extractFields(input: readonly MatchPage[] | PreparedText): ExtractedFields {
  return onLevelPages('plain' in input ? input : prepareText(input, false), extractLevelled)
}

function extractLevelled(prepared: PreparedText): ExtractedFields {
  const kind = detectKind(prepared)
  // Generic labels ("EMD", "Last Date") misread GeM and CPPP tables, so they only serve other documents.
  const fields =
    kind === 'gem' ? extractGem(prepared) : kind === 'cppp' ? extractCppp(prepared) : extractGeneric(prepared)
  // Key fields the portal's own labels did not give are read as on any notice (labels on the words,
  // values beside or under them); a portal's reading is never overridden.
  const notice = extractNotice(prepared)
  for (const name of KEY_FIELDS) {
    const field = notice[name]
    if (field && (kind !== 'generic' ? !fields[name] : true)) fields[name] = field
  }
  return { kind, fields, ...fallbacks(prepared) }
}
