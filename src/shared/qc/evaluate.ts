import type { ExtractedCell, ExtractedRow } from './coa'
import { boundLabel, describeLimit, type Limit } from './limits'
import { decimalsOf } from './numbers'
import { againstMax, againstMin, resultInterval } from './interval'
import { assign } from './match'
import { parseResult, type ParsedResult } from './result'
import type { CompiledSpec, SpecParameter } from './spec'
import { formatNumber, tokens } from './text'
import { cleanUnitText, conversion, unitInfo } from './units'

export type Verdict = 'pass' | 'warn' | 'fail' | 'review'

const QUALITATIVE_KINDS = new Set<ParsedResult['kind']>(['pass', 'fail', 'absent', 'present', 'not-detected'])

export interface ParameterVerdict {
  /** As the COA names it (its name cell, else its method cell); the spec name when missing. */
  name: string
  specName: string
  method?: string
  /** The result as printed. */
  result?: string
  unit?: string
  /** The specification's limit, in words ("max 3.00 ppm"). */
  limit: string
  /** What the COA itself prints as the limit, for comparison on the review screen. */
  coaLimit?: string
  verdict: Verdict
  /** One sentence a technician understands: "Lead 1.86 ppm exceeds max 1.50 ppm". */
  reason: string
  /** Lowest OCR confidence of the result and unit cells, 0–100. */
  confidence?: number
  /** Index into the rows evaluated; absent when the COA does not report the parameter. */
  row?: number
  /** The cells the verdict rests on, for highlighting. */
  cells?: ExtractedRow['cells']
  parsed?: ParsedResult
}

export interface Evaluation {
  verdict: Verdict
  parameters: ParameterVerdict[]
  /** COA rows no specification parameter matched (shown to the reviewer, never judged). */
  unmatchedRows: number[]
}

export interface EvaluateOptions {
  /** Overrides the specification's threshold. */
  confidenceThreshold?: number
}

/** fail if any fail, else review if any review, else pass (a warn is a pass with a flag). */
export function overallVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('fail')) return 'fail'
  if (verdicts.includes('review')) return 'review'
  return 'pass'
}

function rowTexts(row: ExtractedRow): string[] {
  return [row.cells.name?.text, row.cells.method?.text].filter((t): t is string => !!t)
}

function rowLimitText(row: ExtractedRow): string | undefined {
  const { spec, min, max } = row.cells
  if (spec) return spec.text
  const parts = [min && `min ${min.text}`, max && `max ${max.text}`].filter(Boolean)
  return parts.length ? parts.join(', ') : undefined
}

function minConfidence(cells: (ExtractedCell | undefined)[]): number | undefined {
  const values = cells.filter((c): c is ExtractedCell => !!c).map((c) => c.confidence)
  return values.length ? Math.min(...values) : undefined
}

interface Judgement {
  verdict: Verdict
  reason: string
}

function judgeRange(
  p: SpecParameter,
  limit: Extract<Limit, { kind: 'range' }>,
  result: ParsedResult,
  coaUnit: string | undefined,
  rounding: CompiledSpec['rounding'],
): Judgement {
  const name = p.name
  const limitWords = describeLimit(limit)
  if (result.kind === 'not-detected') {
    if (limit.min && limit.min.value > 0) {
      return { verdict: 'fail', reason: `${name} not detected (${result.text}); the limit is ${limitWords}` }
    }
    return { verdict: 'pass', reason: `${name} not detected (${result.text}); meets ${limitWords}` }
  }
  if (result.kind !== 'number' && result.kind !== 'below' && result.kind !== 'above') {
    return {
      verdict: 'review',
      reason: `${name} result "${result.text}" is not a number; the limit is ${limitWords}`,
    }
  }
  // Contents are not negative: "-10.49" is a ruling line or a dash read into "0.49".
  if (result.kind === 'number' && result.value < 0 && !(limit.min && limit.min.value < 0)) {
    return { verdict: 'review', reason: `${name} result "${result.text}" is negative; check it on the page` }
  }
  const unitGiven = result.unit ?? coaUnit
  const conv = conversion(unitGiven, limit.unit)
  if (!conv.ok) return { verdict: 'review', reason: `${name}: ${conv.reason}` }
  // A mass fraction over 100 % that the limit does not allow for (an assay range up to 100.5 % does) is
  // a misread, a decimal point OCR lost ("9215" for "92.15"): never a pass of a minimum.
  const percentUnit = unitInfo(unitGiven ?? limit.unit)
  if (
    result.kind === 'number' &&
    percentUnit?.symbol === '%' &&
    result.value > 100 &&
    !(limit.max && limit.max.value >= result.value)
  ) {
    return {
      verdict: 'review',
      reason: `${name} result "${result.text}" is over 100 %; check it on the page`,
    }
  }
  const shownUnit = unitGiven ? cleanUnitText(unitGiven) : limit.unit
  // pH is its own unit: "pH 7.2", not "pH 7.2 pH".
  const shown = shownUnit && /^ph$/i.test(shownUnit) ? undefined : shownUnit
  const unit = shown ? ` ${shown}` : ''
  const converted = conv.factor !== 1 && conv.from && conv.to
  const printed = `${name} ${result.text.replace(/\s*[a-zµ%/ ]+$/i, '')}${unit}${converted ? ` (= ${formatNumber(resultValue(result) * conv.factor)} ${conv.to})` : ''}`

  const decimals = (b: { text?: string } | undefined) => (b?.text ? decimalsOf(b.text) : undefined)
  const roundTo = (d: number | undefined) =>
    rounding === 'limit-decimals' && d !== undefined ? (v: number) => Number(v.toFixed(d)) : undefined
  const atMax = limit.max && resultInterval(result, conv.factor, roundTo(decimals(limit.max)))
  const atMin = limit.min && resultInterval(result, conv.factor, roundTo(decimals(limit.min)))
  const limitUnit = limit.unit ? ` ${limit.unit}` : ''

  if (limit.max && atMax) {
    const side = againstMax(atMax, limit.max)
    const words = `${limit.max.inclusive ? 'max' : 'the limit below'} ${boundLabel(limit.max)}${limitUnit}`
    if (side === 'outside') return { verdict: 'fail', reason: `${printed} exceeds ${words}` }
    if (side === 'unknown') {
      return { verdict: 'review', reason: `${printed} cannot show it meets ${words}` }
    }
  }
  if (limit.min && atMin) {
    const side = againstMin(atMin, limit.min)
    const words = `${limit.min.inclusive ? 'min' : 'the limit above'} ${boundLabel(limit.min)}${limitUnit}`
    if (side === 'outside') return { verdict: 'fail', reason: `${printed} is below ${words}` }
    if (side === 'unknown') {
      return {
        verdict: 'review',
        reason: `${printed} cannot prove ${words} (a "${result.kind === 'below' ? '<' : '>'}" result is one-sided)`,
      }
    }
  }
  const point = result.kind === 'number' ? resultValue(result) * conv.factor : undefined
  if (point !== undefined && limit.warnMax !== undefined && point > limit.warnMax) {
    return {
      verdict: 'warn',
      reason: `${printed} is within ${limitWords} but above the warning level ${formatNumber(limit.warnMax)}${limitUnit}`,
    }
  }
  if (point !== undefined && limit.warnMin !== undefined && point < limit.warnMin) {
    return {
      verdict: 'warn',
      reason: `${printed} is within ${limitWords} but below the warning level ${formatNumber(limit.warnMin)}${limitUnit}`,
    }
  }
  const verb = limit.min && limit.max ? 'is within' : 'meets'
  return { verdict: 'pass', reason: `${printed} ${verb} ${limitWords}` }
}

function resultValue(result: ParsedResult): number {
  return 'value' in result ? result.value : NaN
}

function judgeQualitative(
  p: SpecParameter,
  limit: Exclude<Limit, { kind: 'range' }>,
  result: ParsedResult,
): Judgement {
  const name = p.name
  const want = describeLimit(limit)
  const r = result.text
  switch (result.kind) {
    case 'fail':
    case 'present':
      return { verdict: 'fail', reason: `${name} is "${r}"; the specification requires ${want}` }
    case 'pass':
      return { verdict: 'pass', reason: `${name} "${r}" meets ${want}` }
    case 'absent':
    case 'not-detected':
      return limit.kind === 'description'
        ? { verdict: 'review', reason: `${name} "${r}" does not say whether it matches "${want}"` }
        : { verdict: 'pass', reason: `${name} "${r}" meets ${want}` }
    case 'number':
      if (limit.kind === 'absent' && result.value === 0) {
        return { verdict: 'pass', reason: `${name} 0 meets ${want}` }
      }
      return {
        verdict: 'review',
        reason: `${name} result "${r}" is a number; the specification requires ${want}`,
      }
    case 'text':
      if (limit.kind === 'description') {
        const allowed = new Set(tokens(limit.text))
        const said = tokens(r)
        if (said.length > 0 && said.every((t) => allowed.has(t))) {
          return { verdict: 'pass', reason: `${name} "${r}" matches "${want}"` }
        }
        return { verdict: 'review', reason: `${name} "${r}" must be compared with "${want}" by a person` }
      }
      return { verdict: 'review', reason: `${name} result "${r}" cannot be read against ${want}` }
    default:
      return { verdict: 'review', reason: `${name} result "${r}" cannot be read against ${want}` }
  }
}

/** Judges one parameter against one COA row. */
export function judgeParameter(
  p: SpecParameter,
  row: ExtractedRow,
  threshold: number,
  rounding: CompiledSpec['rounding'] = 'none',
): Judgement & { confidence?: number; parsed?: ParsedResult } {
  const resultCell = row.cells.result
  if (!resultCell || resultCell.text.trim() === '') {
    return { verdict: 'review', reason: `${p.name} has no result on the COA` }
  }
  const parsed = parseResult(resultCell.text)
  // A unit cell counts when it says something the verdict uses: not "-", not beside a "Complies".
  const unitCell =
    row.cells.unit && cleanUnitText(row.cells.unit.text) && !QUALITATIVE_KINDS.has(parsed.kind)
      ? row.cells.unit
      : undefined
  const confidence = minConfidence([resultCell, unitCell])
  const judged =
    p.limit.kind === 'range'
      ? judgeRange(p, p.limit, parsed, row.cells.unit?.text, rounding)
      : judgeQualitative(p, p.limit, parsed)
  if (parsed.kind === 'empty')
    return { verdict: 'review', reason: `${p.name} has no result on the COA`, parsed }
  if (confidence !== undefined && confidence < threshold && judged.verdict !== 'review') {
    return {
      verdict: 'review',
      reason: `${p.name} "${resultCell.text}" was read with OCR confidence ${Math.round(confidence)} (under ${threshold}); check it on the page (as read: ${judged.reason})`,
      confidence,
      parsed,
    }
  }
  return { ...judged, ...(confidence !== undefined ? { confidence } : {}), parsed }
}

/** Every specification parameter against the COA's rows, and the overall verdict. */
export function evaluate(
  spec: CompiledSpec,
  rows: readonly ExtractedRow[],
  options: EvaluateOptions = {},
): Evaluation {
  const threshold = options.confidenceThreshold ?? spec.confidenceThreshold
  const matches = assign(
    spec.parameters.map((p) => [p.name, ...p.aliases]),
    rows.map(rowTexts),
  )
  const parameters = spec.parameters.map((p, i): ParameterVerdict => {
    const base = { specName: p.name, limit: p.limitText, ...(p.method ? { method: p.method } : {}) }
    const match = matches.get(i)
    if (!match) {
      return {
        ...base,
        name: p.name,
        verdict: p.required ? 'review' : 'pass',
        reason: p.required ? `${p.name} is missing from the COA` : `${p.name} is not reported (not required)`,
      }
    }
    const row = rows[match.row]!
    const judged = judgeParameter(p, row, threshold, spec.rounding)
    const coaLimit = rowLimitText(row)
    const unit = row.cells.unit
      ? cleanUnitText(row.cells.unit.text)
      : judged.parsed && 'unit' in judged.parsed
        ? judged.parsed.unit
        : undefined
    return {
      ...base,
      name: row.cells.name?.text ?? row.cells.method?.text ?? p.name,
      ...(row.cells.method ? { method: row.cells.method.text } : {}),
      ...(row.cells.result ? { result: row.cells.result.text } : {}),
      ...(unit ? { unit } : {}),
      ...(coaLimit ? { coaLimit } : {}),
      verdict: judged.verdict,
      reason: judged.reason,
      ...(judged.confidence !== undefined ? { confidence: judged.confidence } : {}),
      row: match.row,
      cells: row.cells,
      ...(judged.parsed ? { parsed: judged.parsed } : {}),
    }
  })
  const matched = new Set([...matches.values()].map((m) => m.row))
  return {
    verdict: overallVerdict(parameters.map((p) => p.verdict)),
    parameters,
    unmatchedRows: rows.map((_, i) => i).filter((i) => !matched.has(i)),
  }
}
