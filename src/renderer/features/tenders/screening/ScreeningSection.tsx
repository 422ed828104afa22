import { useEffect, useMemo, useState } from 'react'
import { DOC_TYPE_LABELS, type DocType } from '../../../../shared/documents/doctype/types'
import { useDecisionsStore } from '../decisions/store'
import { LearnedModelNote } from '../learned/LearnedModelNote'
import { ReviewQueue } from '../learned/ReviewQueue'
import { ProfilesEditor } from '../profiles/ProfilesEditor'
import { ExportButtons } from './ExportButtons'
import { ScreeningFilters } from './ScreeningFilters'
import { ScreeningTable } from './ScreeningTable'
import { useScreeningStore, type NotScreened } from './store'
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

const PLURAL: Record<DocType, string> = {
  tender: 'tenders',
  coa: 'certificates of analysis',
  specification: 'specifications',
  msds: 'safety data sheets',
  invoice: 'invoices',
  other: 'other documents',
}

/** "Not screened: 2 certificates of analysis, 1 specification", from the desk's own list. */
export function describeNotScreened(items: readonly NotScreened[]): string {
  const counts = new Map<DocType, number>()
  for (const item of items) counts.set(item.type, (counts.get(item.type) ?? 0) + 1)
  const parts = [...counts].map(
    ([type, n]) => `${n} ${n === 1 ? DOC_TYPE_LABELS[type].toLowerCase() : PLURAL[type]}`,
  )
  return `Not screened: ${parts.join(', ')} (documents of other desks).`
}

function NotScreenedNote({ items }: { items: readonly NotScreened[] }) {
  if (items.length === 0) return null
  return (
    <p className="muted" aria-label="Documents not screened">
      <span title={items.map((i) => `${i.name}: ${DOC_TYPE_LABELS[i.type]}`).join('\n')}>
        {describeNotScreened(items)}
      </span>{' '}
      A wrong type can be changed in the Documents table.
    </p>
  )
}

export function ScreeningSection({ now: fixedNow }: { now?: number }) {
  const now = useMinute(fixedNow)
  const { rows, notScreened, loaded, error, filters, sort } = useScreeningStore()
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
      {loaded && <NotScreenedNote items={notScreened} />}
      {loaded && <LearnedModelNote />}
      {loaded && <ReviewQueue />}
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
