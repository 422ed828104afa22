import { compileProfiles, type CompiledProfiles } from './compile'
import { Matcher, prepareText, type MatchPage, type PreparedText } from './matcher'
import type { Profile } from './profile'
import { scoreProfiles } from './score'
import type { ProfileResult } from './types'

/** Compile once, screen many documents: the automata are built here, not per document. */
export class Screener {
  readonly compiled: CompiledProfiles
  readonly matcher: Matcher

  constructor(profiles: readonly Profile[]) {
    this.compiled = compileProfiles(profiles)
    this.matcher = new Matcher(this.compiled)
  }

  prepare(pages: readonly MatchPage[]): PreparedText {
    return prepareText(pages, this.matcher.needsOcrView)
  }

  /** One result per profile, in profile order. */
  screen(input: readonly MatchPage[] | PreparedText): ProfileResult[] {
    const prepared = 'plain' in input ? input : this.prepare(input)
    return scoreProfiles(this.compiled, this.matcher.match(prepared))
  }
}

/** The best profile first: relevant before not, then by score. */
export function rankProfiles(results: readonly ProfileResult[]): ProfileResult[] {
  return [...results].sort((a, b) => Number(b.relevant) - Number(a.relevant) || b.score - a.score)
}
