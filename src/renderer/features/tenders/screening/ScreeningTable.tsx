import { useEffect, useRef, useState, type UIEvent } from 'react'
import { DECISION_LABELS } from '../decisions/types'
import { openEvidence } from '../evidence/store'
import { sortBy, useScreeningStore } from './store'
import type { SortKey, ViewRow } from './view'
import { DeadlineBadge } from './DeadlineBadge'

export const ROW_HEIGHT = 40
const FALLBACK_VIEWPORT = 480
const OVERSCAN = 8

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'score', label: 'Score' },
  { key: 'name', label: 'Document' },
  { key: 'profile', label: 'Profile' },
  { key: null, label: 'Bid number' },
  { key: 'deadline', label: 'Bid end' },
  { key: 'decision', label: 'Decision' },
  { key: null, label: 'Why' },
]

function why(v: ViewRow): string {
  if (v.row.error) return v.row.error.message
  if (v.row.state === 'pending') return 'Not read yet'
  const top = v.row.matches.filter((m) => m.count > 0 && m.points !== 0).slice(0, 3)
  const hits = top.map((m) => `${m.term} ×${m.count}`).join(', ')
  return [hits, ...v.row.reasons].filter(Boolean).join('; ') || 'No terms found'
}

/**
 * The screened list. Only the rows in view (plus a few either side) are in the DOM, so ten
 * thousand documents scroll as smoothly as ten; the scroll area keeps the full height.
 */
export function ScreeningTable({ rows }: { rows: ViewRow[] }) {
  const sort = useScreeningStore((s) => s.sort)
  const scroller = useRef<HTMLDivElement>(null)
  const [top, setTop] = useState(0)
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT)
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    // jsdom (and a collapsed layout) report 0: keep the fallback window then.
    const measure = () => setViewport(el.clientHeight || FALLBACK_VIEWPORT)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(rows.length, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN)
  const onScroll = (e: UIEvent<HTMLDivElement>) => setTop(e.currentTarget.scrollTop)

  return (
    <div role="table" aria-label="Screening results" aria-rowcount={rows.length + 1} className="screen-table">
      <div role="rowgroup" className="screen-head">
        <div role="row" aria-rowindex={1} className="screen-row">
          {COLUMNS.map((c) => (
            <div
              role="columnheader"
              key={c.label}
              aria-sort={
                c.key && sort.key === c.key
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {c.key ? (
                <button type="button" className="link" onClick={() => sortBy(c.key as SortKey)}>
                  {c.label}
                  {sort.key === c.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="screen-body" ref={scroller} onScroll={onScroll} tabIndex={-1}>
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((v, i) => {
            const index = first + i
            const r = v.row
            return (
              <div
                role="row"
                key={r.documentId}
                aria-rowindex={index + 2}
                className={`screen-row${v.relation ? ' member' : ''}${r.relevant ? ' relevant' : ''}`}
                style={{
                  position: 'absolute',
                  top: index * ROW_HEIGHT,
                  height: ROW_HEIGHT,
                  left: 0,
                  right: 0,
                }}
              >
                <div role="cell" className="num">
                  {r.state === 'screened' ? r.score.toFixed(1) : '–'}
                </div>
                <div role="rowheader" className="doc-name" title={r.name}>
                  <button type="button" className="link" onClick={() => openEvidence(r.documentId)}>
                    {r.name}
                  </button>
                  {v.relation && (
                    <span
                      className={`badge ${v.relation.kind}`}
                      title={`${v.relation.kind} of ${v.relation.of}`}
                    >
                      {v.relation.kind === 'duplicate' ? 'Duplicate' : 'Corrigendum'} of {v.relation.of}
                    </span>
                  )}
                  {v.groupSize && <span className="badge group">{v.groupSize} in group</span>}
                  {r.state === 'failed' && <span className="badge failed">Failed</span>}
                </div>
                <div role="cell">{r.profile ?? '–'}</div>
                <div role="cell">
                  {r.fields.bidNumber?.normalised ?? r.fields.tenderReference?.value ?? '–'}
                </div>
                <div role="cell">
                  {r.fields.bidEndDate ? (
                    <>
                      {/* Badge first: a narrow column cuts the end of the cell, never the warning. */}
                      <DeadlineBadge deadline={v.deadline} />{' '}
                      <time dateTime={r.fields.bidEndDate.normalised}>{r.fields.bidEndDate.value}</time>
                    </>
                  ) : (
                    '–'
                  )}
                </div>
                <div role="cell" title={v.decision?.reason}>
                  {v.decision ? DECISION_LABELS[v.decision.decision] : '–'}
                </div>
                <div role="cell" className="why" title={why(v)}>
                  {why(v)}
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
