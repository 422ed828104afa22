import type { ScreeningRow } from '../../../../shared/contract'
import type { DecisionSummary, TenderDecisionValue } from '../decisions/types'

export type SortKey = 'score' | 'deadline' | 'name' | 'profile' | 'decision'
export interface SortState {
  key: SortKey
  direction: 'asc' | 'desc'
}

export type DeadlineFilter = 'any' | 'soon' | 'open' | 'closed'
export type DecisionFilter = 'any' | 'undecided' | TenderDecisionValue

export interface Filters {
  minScore: number
  deadline: DeadlineFilter
  /** '' = any profile. */
  profile: string
  decision: DecisionFilter
  relevantOnly: boolean
}

export const DEFAULT_FILTERS: Filters = {
  minScore: 0,
  deadline: 'any',
  profile: '',
  decision: 'any',
  relevantOnly: false,
}

export type Deadline = { state: 'closed' } | { state: 'soon'; days: number } | { state: 'open' } | null

const DAY = 86_400_000
const SOON_DAYS = 3

/** Bid end date against now: closed once past, "soon" within three days. */
export function deadlineOf(row: ScreeningRow, now: number): Deadline {
  const iso = row.fields.bidEndDate?.normalised
  if (!iso) return null
  const end = Date.parse(iso.length === 10 ? `${iso}T23:59:59+05:30` : iso)
  if (Number.isNaN(end)) return null
  if (end < now) return { state: 'closed' }
  const days = (end - now) / DAY
  return days <= SOON_DAYS ? { state: 'soon', days: Math.ceil(days) } : { state: 'open' }
}

export type Relation = { kind: 'duplicate' | 'corrigendum'; of: string }

export interface ViewRow {
  row: ScreeningRow
  decision: DecisionSummary | undefined
  deadline: Deadline
  /** Set on members of a group: what they are to the group's first (earliest) document. */
  relation?: Relation
  /** The group's size, on its first row only (when above 1). */
  groupSize?: number
}

const bidNumberOf = (row: ScreeningRow) =>
  row.fields.bidNumber?.normalised ?? row.fields.referenceNumber?.normalised
/** The document's own date where it states one; else when it was imported. */
const issuedAt = (row: ScreeningRow) => row.fields.publishedDate?.normalised ?? row.importedAt

/** Documents with the same hash or the same bid number, earliest first (union-find over both keys). */
export function groupRows(rows: readonly ScreeningRow[]): ScreeningRow[][] {
  const parent = rows.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const firstByKey = new Map<string, number>()
  rows.forEach((row, i) => {
    for (const key of [`h:${row.sha256}`, bidNumberOf(row) ? `b:${bidNumberOf(row)}` : null]) {
      if (!key) continue
      const seen = firstByKey.get(key)
      if (seen === undefined) firstByKey.set(key, i)
      else parent[find(i)] = find(seen)
    }
  })
  const groups = new Map<number, ScreeningRow[]>()
  rows.forEach((row, i) => {
    const root = find(i)
    groups.set(root, [...(groups.get(root) ?? []), row])
  })
  return [...groups.values()].map((g) =>
    g.sort((a, b) => issuedAt(a).localeCompare(issuedAt(b)) || a.importedAt.localeCompare(b.importedAt)),
  )
}

function passes(v: ViewRow, f: Filters): boolean {
  if (v.row.score < f.minScore) return false
  if (f.relevantOnly && !v.row.relevant) return false
  if (f.profile !== '' && v.row.profile !== f.profile) return false
  if (f.decision === 'undecided' && v.decision) return false
  if (f.decision !== 'any' && f.decision !== 'undecided' && v.decision?.decision !== f.decision) return false
  if (f.deadline !== 'any' && v.deadline?.state !== f.deadline) return false
  return true
}

const DECISION_ORDER: Record<string, number> = { relevant: 0, 'needs-review': 1, 'not-relevant': 2 }

function compare(a: ViewRow, b: ViewRow, sort: SortState): number {
  const dir = sort.direction === 'asc' ? 1 : -1
  const missingLast = (x: string | undefined, y: string | undefined) =>
    x === undefined ? (y === undefined ? 0 : 1) : y === undefined ? -1 : dir * x.localeCompare(y)
  switch (sort.key) {
    case 'score':
      return dir * (a.row.score - b.row.score) || a.row.name.localeCompare(b.row.name)
    case 'deadline':
      return missingLast(a.row.fields.bidEndDate?.normalised, b.row.fields.bidEndDate?.normalised)
    case 'name':
      return dir * a.row.name.localeCompare(b.row.name)
    case 'profile':
      return missingLast(a.row.profile ?? undefined, b.row.profile ?? undefined)
    case 'decision': {
      const x = a.decision ? DECISION_ORDER[a.decision.decision] : 9
      const y = b.decision ? DECISION_ORDER[b.decision.decision] : 9
      return dir * ((x ?? 9) - (y ?? 9))
    }
  }
}

/**
 * The table's rows: grouped (duplicates and corrigenda follow the earliest document), filtered,
 * and sorted by each group's best-placed member so a group never splits across the list.
 */
export function buildView(
  rows: readonly ScreeningRow[],
  decisions: Readonly<Record<string, DecisionSummary>>,
  filters: Filters,
  sort: SortState,
  now: number,
): ViewRow[] {
  const groups = groupRows(rows).map((group) => {
    const first = group[0]!
    return group
      .map((row, i): ViewRow => {
        const v: ViewRow = { row, decision: decisions[row.documentId], deadline: deadlineOf(row, now) }
        if (i > 0)
          v.relation = { kind: row.sha256 === first.sha256 ? 'duplicate' : 'corrigendum', of: first.name }
        return v
      })
      .filter((v) => passes(v, filters))
  })
  const kept = groups.filter((g) => g.length > 0)
  const lead = (g: ViewRow[]) => [...g].sort((a, b) => compare(a, b, sort))[0]!
  const leads = new Map(kept.map((g) => [g, lead(g)]))
  kept.sort((a, b) => compare(leads.get(a)!, leads.get(b)!, sort))
  return kept.flatMap((g) => g.map((v, i) => (i === 0 && g.length > 1 ? { ...v, groupSize: g.length } : v)))
}

export function profilesIn(rows: readonly ScreeningRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.profiles.map((p) => p.profile)))].sort()
}
