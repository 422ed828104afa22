import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocumentRecord, ScreeningRow, TenantId } from '../../../../shared/contract'
import { showViewerPage, useViewerStore } from '../../../state'
import { DecisionForm } from '../decisions/DecisionForm'
import { useDecisionsStore } from '../decisions/store'
import { useServices } from '../../services/context'
import { PageNav } from '../../documents/PageNav'
import { PagePicture } from '../../documents/PagePicture'
import { useDocumentText } from '../../documents/use-document-text'
import { usePagePicture } from '../../documents/use-page-picture'
import { useRemote } from '../../documents/use-remote'
import { AddFieldForm } from './AddFieldForm'
import { FieldsPanel } from './FieldsPanel'
import { boxMarks, fieldMarks, flattenHits, hitMarks, pickedMarks } from './marks'
import { pickWord, type Picked } from './pick'
import { ScoreBreakdown } from './ScoreBreakdown'
import { closeEvidence } from './store'
import { useHitKeys } from './use-hit-keys'
import { useZoom, ZOOM_LEVELS } from './zoom'

interface Props {
  tenantId: TenantId
  document: DocumentRecord
  row: ScreeningRow | undefined
}

/** One screened document: every hit highlighted on its page, the fields, the score, the decision. */
export function EvidenceView({ tenantId, document, row }: Props) {
  const { desk } = useServices()
  const rootRef = useRef<HTMLElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const load = useCallback(() => desk.tenders.detail({ documentId: document.id }), [desk, document.id])
  const detail = useRemote(document.extraction?.state === 'done' ? document.id : null, load)
  const text = useDocumentText(document)
  const [profileIndex, setProfileIndex] = useState(0)
  const [hitIndex, setHitIndex] = useState<number | null>(null)
  const [located, setLocated] = useState<string | null>(null)
  // Adding a field: the words are picked on the page while this is on.
  const [picking, setPicking] = useState(false)
  const [picked, setPicked] = useState<Picked | null>(null)
  const corrections = useDecisionsStore((s) => s.corrections[document.id])
  const wanted = useViewerStore((s) => s.page)
  const { zoom, zoomBy, onKeyDown: onZoomKey } = useZoom()

  const info = detail.state === 'ready' ? detail.value : null
  const profile = info?.profiles[profileIndex]
  const hits = useMemo(() => flattenHits(profile), [profile])
  const pages = text.state === 'ready' ? text.value.pages : []
  const pageCount = Math.max(pages.length || (document.extraction?.pagesTotal ?? 0), 1)
  const page = Math.min(Math.max(wanted, 1), pageCount)
  const pageText = pages.find((p) => p.page === page)
  const picture = usePagePicture(document.id, document.sha256, page)
  const current = hitIndex === null ? undefined : hits[hitIndex]
  const field = located && info ? info.fields[located] : undefined
  // A field the analyst set from the page is shown where they found it.
  const locatedBoxes = located ? corrections?.[located]?.boxes : undefined

  const marks = useMemo(() => {
    if (picking) return pickedMarks(picked, page)
    if (locatedBoxes && pageText) return boxMarks(locatedBoxes, page, pageText.words)
    if (field && pageText) return fieldMarks(field, page, pageText.words)
    return hitMarks(hits, page, current)
  }, [picking, picked, locatedBoxes, field, pageText, page, hits, current])

  // The current hit (or located field) may be below the fold of a tall page.
  useEffect(() => {
    rootRef.current?.querySelector('rect.current')?.scrollIntoView?.({ block: 'center' })
  }, [marks, picture.state])

  useEffect(() => {
    showViewerPage(1)
    headingRef.current?.focus()
  }, [document.id])

  const goHit = useCallback(
    (step: 1 | -1) => {
      if (hits.length === 0) return
      const next =
        hitIndex === null ? (step === 1 ? 0 : hits.length - 1) : (hitIndex + step + hits.length) % hits.length
      setHitIndex(next)
      setLocated(null)
      showViewerPage(hits[next]!.page)
    },
    [hits, hitIndex],
  )
  useHitKeys(rootRef, goHit)

  const locate = (name: string): void => {
    // Read from the store, not this render: a field just added is located at once.
    const boxes = useDecisionsStore.getState().corrections[document.id]?.[name]?.boxes
    const targetPage = boxes?.[0]?.page ?? info?.fields[name]?.page
    if (targetPage === undefined) return
    setLocated(name)
    setHitIndex(null)
    showViewerPage(targetPage)
    rootRef.current?.querySelector('.page-figure')?.scrollIntoView?.({ block: 'start' })
  }

  const stopPicking = (): void => {
    setPicking(false)
    setPicked(null)
  }
  const pickedCount = picked && picked.page === page ? picked.indexes.length : 0

  return (
    <section className="viewer evidence" aria-labelledby="evidence-title" ref={rootRef}>
      <div className="viewer-bar">
        <button type="button" onClick={() => closeEvidence()}>
          Back to results
        </button>
        <h2 id="evidence-title" tabIndex={-1} ref={headingRef}>
          Evidence: {document.name}
        </h2>
      </div>
      {detail.state === 'error' && (
        <p role="alert" className="inline-error">
          Could not load the screening: {detail.message}
        </p>
      )}
      {detail.state === 'idle' && (
        <p className="muted">The evidence appears once the document has been read.</p>
      )}
      <div className="viewer-tools">
        <PageNav page={page} pageCount={pageCount} />
        {info && info.profiles.length > 1 && (
          <label>
            Profile{' '}
            <select
              value={profileIndex}
              onChange={(e) => {
                setProfileIndex(Number(e.target.value))
                setHitIndex(null)
              }}
            >
              {info.profiles.map((p, i) => (
                <option key={p.profile} value={i}>
                  {p.profile} ({p.score.toFixed(1)})
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="hit-nav" role="group" aria-label="Hits">
          <button type="button" onClick={() => goHit(-1)} disabled={hits.length === 0} aria-keyshortcuts="p">
            Previous hit
          </button>
          <span aria-live="polite">
            {hits.length === 0
              ? 'No hits'
              : current
                ? `Hit ${hitIndex! + 1} of ${hits.length}: “${current.text}” (${current.term}, page ${current.page})`
                : `${hits.length} hits`}
          </span>
          <button type="button" onClick={() => goHit(1)} disabled={hits.length === 0} aria-keyshortcuts="n">
            Next hit
          </button>
        </div>
      </div>
      <div className="evidence-body">
        {/* Ctrl+= / Ctrl+- / Ctrl+0 zoom while focus is on the page (its word overlay). */}
        <div className="evidence-page" onKeyDown={onZoomKey}>
          <div className="zoom-tools" role="group" aria-label="Zoom">
            <button
              type="button"
              onClick={() => zoomBy(-1)}
              disabled={zoom <= ZOOM_LEVELS[0]}
              aria-keyshortcuts="Control+-"
            >
              Zoom out
            </button>
            <button type="button" onClick={() => zoomBy(0)} aria-keyshortcuts="Control+0" title="Reset zoom">
              <span className="visually-hidden">Reset zoom, now </span>
              {Math.round(zoom * 100)}%
            </button>
            <button
              type="button"
              onClick={() => zoomBy(1)}
              disabled={zoom >= ZOOM_LEVELS[ZOOM_LEVELS.length - 1]!}
              aria-keyshortcuts="Control+="
            >
              Zoom in
            </button>
          </div>
          <PagePicture
            picture={picture}
            pageText={pageText}
            showBoxes
            label={`page ${page} of ${pageCount}`}
            marks={marks}
            marksOnly={!picking}
            zoom={zoom}
            {...(picking
              ? {
                  onPick: (index: number, extend: boolean) =>
                    setPicked((p) => pickWord(p, page, index, extend)),
                  overlaySummary: `Pick the words of a field: ${pickedCount} picked. Click a word, Shift+click to extend; or the arrow keys, then Enter or Shift+Enter.`,
                }
              : {})}
          />
        </div>
        <div className="evidence-side">
          <DecisionForm
            tenantId={tenantId}
            documentId={document.id}
            sha256={document.sha256}
            name={document.name}
            tenderId={
              row?.fields.bidNumber?.normalised ?? row?.fields.referenceNumber?.value ?? document.name
            }
          />
          {profile && <ScoreBreakdown profile={profile} />}
          {info && !picking && (
            <button
              type="button"
              className="add-field-start"
              onClick={() => {
                setPicking(true)
                setPicked(null)
                setLocated(null)
                setHitIndex(null)
              }}
            >
              Add a field from the page
            </button>
          )}
          {info && picking && (
            <AddFieldForm
              tenantId={tenantId}
              documentId={document.id}
              sha256={document.sha256}
              fields={info.fields}
              modelVersion={`fields/${text.state === 'ready' ? text.value.pipelineVersion : 'unknown'}`}
              picked={picked}
              words={pages.find((p) => p.page === picked?.page)?.words ?? []}
              onSaved={(name) => {
                stopPicking()
                locate(name)
              }}
              onCancel={stopPicking}
            />
          )}
          {info && (
            <FieldsPanel
              tenantId={tenantId}
              documentId={document.id}
              sha256={document.sha256}
              fields={info.fields}
              modelVersion={`fields/${text.state === 'ready' ? text.value.pipelineVersion : 'unknown'}`}
              located={located}
              onLocate={locate}
            />
          )}
        </div>
      </div>
    </section>
  )
}
