import { parseNumber } from './numbers'
import { cleanUnitText, UNIT_SUFFIX } from './units'

/** A COA result cell, read. */
export type ParsedResult =
  | { kind: 'number'; value: number; unit?: string; text: string }
  /** "<0.05", "≤ 0.05", "< LOQ (0.05)": the true value is below `value`. */
  | { kind: 'below'; value: number; inclusive: boolean; unit?: string; text: string }
  /** ">10": the true value is above `value`. */
  | { kind: 'above'; value: number; inclusive: boolean; unit?: string; text: string }
  /** "ND", "BLQ", "Not detected", "<LOQ" without a number. */
  | { kind: 'not-detected'; text: string }
  | { kind: 'pass'; text: string }
  | { kind: 'fail'; text: string }
  | { kind: 'absent'; text: string }
  | { kind: 'present'; text: string }
  /** Words that are none of the above ("White powder"). */
  | { kind: 'text'; text: string }
  | { kind: 'empty'; text: string }

const PASS =
  /^(pass(es|ed)?|complies|complied|comply|conforms?|conformed|meets?( (the )?(spec(ification)?|requirements?|usp|ep|bp))?|satisfactory|ok|acceptable|positive identification|identified|corresponds?|within (spec(ification)?|limits?))\.?$/
const FAIL =
  /^(fail(s|ed)?|does not comply|not compl(y|ies)|non[- ]?conforming|does not conform|not conform(s|ing)?|out of spec(ification)?|oos|unsatisfactory|rejected?)\.?$/
const ABSENT =
  /^(absent|absence|negative|neg\.?|not found|none (found|detected)|nil|free)(\s*(in|per|\/)\s*.+)?\.?$/
const PRESENT = /^(present|presence|positive|pos\.?|found)(\s*(in|per|\/)\s*.+)?\.?$/
const NOT_DETECTED =
  /^(n\.?\s?d\.?|not detected|non detected|undetected|blq|bql|bdl|below (the )?(loq|lod|detection limit|quantitation limit|limit of (quantitation|detection))|<\s*(loq|lod|dl|ql|mdl|lq))\.?$/

/** A method or standard cited after a value ("IS 15573 Annex B", "ASTM D 1193", "as per USP <61>"). */
const METHOD_REF =
  /\s*[,;(]?\s*(?:(?:as per|per|by|ref\.?|to|with)\s+)?\b(?:IS|BIS|ASTM|USP|BP|EP|IP|JP|ISO|AOAC|APHA|Ph\.?\s?Eur|FCC|IUPAC|DIN|BS|EN)\b\s*[:\-.]?\s*(?:<\d+>|[A-Z]?\s?\d)[\s\S]*$/

/**
 * A result cell as printed, without OCR debris: a leading ":" or "-" (the separator of "Test :
 * value"), trailing stray punctuation ("21 %-", "0.10 ."), and a trailing method reference ("0.19 IS
 * 15573 Annex"), which is returned apart. A lone minus glued to a number ("-0.5") is kept.
 */
export function cleanResultText(raw: string): { text: string; method?: string } {
  let text = raw.replace(/\s+/g, ' ').trim()
  let method: string | undefined
  const ref = METHOD_REF.exec(text)
  if (ref && ref.index > 0) {
    method = ref[0].replace(/^[\s,;(]+/, '').replace(/[\s)]+$/, '')
    text = text.slice(0, ref.index)
  }
  text = text
    // A ruling line read with the value: "[0.06", "|<2.50", "{1.27".
    .replace(/^[|[\]{}!]+\s*(?=[<>≤≥\d.])/, '')
    // "<" read as "€" or "«"; a space OCR put after a decimal point ("1. 35").
    .replace(/^[€«‹£]\s*(?=\d)/, '< ')
    .replace(/(?<=\d)\.\s+(?=\d)/g, '.')
    .replace(/(?<=\d)\s*[°*©®"“”'‘’]+$/, '')
    .replace(/^(?:[:;=|]+|[-–—]+(?=\s|$)|[-–—]+(?=[:;]))\s*/, '')
    .replace(/^[:;=|]+\s*/, '')
    .replace(/(?<=\S)\s*[-–—:;,|_~'"`’‘“”.]+$/, (m, offset: number, all: string) =>
      // "0.5." → "0.5", but not the dot of an abbreviation the parser knows ("Neg.", "Pos.").
      /^[.]$/.test(m.trim()) && /[a-z]\.$/i.test(all.slice(0, offset) + m.trim()) ? m : '',
    )
    .trim()
  return method ? { text, method } : { text }
}

function withUnit<T extends object>(result: T, unit: string | undefined): T & { unit?: string } {
  return unit ? { ...result, unit } : result
}

/**
 * Reads a result cell. `<` and `>` results stay one-sided (LIMS practice: "<0.05" meets a maximum
 * of 1.50 but cannot prove a minimum); a unit printed with the number is kept.
 */
export function parseResult(raw: string): ParsedResult {
  const text = cleanResultText(raw).text
  if (text === '' || /^[-–—]+$|^n\/?a$/i.test(text)) return { kind: 'empty', text }
  const lower = text.normalize('NFKC').toLowerCase()
  if (NOT_DETECTED.test(lower)) return { kind: 'not-detected', text }
  if (PASS.test(lower)) return { kind: 'pass', text }
  if (FAIL.test(lower)) return { kind: 'fail', text }
  if (ABSENT.test(lower)) return { kind: 'absent', text }
  if (PRESENT.test(lower)) return { kind: 'present', text }

  const unitMatch = UNIT_SUFFIX.exec(text)
  const unit = unitMatch ? cleanUnitText(unitMatch[1]!) : undefined
  const body = (unitMatch ? text.slice(0, unitMatch.index) : text).trim()

  const bounded =
    /^(<=|≤|⩽|=<|<|less than|lt|nmt|not more than|>=|≥|⩾|=>|>|more than|greater than|gt|nlt|not less than)\s*(?:loq|lod|dl)?\s*[(:]?\s*([^)]*?)\s*\)?$/i.exec(
      body,
    )
  if (bounded) {
    const value = parseNumber(bounded[2]!)
    if (value !== undefined) {
      const op = bounded[1]!.toLowerCase()
      const below = ['<=', '≤', '⩽', '=<', '<', 'less than', 'lt', 'nmt', 'not more than'].includes(op)
      const inclusive = [
        '<=',
        '≤',
        '⩽',
        '=<',
        '>=',
        '≥',
        '⩾',
        '=>',
        'nmt',
        'not more than',
        'nlt',
        'not less than',
      ].includes(op)
      return withUnit({ kind: below ? 'below' : 'above', value, inclusive, text }, unit)
    }
  }
  const value = parseNumber(body)
  if (value !== undefined) return withUnit({ kind: 'number', value, text }, unit)
  return { kind: 'text', text }
}

/** The value a technician sees for a result, with its unit when it carries one. */
export function describeResult(result: ParsedResult): string {
  return result.text
}
