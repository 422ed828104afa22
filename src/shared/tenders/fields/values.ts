import {
  parseAmount,
  parseBidNumber,
  parseDate,
  parseDays,
  parseNumber,
  parsePercent,
  parseReference,
  parseText,
  parseYesNo,
} from './parse'
import type { ValueParser } from './read'

/** Parsers that produce normalised values, one per field type. */
export const asDateTime: ValueParser = (text) => {
  const p = parseDate(text)
  return p && { ...p, value: { kind: p.value.hasTime ? 'date-time' : 'date', iso: p.value.iso } }
}
export const asDate: ValueParser = (text) => {
  const p = parseDate(text)
  return p && { ...p, value: { kind: 'date', iso: p.value.iso.slice(0, 10) } }
}
export const asMoney: ValueParser = (text) => {
  const p = parseAmount(text)
  return p && { ...p, value: { kind: 'money', amount: p.value, currency: 'INR' } }
}
export const asNumber: ValueParser = (text) => {
  const p = parseNumber(text)
  return p && { ...p, value: { kind: 'number', value: p.value } }
}
export const asDays: ValueParser = (text) => {
  const p = parseDays(text)
  return p && { ...p, value: { kind: 'number', value: p.value, unit: 'days' } }
}
export const asPercent: ValueParser = (text) => {
  const p = parsePercent(text)
  return p && { ...p, value: { kind: 'percent', value: p.value } }
}
export const asYesNo: ValueParser = (text) => {
  const p = parseYesNo(text)
  return p && { ...p, value: { kind: 'boolean', value: p.value } }
}
export const asText: ValueParser = (text) => {
  const p = parseText(text)
  return p && { ...p, value: { kind: 'text', value: p.value } }
}
/**
 * An item's name without the clauses a notice writes after it in the same cell: ", quantity 774
 * Nos", "as per the specification attached" (the quantity is read as its own field).
 */
export const asItem: ValueParser = (text) => {
  const cut = text.search(ITEM_CLAUSE)
  return asText(cut > 2 ? text.slice(0, cut) : text)
}
const ITEM_CLAUSE = /[,;]\s*(?:total\s+)?(?:quantity|qty)\b|[,;]?\s+as per\b/i

export const asReference: ValueParser = (text) => {
  const p = parseReference(text)
  return p && { ...p, value: { kind: 'text', value: p.value } }
}
export const asBidNumber: ValueParser = (text) => {
  const p = parseBidNumber(text)
  return p && { ...p, value: { kind: 'text', value: p.value } }
}
