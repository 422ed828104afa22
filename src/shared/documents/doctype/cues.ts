import type { DocType } from './types'

/**
 * A phrase that points to one type. Weights are rough log-odds read off real documents: a phrase
 * that only ever appears on one kind of document (a GeM bid number, "certificate of analysis")
 * outweighs one that merely leans (batch numbers appear on specifications and tenders too).
 * Repeats add `extra` each, up to `cap` in all, so a 60-page tender cannot drown the rest with one
 * word while a phrase seen many times still counts for more than one seen once.
 */
export interface PhraseCue {
  type: DocType
  label: string
  pattern: RegExp
  weight: number
  extra?: number
  cap?: number
}

// Patterns run on lower-cased text with runs of spaces squeezed; OCR's "Et" for "&" is allowed for.
export const PHRASE_CUES: readonly PhraseCue[] = [
  // Certificates of Analysis
  { type: 'coa', label: '"certificate of analysis"', pattern: /certificates? of anal[yi]s[ie]s/g, weight: 6 },
  { type: 'coa', label: '"C of A" / "CoA"', pattern: /\bc\s?of\s?a\b|\bcoa\b/g, weight: 3 },
  {
    type: 'coa',
    label: '"analytical results" / "test results"',
    pattern: /\banalytical (?:results?|report|data)|\b(?:test|analysis) results?\b|\bbatch analysis\b/g,
    weight: 2.5,
  },
  {
    type: 'coa',
    label: 'a batch or lot number',
    pattern: /\b(?:batch|lot)\s*(?:no\b|number|#|n°|code)/g,
    weight: 2,
  },
  {
    type: 'coa',
    label: 'a manufacturing date',
    pattern:
      /\b(?:mfg\.?|manufacturing|manufactured|production) (?:\/ )?(?:date|on)\b|\bdate of (?:manufactur|production)/g,
    weight: 1,
  },
  {
    type: 'coa',
    label: 'an expiry or retest date',
    pattern: /\b(?:exp(?:iry|iration)?\.?|retest|re-test|best before) date\b|\bexpires? on\b/g,
    weight: 1.5,
  },
  {
    type: 'coa',
    label: '"analysed by" / "released by"',
    pattern: /\b(?:analy[sz]ed|tested|checked|released|certified) by\b/g,
    weight: 2,
  },
  {
    type: 'coa',
    label: 'results stated as "complies" / "conforms" / "pass"',
    pattern: /\b(?:complies|conforms|pass(?:ed)?|within limits)\b/g,
    weight: 0.5,
    extra: 0.5,
    cap: 2,
  },
  // Tenders
  { type: 'tender', label: 'a GeM bid number (GEM/…)', pattern: /\bgem\/\d{4}\/[a-z]\/\d+/g, weight: 6 },
  {
    type: 'tender',
    label: '"bid number" / "tender ID"',
    pattern: /\bbid (?:number|no\b)|\btender (?:id|reference|ref\b|no\b|number)|\brfq (?:no\b|number)/g,
    weight: 3,
  },
  {
    type: 'tender',
    label: '"tender"',
    pattern: /\b(?:e-?)?tender(?:s|ing|er|ers)?\b/g,
    weight: 1.5,
    extra: 0.5,
    cap: 4,
  },
  {
    type: 'tender',
    label: 'bid dates ("bid end date", "bid opening")',
    pattern:
      /\bbid (?:end|opening|submission|closing|due)\b|\b(?:last|closing) date (?:of|for) (?:submission|receipt)/g,
    weight: 3,
  },
  {
    type: 'tender',
    label: '"EMD" / "earnest money"',
    pattern: /\bemd\b|\bearnest money\b/g,
    weight: 2.5,
  },
  {
    type: 'tender',
    label: 'an e-procurement portal (GeM, CPPP, IREPS…)',
    pattern:
      /\be-?procurement\b|\beprocure\b|\bnprocure\b|\bireps\b|\bgem(?:arpts)?\b|government e-?marketplace/g,
    weight: 2.5,
  },
  {
    type: 'tender',
    label: '"bidder" / "bidding"',
    pattern: /\bbidders?\b|\bbidding\b/g,
    weight: 1.5,
    extra: 0.5,
    cap: 3,
  },
  {
    type: 'tender',
    label: '"notice inviting tender" / RFQ / BOQ',
    pattern:
      /\bnotice inviting\b|\bnit\b|\brequest for (?:quotation|proposal)\b|\brfq\b|\bboq\b|\bbill of quantit/g,
    weight: 2,
  },
  {
    type: 'tender',
    label: 'bid security / performance guarantee',
    pattern: /\bepbg\b|\bperformance (?:security|bank guarantee)\b|\bsecurity deposit\b|\bbid security\b/g,
    weight: 1.5,
  },
  // Specifications
  {
    type: 'specification',
    label: '"specification sheet" / "product data sheet"',
    pattern:
      /\b(?:product |technical )?specification sheet\b|\bproduct specifications?\b|\bspecifications? (?:&|and|et) tests?\b|\b(?:product|technical) data sheet\b|\bspecification of\b/g,
    weight: 4,
  },
  {
    type: 'specification',
    label: 'limits written "NMT" / "NLT"',
    pattern: /\bn[mlo]t\s?\d|\bnot (?:more|less) than\b/g,
    weight: 0.5,
    extra: 0.5,
    cap: 2,
  },
  {
    type: 'specification',
    label: 'pharmacopoeia references (Ph. Eur., USP, FCC)',
    pattern: /\bph\.? ?eur\b|\bpharmacop[oe]+ia\b|\bmonograph\b|\bfcc\b/g,
    weight: 0.5,
    extra: 0.5,
    cap: 1.5,
  },
  {
    type: 'specification',
    label: 'shelf life and storage terms',
    pattern: /\bshelf life\b|\bstorage(?: conditions?)?:|\bintended use\b/g,
    weight: 0.5,
    extra: 0.5,
    cap: 1,
  },
  // Safety data sheets: the sixteen numbered sections of GHS / REACH Annex II are what make one.
  {
    type: 'msds',
    label: '"safety data sheet" / "MSDS"',
    pattern: /\b(?:material )?safety data ?sheets?\b|\bm?sds\b/g,
    weight: 5,
  },
  {
    type: 'msds',
    label: 'SDS section titles ("hazards identification", "first-aid measures"…)',
    pattern:
      /\bhazards? identification\b|\bfirst[- ]aid measures\b|\bfire[- ]?fighting measures\b|\baccidental release measures\b|\bexposure controls?\b|\btoxicological information\b|\becological information\b|\bdisposal considerations\b|\btransport information\b|\bstability and reactivity\b/g,
    weight: 2,
    extra: 1.5,
    cap: 8,
  },
  {
    type: 'msds',
    label: 'GHS hazard and precautionary statements (H302, P280…)',
    pattern: /\bghs\b|\b[hp][2-5]\d\d\b|\bsignal word\b|\bpictograms?\b/g,
    weight: 1,
    extra: 0.5,
    cap: 3,
  },
  {
    type: 'msds',
    label: 'a CAS or UN number',
    pattern: /\bcas(?:-| )?(?:no\b|number|#|rn\b)|\bun ?(?:no\.? ?)?\d{4}\b/g,
    weight: 1,
    extra: 0.5,
    cap: 2,
  },
  // Invoices and receipts
  {
    type: 'invoice',
    label: '"tax invoice"',
    pattern: /\btax invoice\b|\bcommercial invoice\b|\bproforma invoice\b/g,
    weight: 5,
  },
  {
    type: 'invoice',
    label: '"invoice number" / "invoice date"',
    pattern:
      /\binvoice (?:no\b|number|#|date|to\b)|\binv\.? no\b|\bbill (?:no\b|number|date)|\breceipt (?:no\b|number|#)/g,
    weight: 3,
  },
  {
    type: 'invoice',
    label: '"bill to" / "ship to" / "sold to"',
    pattern: /\b(?:bill(?:ed)?|ship(?:ped)?|sold|invoice) to\b/g,
    weight: 2,
  },
  {
    type: 'invoice',
    label: 'totals ("subtotal", "grand total", "amount due", "amount in words")',
    pattern:
      /\bsub[- ]?total\b|\bgrand total\b|\btotal (?:due|payable)\b|\b(?:balance|amount) due\b|\bamount (?:in words|chargeable)\b|\btotal (?:incl|excl)/g,
    weight: 1.5,
    extra: 0.5,
    cap: 3,
  },
  {
    type: 'invoice',
    label: 'a till receipt ("cashier", "cash", "change")',
    pattern:
      /\bcashier\b|\bchange(?: due)?\s*:|\bcash (?:bill|sale|received|paid|tendered)\b|\bthank you\b|\breceipt\b|\brounding\b/g,
    weight: 1,
    extra: 0.5,
    cap: 3,
  },
  {
    type: 'invoice',
    label: 'a line-items header ("qty", "price", "amount")',
    pattern: /\b(?:qty|quantity)\b[^\n]{0,40}\b(?:price|rate)\b[^\n]{0,40}\bamount\b|\bdescription\s+qty\b/g,
    weight: 2,
  },
  {
    type: 'invoice',
    label: 'tax lines (GST, CGST/SGST, VAT)',
    pattern: /\b[cs]gst\b|\bigst\b|\bgst (?:id|no\b|reg|@|amount|summary)|\bvat (?:no\b|reg|@|amount)/g,
    weight: 1,
    extra: 0.5,
    cap: 2,
  },
]

/** Header words of a results table: a column of results is what makes a certificate. */
export const RESULT_WORDS = new Set(['result', 'results', 'observation', 'observations', 'analysis', 'found'])
export const HEADER_WORDS = new Set([
  'test',
  'tests',
  'parameter',
  'parameters',
  'characteristic',
  'characteristics',
  'specification',
  'specifications',
  'spec',
  'limit',
  'limits',
  'min',
  'max',
  'method',
  'methods',
  'unit',
  'units',
  'requirement',
  'requirements',
  'items',
  'description',
])
export const LIMIT_WORDS = new Set([
  'specification',
  'specifications',
  'limit',
  'limits',
  'requirement',
  'requirements',
  'acceptance',
])
export const HEADER_WINDOW = 10
export const COA_HEADER_WEIGHT = 4
export const SPEC_HEADER_WEIGHT = 3
