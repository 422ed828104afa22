import { DECISION_LABELS, DECISIONS } from '../decisions/types'
import { setFilters, useScreeningStore } from './store'
import type { DeadlineFilter, DecisionFilter } from './view'

export function ScreeningFilters({ profiles }: { profiles: string[] }) {
  const f = useScreeningStore((s) => s.filters)
  return (
    <form aria-label="Filter results" className="screen-filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Minimum score
        <input
          type="number"
          min={0}
          step={1}
          value={f.minScore}
          onChange={(e) => setFilters({ minScore: Number(e.target.value) || 0 })}
        />
      </label>
      <label>
        Deadline
        <select
          value={f.deadline}
          onChange={(e) => setFilters({ deadline: e.target.value as DeadlineFilter })}
        >
          <option value="any">Any</option>
          <option value="soon">Within 3 days</option>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
        </select>
      </label>
      <label>
        Profile
        <select value={f.profile} onChange={(e) => setFilters({ profile: e.target.value })}>
          <option value="">Any</option>
          {profiles.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Decision
        <select
          value={f.decision}
          onChange={(e) => setFilters({ decision: e.target.value as DecisionFilter })}
        >
          <option value="any">Any</option>
          <option value="undecided">Undecided</option>
          {DECISIONS.map((d) => (
            <option key={d} value={d}>
              {DECISION_LABELS[d]}
            </option>
          ))}
        </select>
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={f.relevantOnly}
          onChange={(e) => setFilters({ relevantOnly: e.target.checked })}
        />
        Relevant only
      </label>
    </form>
  )
}
