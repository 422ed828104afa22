import { z } from 'zod'
import { describeLimit, parseLimitText, type Bound, type Limit } from './limits'
import { formatNumber } from './text'

const boundInput = z.union([
  z.number(),
  z.object({ value: z.number(), inclusive: z.boolean().default(true) }).strict(),
])

export const specParameterSchema = z
  .object({
    name: z.string().trim().min(1, 'a parameter needs a name'),
    aliases: z.array(z.string().trim().min(1)).default([]),
    method: z.string().optional(),
    unit: z.string().optional(),
    /** Structured limits; a bare number is inclusive ("NLT"). */
    min: boundInput.optional(),
    max: boundInput.optional(),
    /** The limit as a specification sheet prints it: "NMT 0.5%", "98.0 - 102.0", "Absent in 10 g". */
    limit: z.string().trim().min(1).optional(),
    /** Inside the limits but outside this band gives `warn` (an alert level before the action level). */
    warning: z.object({ min: z.number().optional(), max: z.number().optional() }).strict().optional(),
    /** false: a COA that does not report the parameter is not sent to review for it. */
    required: z.boolean().default(true),
  })
  .strict()
  .superRefine((p, ctx) => {
    const structured = p.min !== undefined || p.max !== undefined
    if (structured && p.limit !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['limit'],
        message: 'give either "limit" or "min"/"max", not both',
      })
    }
    if (!structured && p.limit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['limit'], message: 'a parameter needs "min", "max" or "limit"' })
    }
    const lo = typeof p.min === 'number' ? p.min : p.min?.value
    const hi = typeof p.max === 'number' ? p.max : p.max?.value
    if (lo !== undefined && hi !== undefined && lo > hi) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min ${lo} is above max ${hi}` })
    }
  })
export type SpecParameterInput = z.input<typeof specParameterSchema>

export const specificationSchema = z
  .object({
    product: z.string().trim().min(1, 'the product name is required'),
    /** Other names the product goes by on COAs (trade names, the supplier's name for it). */
    productAliases: z.array(z.string().trim().min(1)).default([]),
    productCode: z.string().optional(),
    supplier: z.string().optional(),
    /** Raised on every edit; each check records the version it used. */
    version: z.number().int().positive(),
    effectiveDate: z.string().optional(),
    /** OCR word confidence (0–100) below which a result goes to review. */
    confidenceThreshold: z.number().min(0).max(100).default(60),
    /** "limit-decimals": round a result to the limit's printed decimals before comparing (USP <General Notices> 7.20). */
    rounding: z.enum(['none', 'limit-decimals']).default('none'),
    parameters: z.array(specParameterSchema).min(1, 'a specification needs at least one parameter'),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const seen = new Map<string, number>()
    spec.parameters.forEach((p, i) => {
      const key = p.name.toLowerCase()
      const first = seen.get(key)
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', i, 'name'],
          message: `"${p.name}" is already parameters[${first}]`,
        })
      } else seen.set(key, i)
    })
  })
export type SpecificationInput = z.input<typeof specificationSchema>
export type Specification = z.output<typeof specificationSchema>

/** A parameter with its limit in one structured form, whichever way the file gave it. */
export interface SpecParameter {
  name: string
  aliases: string[]
  method?: string
  unit?: string
  limit: Limit
  /** "max 1.50 ppm", "Absent in 10 g". */
  limitText: string
  required: boolean
}

export interface CompiledSpec {
  product: string
  productAliases: string[]
  productCode?: string
  supplier?: string
  version: number
  confidenceThreshold: number
  rounding: 'none' | 'limit-decimals'
  parameters: SpecParameter[]
}

function toBound(input: z.output<typeof boundInput> | undefined): Bound | undefined {
  if (input === undefined) return undefined
  return typeof input === 'number'
    ? { value: input, inclusive: true, text: formatNumber(input) }
    : { ...input, text: formatNumber(input.value) }
}

function compileParameter(p: Specification['parameters'][number]): SpecParameter {
  let limit: Limit
  if (p.limit !== undefined) {
    // parseLimitText only returns undefined for blank text, which the schema already refuses.
    limit = parseLimitText(p.limit) ?? { kind: 'description', text: p.limit }
  } else {
    const min = toBound(p.min)
    const max = toBound(p.max)
    limit = { kind: 'range', ...(min ? { min } : {}), ...(max ? { max } : {}), text: '' }
  }
  if (limit.kind === 'range') {
    // A unit given on the parameter wins over one written inside the limit text.
    const unit = p.unit ?? limit.unit
    limit = {
      ...limit,
      ...(unit ? { unit } : {}),
      ...(p.warning?.min !== undefined ? { warnMin: p.warning.min } : {}),
      ...(p.warning?.max !== undefined ? { warnMax: p.warning.max } : {}),
    }
    if (limit.text === '') limit = { ...limit, text: describeLimit(limit) }
  }
  const unit = p.unit ?? (limit.kind === 'range' ? limit.unit : undefined)
  return {
    name: p.name,
    aliases: p.aliases,
    ...(p.method ? { method: p.method } : {}),
    ...(unit ? { unit } : {}),
    limit,
    limitText: describeLimit(limit),
    required: p.required,
  }
}

export function compileSpec(spec: Specification): CompiledSpec {
  return {
    product: spec.product,
    productAliases: spec.productAliases,
    ...(spec.productCode ? { productCode: spec.productCode } : {}),
    ...(spec.supplier ? { supplier: spec.supplier } : {}),
    version: spec.version,
    confidenceThreshold: spec.confidenceThreshold,
    rounding: spec.rounding,
    parameters: spec.parameters.map(compileParameter),
  }
}

/** "parameters[2].limit" from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path)
    out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`
  return out === '' ? '(root)' : out
}

export type SpecParseResult =
  | { ok: true; spec: Specification; compiled: CompiledSpec }
  | { ok: false; errors: { path: string; message: string }[] }

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<PropertyKey, unknown>)[key]
  }
  return at
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  if (typeof value === 'object') return 'a mapping'
  return String(value)
}

/** A plain reason for one zod issue; messages the schema wrote itself are kept as they are. */
export function describeSpecIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path)
  const own = !/^(Invalid|Too small|Too big|Unrecognized)/.test(issue.message)
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
    case 'invalid_type':
      if (value === undefined) return 'is required'
      if (issue.expected === 'int' && typeof value === 'number') return `must be a whole number, not ${value}`
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${describeValue(value)}`
    case 'invalid_union': {
      const last = issue.path[issue.path.length - 1]
      if (last === 'min' || last === 'max')
        return `must be a number, or { value: <number>, inclusive: true/false }, not ${describeValue(value)}`
      return `${describeValue(value)} is not an accepted value`
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`
    case 'too_small':
      if (own) return issue.message
      if (issue.origin === 'string') return 'must not be empty'
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, not ${describeValue(value)}`
    case 'too_big':
      if (own) return issue.message
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`
      if (issue.origin === 'array') return `may have at most ${String(issue.maximum)} item(s)`
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, not ${describeValue(value)}`
    default:
      return issue.message
  }
}

/** Validates an already-parsed JSON/YAML value; every error names where it is and says why in plain words. */
export function parseSpecification(value: unknown): SpecParseResult {
  const result = specificationSchema.safeParse(value)
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => ({
        path: issuePath(issue.path),
        message: describeSpecIssue(issue, value),
      })),
    }
  }
  return { ok: true, spec: result.data, compiled: compileSpec(result.data) }
}
