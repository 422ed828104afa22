import { useEffect } from 'react'
import type { SamplingRow } from '../../../db'
import { useQcStore } from '../qc-store'

const PLAN_TEXT = {
  iso2859: 'ISO 2859-1 / ANSI Z1.4, normal inspection',
  sqrt: '√N + 1 containers',
  'who-n': 'WHO n-plan',
  'who-p': 'WHO p-plan',
  'who-r': 'WHO r-plan',
} as const

/**
 * The printable pick list. While it is on screen, scanning a unit label (AI 21 = unit number)
 * ticks that unit; print CSS leaves only this list on paper.
 */
export function PickList({ sampling }: { sampling: SamplingRow }) {
  const r = sampling.result
  useEffect(() => {
    useQcStore.setState({ pickListId: sampling.id })
    return () => {
      if (useQcStore.getState().pickListId === sampling.id) useQcStore.setState({ pickListId: null })
    }
  }, [sampling.id])
  const picked = new Set(sampling.picked)

  return (
    <div className="pick-list" aria-label="Pick list" role="region">
      <h4>Pick list — batch {sampling.batch}</h4>
      <p>
        {PLAN_TEXT[r.plan]}
        {r.codeLetter ? `, level ${r.level ?? ''}, code letter ${r.codeLetter}` : ''}
        {r.formula ? ` (${r.formula})` : ''}: {r.sampleSize} of {r.lotSize}. Seed <code>{r.seed}</code> (
        {r.prng}).
      </p>
      {r.note && <p className="muted">{r.note}</p>}
      <p className="muted no-print">
        Scan each unit label (its unit number in AI 21) to tick it: {picked.size} of {r.picks.length} picked.
      </p>
      <table className="data-table" aria-label="Units to sample">
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">Picked</th>
          </tr>
        </thead>
        <tbody>
          {r.picks.map((u) => (
            <tr key={u} className={picked.has(u) ? 'picked' : ''}>
              <th scope="row">{u}</th>
              <td>{picked.has(u) ? 'Picked' : '☐'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="print-only">Sampled by ____________________ Date __________</p>
      <button type="button" className="no-print" onClick={() => window.print()}>
        Print pick list
      </button>
    </div>
  )
}
