import { z } from 'zod'
import { checkRegexSafety } from './regex-guard'

export const MATCH_MODES = ['word', 'phrase', 'prefix', 'regex', 'fuzzy'] as const
export type MatchMode = (typeof MATCH_MODES)[number]

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (a string)` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(200, { error: `${what} is longer than 200 characters` })

const termSchema = z
  .object({
    term: text('a term'),
    synonyms: z.array(text('a synonym'), { error: 'expected a list of strings' }).max(100).default([]),
    weight: z.number({ error: 'expected a number' }).finite().min(-1000).max(1000).optional(),
    mode: z.enum(MATCH_MODES, { error: `expected one of ${MATCH_MODES.join(', ')}` }).optional(),
    veto: z.boolean({ error: 'expected true or false' }).default(false),
    category: text('a category').optional(),
  })
  .strict()
  .superRefine((term, ctx) => {
    if (term.mode !== 'regex') return
    for (const [i, pattern] of [term.term, ...term.synonyms].entries()) {
      const problem = checkRegexSafety(pattern)
      if (problem)
        ctx.addIssue({ code: 'custom', path: i === 0 ? ['term'] : ['synonyms', i - 1], message: problem })
    }
  })

const groupSchema = z
  .object({
    name: text('a group name').optional(),
    terms: z
      .array(text('a term'), { error: 'expected a list of terms' })
      .min(1, { error: 'needs at least one term' }),
  })
  .strict()

export const profileSchema = z
  .object({
    name: text('a profile name'),
    category: text('a category').optional(),
    threshold: z.number({ error: 'expected a number' }).finite().default(1),
    /** The mode for terms that do not name one; `fuzzy` suits scanned documents. */
    defaultMode: z
      .enum(['word', 'phrase', 'prefix', 'fuzzy'], { error: 'expected word, phrase, prefix or fuzzy' })
      .optional(),
    terms: z
      .array(termSchema, { error: 'expected a list of terms' })
      .min(1, { error: 'needs at least one term' })
      .max(20_000),
    exclude: z.array(termSchema, { error: 'expected a list of terms' }).max(20_000).default([]),
    /** Every group must be hit by at least one of its terms (names from `terms`). */
    required: z.array(groupSchema, { error: 'expected a list of groups' }).default([]),
  })
  .strict()
  .superRefine((profile, ctx) => {
    const known = new Set(profile.terms.map((t) => t.term.toLowerCase()))
    profile.required.forEach((group, g) =>
      group.terms.forEach((name, i) => {
        if (!known.has(name.toLowerCase()))
          ctx.addIssue({
            code: 'custom',
            path: ['required', g, 'terms', i],
            message: `"${name}" is not one of the profile's terms`,
          })
      }),
    )
  })

export type ProfileInput = z.input<typeof profileSchema>
export type Profile = z.output<typeof profileSchema>
export type ProfileTerm = Profile['terms'][number]

/** `terms[1].weight` from zod's path segments. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out === '' ? '(root)' : out
}

export type ProfileParse = { ok: true; profile: Profile } | { ok: false; errors: string[] }

/** Validates one profile; every error names its JSON path: `terms[1].weight: expected a number`. */
export function parseProfile(input: unknown): ProfileParse {
  const result = profileSchema.safeParse(input)
  if (result.success) return { ok: true, profile: result.data }
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${describeIssue(issue, input)}`),
  }
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return 'is required'
  return issue.message
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<PropertyKey, unknown>)[key]
  }
  return at
}

/** The mode a term runs in when the profile does not say. */
export function effectiveMode(term: ProfileTerm, profile: Profile): MatchMode {
  if (term.mode) return term.mode
  if (profile.defaultMode) return profile.defaultMode
  return 'phrase'
}
