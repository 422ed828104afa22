import type { MatchMode, Profile, ProfileTerm } from './profile'
import { effectiveMode } from './profile'

/** A profile term flattened for the matcher; `id` indexes CompiledProfiles.terms. */
export interface CompiledTerm {
  id: number
  profile: number
  term: string
  variants: string[]
  mode: MatchMode
  /** Signed: exclusions are negative. */
  weight: number
  veto: boolean
  exclusion: boolean
  category?: string
}

export interface CompiledProfiles {
  profiles: Profile[]
  terms: CompiledTerm[]
}

export const DEFAULT_EXCLUSION_WEIGHT = 5

/**
 * An exclusion without a weight is a veto (one hit rules the document out); with a weight it
 * subtracts |weight|. A positive term with a negative weight counts against the document too.
 */
export function compileProfiles(profiles: readonly Profile[]): CompiledProfiles {
  const terms: CompiledTerm[] = []
  profiles.forEach((profile, p) => {
    const push = (t: ProfileTerm, exclusion: boolean) => {
      const veto = t.veto || (exclusion && t.weight === undefined)
      const magnitude = t.weight ?? (exclusion ? DEFAULT_EXCLUSION_WEIGHT : 1)
      terms.push({
        id: terms.length,
        profile: p,
        term: t.term,
        variants: [...new Set([t.term, ...t.synonyms])],
        mode: effectiveMode(t, profile),
        weight: exclusion ? -Math.abs(magnitude) : magnitude,
        veto,
        exclusion: exclusion || magnitude < 0,
        ...(t.category ? { category: t.category } : {}),
      })
    }
    for (const t of profile.terms) push(t, false)
    for (const t of profile.exclude) push(t, true)
  })
  return { profiles: [...profiles], terms }
}
