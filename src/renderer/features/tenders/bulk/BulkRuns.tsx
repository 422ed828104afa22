import { useEffect, useState } from 'react'
import type { RunResults, RunStatus } from '../../../../shared/bulk/wire'
import { describeError } from '../../../bridge/errors'
import { formatTime } from '../../documents/format'
import { useServices } from '../../services/context'

/** Polled while a run is still going; a finished list is left alone. */
const POLL_MS = 5_000

type Runs =
  | { state: 'loading' }
  | { state: 'no-hub'; message: string }
  | { state: 'error'; message: string }
  | {
      state: 'ok'
      runs: RunStatus[]
    }

/** Read again whenever the polled list shows more of the open run finished. */
function resultsKey(runs: Runs, runId: string): string {
  const run = runs.state === 'ok' ? runs.runs.find((r) => r.runId === runId) : undefined
  return run ? `${runId}:${run.screened + run.duplicate + run.failed}` : runId
}

function progress(run: RunStatus): string {
  const finished = run.screened + run.duplicate + run.failed
  return `${Math.floor((finished / Math.max(1, run.files)) * 100)}%`
}

/**
 * Bulk runs the tenant's hub screens on its workers (`pebble-desk bulk submit`): each run's
 * progress like a local import's, and a run's results file by file.
 */
export function BulkRuns({ tenantId }: { tenantId: string }) {
  // Keyed by tenant where it is used, so another tenant starts with nothing open.
  const { desk } = useServices()
  const [runs, setRuns] = useState<Runs>({ state: 'loading' })
  const [open, setOpen] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        const { runs: found } = await desk.tenders['bulk.runs']({})
        if (!live) return
        setRuns({ state: 'ok', runs: found })
        if (found.some((r) => !r.done)) timer = setTimeout(() => void load(), POLL_MS)
      } catch (e) {
        if (!live) return
        const error = describeError(e)
        // No hub set up, or none reachable, is a desk's normal state offline: said quietly, not as an error.
        if (error.code === 'NOT_FOUND') setRuns({ state: 'no-hub', message: `${error.message}.` })
        else if (error.code === 'DISCONNECTED')
          setRuns({
            state: 'no-hub',
            message: `The hub cannot be reached now (${error.message}); its bulk runs show here when it answers.`,
          })
        else setRuns({ state: 'error', message: error.message })
      }
    }
    void load()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [desk, tenantId])

  return (
    <section aria-labelledby="bulk-title" className="card">
      <h2 id="bulk-title">Bulk runs on the hub</h2>
      {runs.state === 'loading' && <p className="muted">Asking the hub…</p>}
      {runs.state === 'no-hub' && <p className="muted">{runs.message}</p>}
      {runs.state === 'error' && (
        <p role="alert" className="inline-error">
          Could not read the bulk runs: {runs.message}
        </p>
      )}
      {runs.state === 'ok' && runs.runs.length === 0 && (
        <p className="muted">
          No bulk runs yet. Send a folder of bids to the hub’s workers with{' '}
          <code>pebble-desk bulk submit --hub URL --token TOKEN FOLDER</code>; its progress shows here.
        </p>
      )}
      {runs.state === 'ok' && runs.runs.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Bulk runs">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Files</th>
                <th scope="col">Progress</th>
                <th scope="col">Screened</th>
                <th scope="col">Duplicates</th>
                <th scope="col">Failed</th>
                <th scope="col">Waiting</th>
                <th scope="col">Results</th>
              </tr>
            </thead>
            <tbody>
              {runs.runs.map((run) => (
                <tr key={run.runId}>
                  <td>
                    <time dateTime={run.createdAt}>{formatTime(run.createdAt)}</time>
                  </td>
                  <td className="num">{run.files}</td>
                  <td>
                    <progress
                      max={run.files}
                      value={run.screened + run.duplicate + run.failed}
                      aria-label={`Run of ${formatTime(run.createdAt)}`}
                    />{' '}
                    {run.done ? 'done' : progress(run)}
                  </td>
                  <td className="num">{run.screened}</td>
                  <td className="num">{run.duplicate}</td>
                  <td className="num">{run.failed}</td>
                  <td className="num">{run.queued}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open === run.runId}
                      onClick={() => setOpen(open === run.runId ? null : run.runId)}
                    >
                      {open === run.runId ? 'Hide results' : 'Show results'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <BulkResults key={resultsKey(runs, open)} runId={open} />}
    </section>
  )
}

function BulkResults({ runId }: { runId: string }) {
  const { desk } = useServices()
  const [results, setResults] = useState<RunResults | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    desk.tenders['bulk.results']({ runId }).then(
      (found) => live && setResults(found),
      (e: unknown) => live && setError(describeError(e).message),
    )
    return () => {
      live = false
    }
  }, [desk, runId])

  if (error)
    return (
      <p role="alert" className="inline-error">
        Could not read the run’s results: {error}
      </p>
    )
  if (!results) return <p className="muted">Reading the results…</p>
  // Relevant bids first, by score; then the rest in file order, as the local ranking does.
  const files = [...results.files].sort(
    (a, b) =>
      Number(b.result?.relevant ?? false) - Number(a.result?.relevant ?? false) ||
      (b.result?.score ?? -1) - (a.result?.score ?? -1) ||
      a.ordinal - b.ordinal,
  )
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label="Bulk run results">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">State</th>
            <th scope="col">Relevant</th>
            <th scope="col">Score</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.ordinal}>
              <th scope="row">{f.name}</th>
              <td>{f.state}</td>
              <td>{f.result ? (f.result.relevant ? 'yes' : 'no') : ''}</td>
              <td className="num">{f.result ? f.result.score : ''}</td>
              <td>
                {f.state === 'duplicate' && f.duplicateOf
                  ? `same content as ${f.duplicateOf.name}`
                  : f.state === 'failed'
                    ? (f.reason ?? '')
                    : (f.result?.reasons.join('; ') ?? '')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
