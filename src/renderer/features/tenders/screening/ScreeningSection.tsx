import { useEffect, useMemo, useState } from 'react'
import { useDecisionsStore } from '../decisions/store'
import { ProfilesEditor } from '../profiles/ProfilesEditor'
import { ExportButtons } from './ExportButtons'
import { ScreeningFilters } from './ScreeningFilters'
import { ScreeningTable } from './ScreeningTable'
import { useScreeningStore } from './store'
import { buildView, profilesIn } from './view'
import './screening.css'

/** Ranked screening results with filters, export and the profiles that produce them. */
/** The time deadline badges are judged against, refreshed each minute. */
function useMinute(fixed: number | undefined): number {
  const [now, setNow] = useState(() => fixed ?? Date.now())
  useEffect(() => {
    if (fixed !== undefined) return
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [fixed])
  return fixed ?? now
}

export function ScreeningSection({ now: fixedNow }: { now?: number }) {
  const now = useMinute(fixedNow)
  const { rows, loaded, error, filters, sort } = useScreeningStore()
  const decisions = useDecisionsStore((s) => s.decisions)
  // Rounded to the minute so the memo is not rebuilt on every render.
  const minute = Math.floor(now / 60_000) * 60_000
  const view = useMemo(
    () => buildView(rows, decisions, filters, sort, minute),
    [rows, decisions, filters, sort, minute],
  )
  const profiles = useMemo(() => profilesIn(rows), [rows])

  return (
    <section aria-labelledby="screening-title" className="screening">
      <h2 id="screening-title">Screening</h2>
      <ProfilesEditor />
      {error && (
        <p role="alert" className="inline-error">
          Could not load screening results: {error}
        </p>
      )}
      {loaded && rows.length > 0 && (
        <>
          <div className="screen-tools">
            <ScreeningFilters profiles={profiles} />
            <ExportButtons rows={view} />
          </div>
          <p className="muted" role="status">
            {view.length} of {rows.length} documents shown
          </p>
          <ScreeningTable rows={view} />
        </>
      )}
    </section>
  )
}
