import { useEffect, useRef, useState, type KeyboardEvent, type UIEvent } from 'react'
import { DECISION_LABELS } from '../decisions/types'
import { clearEvidenceReturn, openEvidence, useEvidenceStore } from '../evidence/store'
import { LearnedCell } from '../learned/LearnedCell'
import { sortBy, useScreeningStore } from './store'
import type { SortKey, ViewRow } from './view'
import { DeadlineBadge } from './DeadlineBadge'

export const ROW_HEIGHT = 40
const FALLBACK_VIEWPORT = 480
const OVERSCAN = 8

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: 'score', label: 'Rule score' },
  { key: null, label: 'Learned' },
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
 *
 * The table is one tab stop: the active row's document button. ArrowUp/ArrowDown, PageUp/PageDown,
 * Home and End move it (scrolling the row into the window first), Enter opens the evidence, and
 * coming back from the evidence puts focus on the row that was opened.
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

  const [activeId, setActiveId] = useState<string | null>(null)
  const found = activeId === null ? -1 : rows.findIndex((v) => v.row.documentId === activeId)
  const active = Math.max(found, 0)
  // The tab stop: the active row when it is in the window, else the first row drawn.
  const stop = active >= first && active < last ? active : first
  const focusPending = useRef(false)
  const focusRow = (index: number): void =>
    scroller.current
      ?.querySelector<HTMLButtonElement>(`[aria-rowindex="${index + 2}"] .doc-name > button`)
      ?.focus()

  /** Scrolls the least needed (or centres, coming back) so row `index` is in view, and focuses it. */
  const moveTo = (index: number, centre = false): void => {
    const next = Math.min(Math.max(index, 0), rows.length - 1)
    const v = rows[next]
    const el = scroller.current
    if (!v || !el) return
    const height = el.clientHeight || FALLBACK_VIEWPORT
    const rowTop = next * ROW_HEIGHT
    let scrollTop = el.scrollTop
    if (centre) scrollTop = Math.max(0, rowTop - (height - ROW_HEIGHT) / 2)
    else if (rowTop < scrollTop) scrollTop = rowTop
    else if (rowTop + ROW_HEIGHT > scrollTop + height) scrollTop = rowTop + ROW_HEIGHT - height
    // Nothing to re-render (already there, e.g. ArrowUp on the first row): focus now, or a pending
    // focus would fire on some later, unrelated render.
    if (v.row.documentId === activeId && scrollTop === top) return focusRow(next)
    if (scrollTop !== el.scrollTop) el.scrollTop = scrollTop
    setTop(scrollTop)
    setActiveId(v.row.documentId)
    focusPending.current = true
  }

  // After a move has rendered the row into the window. Declared before the effect below, which
  // moves on mount: this one must see that move's render, not the mount's.
  useEffect(() => {
    if (!focusPending.current) return
    focusPending.current = false
    focusRow(active)
  })

  // Back from the evidence view: focus the row that was opened, once.
  useEffect(() => {
    const id = useEvidenceStore.getState().returnTo
    if (id === null) return
    clearEvidenceReturn()
    const index = rows.findIndex((v) => v.row.documentId === id)
    if (index >= 0) moveTo(index, true)
    // Only on mount: the table appears again when the evidence view closes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || rows.length === 0) return
    const page = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight || FALLBACK_VIEWPORT) / ROW_HEIGHT) - 1,
    )
    if (event.key === 'ArrowDown') moveTo(active + 1)
    else if (event.key === 'ArrowUp') moveTo(active - 1)
    else if (event.key === 'PageDown') moveTo(active + page)
    else if (event.key === 'PageUp') moveTo(active - page)
    else if (event.key === 'Home') moveTo(0)
    else if (event.key === 'End') moveTo(rows.length - 1)
    else if (event.key === 'Enter' && rows[active]) openEvidence(rows[active].row.documentId)
    else return
    event.preventDefault()
  }

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
      <div
        role="rowgroup"
        className="screen-body"
        ref={scroller}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        tabIndex={-1}
      >
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
                <LearnedCell documentId={r.documentId} />
                <div role="rowheader" className="doc-name" title={r.name}>
                  <button
                    type="button"
                    className="link"
                    tabIndex={index === stop ? 0 : -1}
                    aria-keyshortcuts="ArrowUp ArrowDown Home End"
                    onFocus={() => setActiveId(r.documentId)}
                    onClick={() => openEvidence(r.documentId)}
                  >
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
                  {r.fields.bidNumber?.normalised ?? r.fields.referenceNumber?.value ?? '–'}
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
