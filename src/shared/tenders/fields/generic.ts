import { readingOrder, type PreparedText } from '../screening'
import { parseAmount, parseReference } from './parse'
import { fieldFromWords, readField, type FieldSpec, type ValueParser } from './read'
import type { ExtractedFields, Field } from './types'
import { asDateTime, asMoney, asReference, asText } from './values'

/** Labels common to tender notices of any portal (state portals, IREPS, PSU RFQs). */
const GENERIC_FIELDS: FieldSpec[] = [
  {
    name: 'bidEndDate',
    labels: [
      'Bid Due Date',
      'Last Date of Submission',
      'Last Date and Time',
      'Last Date',
      'Closing Date',
      'Due Date',
      'Bid Submission End Date',
    ],
    parse: asDateTime,
  },
  {
    name: 'bidOpeningDate',
    labels: ['Bid Opening Date', 'Date of Opening', 'Opening Date'],
    parse: asDateTime,
  },
  {
    name: 'bidNumber',
    labels: ['Tender ID', 'Tender No', 'Bid No', 'RFQ No', 'Enquiry No', 'NIT No'],
    parse: asReference,
  },
  { name: 'referenceNumber', labels: ['Tender Reference', 'Reference No', 'Ref No'], parse: asReference },
  { name: 'emdAmount', labels: ['EMD Amount', 'Earnest Money Deposit', 'EMD'], parse: asMoney },
  { name: 'organisation', labels: ['Organisation Name', 'Organisation'], parse: asText },
  { name: 'title', labels: ['Name of Work', 'Name of the Work', 'Work Description'], parse: asText },
]

export function extractGeneric(prepared: PreparedText): ExtractedFields['fields'] {
  const fields: ExtractedFields['fields'] = {}
  for (const spec of GENERIC_FIELDS) {
    const field = readField(prepared, spec)
    if (field) fields[spec.name] = field
  }
  return fields
}

const MAX_FALLBACKS = 200

/** Every occurrence of a parser's value in the document, line by line, in reading order. */
function scan(prepared: PreparedText, parse: ValueParser, label: string): Field[] {
  const out: Field[] = []
  for (const page of prepared.pages) {
    const lines: number[][] =
      page.lines.length > 0 ? page.lines.map((l) => l.wordIndexes) : [readingOrder(page)]
    for (const line of lines) {
      let rest = line
      while (rest.length > 0 && out.length < MAX_FALLBACKS) {
        const field = fieldFromWords(page, rest, parse, label, 'pattern')
        if (!field) break
        out.push(field)
        const lastUsed = Math.max(
          ...rest.map((w, k) => (field.boxes.some((b) => overlaps(b.bbox, page.words[w]!.bbox)) ? k : -1)),
        )
        rest = rest.slice(lastUsed + 1)
      }
    }
  }
  return out
}

const overlaps = (a: readonly number[], b: readonly number[]) =>
  a[0]! <= b[0]! && a[2]! >= b[2]! && a[1]! <= b[1]! && a[3]! >= b[3]!

const asRupees: ValueParser = (text) => {
  // Only amounts written as money (₹, Rs., INR) count here; bare numbers are quantities, sizes or years.
  const m = /(₹|\brs(?![a-z])\.?|\binr(?![a-z])|\brupees\b)/i.exec(text)
  if (!m) return null
  const p = parseAmount(text.slice(m.index))
  return (
    p && { value: { kind: 'money', amount: p.value, currency: 'INR' }, start: m.index, end: m.index + p.end }
  )
}

const asReferenceNumber: ValueParser = (text) => {
  // A reference has letters and digits and a separator: GEM/2025/B/6572913, RFQ-75810, PSGCT/CPPP/2025-26/03.
  const re = /[A-Za-z0-9]+(?:[/_-][A-Za-z0-9]+)+/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (
      /[A-Za-z]/.test(m[0]) &&
      /\d{3,}/.test(m[0]) &&
      m[0].length >= 6 &&
      !/^\d{1,2}-[A-Za-z]{3}-\d{4}$/.test(m[0])
    ) {
      const p = parseReference(m[0])
      if (p) return { value: { kind: 'text', value: m[0] }, start: m.index, end: m.index + m[0].length }
    }
  }
  return null
}

export function fallbacks(prepared: PreparedText): Pick<ExtractedFields, 'dates' | 'amounts' | 'references'> {
  return {
    dates: scan(prepared, asDateTime, 'date'),
    amounts: scan(prepared, asRupees, 'amount'),
    references: scan(prepared, asReferenceNumber, 'reference'),
  }
}
