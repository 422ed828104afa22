import type { CompiledProfiles, CompiledTerm } from './compile'
import type { Hit, ProfileResult, TermScore } from './types'

const round = (n: number) => Math.round(n * 100) / 100

/** weight × (1 + log2(count)): the first hit earns the weight, each doubling one weight more. */
export function termPoints(weight: number, count: number): number {
  return count === 0 ? 0 : round(weight * (1 + Math.log2(count)))
}

/** Per profile: points per term, vetoes, required groups and the threshold, with the reasons. */
export function scoreProfiles(
  compiled: CompiledProfiles,
  hits: readonly { term: CompiledTerm; hit: Hit }[],
): ProfileResult[] {
  const byTerm = new Map<number, Hit[]>()
  for (const { term, hit } of hits) {
    const list = byTerm.get(term.id)
    if (list) list.push(hit)
    else byTerm.set(term.id, [hit])
  }
  return compiled.profiles.map((profile, p) => {
    const terms: TermScore[] = []
    for (const term of compiled.terms) {
      if (term.profile !== p) continue
      const list = byTerm.get(term.id)
      if (!list) continue
      list.sort((a, b) => a.page - b.page || a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])
      terms.push({
        term: term.term,
        ...(term.category ? { category: term.category } : {}),
        mode: term.mode,
        weight: term.weight,
        veto: term.veto,
        exclusion: term.exclusion,
        count: list.length,
        pages: [...new Set(list.map((h) => h.page))],
        points: term.veto ? 0 : termPoints(term.weight, list.length),
        hits: list,
      })
    }
    terms.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || b.count - a.count)
    const vetoedBy = terms.filter((t) => t.veto).map((t) => t.term)
    const hitTerms = new Set(terms.filter((t) => !t.exclusion).map((t) => t.term.toLowerCase()))
    const missingGroups = profile.required
      .filter((g) => !g.terms.some((name) => hitTerms.has(name.toLowerCase())))
      .map((g, i) => g.name ?? g.terms.join(' | ') ?? `group ${i + 1}`)
    const raw = round(terms.reduce((sum, t) => sum + t.points, 0))
    const score = vetoedBy.length > 0 ? 0 : raw
    const reasons: string[] = []
    if (vetoedBy.length > 0) reasons.push(`vetoed by ${vetoedBy.map((t) => `"${t}"`).join(', ')}`)
    for (const g of missingGroups) reasons.push(`missing required group ${g}`)
    if (score < profile.threshold) reasons.push(`score ${score} is below the threshold ${profile.threshold}`)
    return {
      profile: profile.name,
      ...(profile.category ? { category: profile.category } : {}),
      threshold: profile.threshold,
      score,
      relevant: reasons.length === 0,
      reasons,
      vetoedBy,
      missingGroups,
      terms,
    }
  })
}
