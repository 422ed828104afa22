import { useState } from 'react'
import type { Job } from '../../../shared/contract'
import { describeError } from '../../bridge/errors'
import {
  announce,
  isActive,
  replaceJobs,
  useAnnouncementStore,
  useJobStore,
  useTenantStore,
} from '../../state'
import { useServices } from '../services/context'
import { applyJobUpdate } from './use-job-events'

const STATE_TEXT: Record<Job['state'], string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** Services often start the message with the file name, which the list already shows. */
const withoutFileName = (message: string, file: string): string =>
  message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message

function JobItem({ job }: { job: Job }) {
  const services = useServices()
  const [cancelError, setCancelError] = useState<string | null>(null)
  // `completed` counts every file handled, `failed` the ones among them that were refused.
  const processed = Math.min(job.completed, job.total)
  const headingId = `job-${job.id}`

  const cancel = async (): Promise<void> => {
    setCancelError(null)
    try {
      applyJobUpdate(services, await services.desk.jobs.cancel({ jobId: job.id }))
    } catch (error) {
      setCancelError(describeError(error).message)
    }
  }

  // Pages move far more smoothly than files when each file is a long scan.
  const byPages = job.pagesTotal > 0
  const pagesDone = Math.min(job.pagesDone, job.pagesTotal)
  const filesText = `${processed} of ${job.total} files`
  const pagesText = `${pagesDone} of ${job.pagesTotal} pages`
  const max = byPages ? job.pagesTotal : job.total
  const value = byPages ? pagesDone : processed
  const succeeded = job.kind === 'extract' ? 'read' : 'imported'

  return (
    <li className={`job job-${job.state}`} aria-labelledby={headingId}>
      <div className="job-head">
        <span id={headingId} className="job-label">
          {job.label}
        </span>
        <span className="job-state">{STATE_TEXT[job.state]}</span>
      </div>
      <progress
        max={Math.max(max, 1)}
        value={value}
        aria-label={`${job.label} progress`}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={byPages ? `${pagesText}, ${filesText}` : filesText}
      />
      {byPages && (
        <div className="job-pages">
          {pagesText} · {filesText}
        </div>
      )}
      <div className="job-counts">
        {job.completed - job.failed} {succeeded} · {job.failed} failed · {job.total} total
      </div>
      {(job.notices ?? []).length > 0 && (
        <ul className="job-notices" aria-label={`Notices for ${job.label}`}>
          {(job.notices ?? []).map((notice, i) => (
            <li key={i}>{notice}</li>
          ))}
        </ul>
      )}
      {job.errors.length > 0 && (
        <ul className="job-errors" aria-label={`Errors in ${job.label}`}>
          {job.errors.map((e, i) => (
            <li key={`${e.file}-${i}`}>
              <span className="job-error-file">{e.file}</span>: {withoutFileName(e.message, e.file)}
            </li>
          ))}
        </ul>
      )}
      {isActive(job) && (
        <button
          type="button"
          className="small"
          aria-label={`Cancel ${job.label}`}
          onClick={() => void cancel()}
        >
          Cancel
        </button>
      )}
      {cancelError && (
        <p role="alert" className="inline-error">
          {cancelError}
        </p>
      )}
    </li>
  )
}

export function JobsPanel() {
  const services = useServices()
  const jobs = useJobStore((s) => s.jobs)
  const announcement = useAnnouncementStore((s) => s.message)
  const [clearError, setClearError] = useState<string | null>(null)
  const finished = jobs.filter((j) => !isActive(j)).length

  const clearFinished = async (): Promise<void> => {
    setClearError(null)
    try {
      const tenantId = useTenantStore.getState().currentId
      const { cleared, jobs: left } = await services.desk.jobs.clear()
      if (tenantId !== useTenantStore.getState().currentId) return
      replaceJobs(left.filter((j) => j.tenantId === tenantId))
      announce(`Cleared ${cleared} finished job${cleared === 1 ? '' : 's'}.`)
    } catch (error) {
      setClearError(describeError(error).message)
    }
  }

  return (
    <aside aria-labelledby="jobs-title" className="jobs-panel">
      <h2 id="jobs-title">Jobs</h2>
      {finished > 0 && (
        <button type="button" className="small" onClick={() => void clearFinished()}>
          Clear finished
        </button>
      )}
      {clearError && (
        <p role="alert" className="inline-error">
          {clearError}
        </p>
      )}
      {jobs.length === 0 ? (
        <p className="muted">No jobs yet. Imports appear here with their progress.</p>
      ) : (
        <ul className="job-list" aria-label="Jobs">
          {jobs.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className="announcer">
        {announcement}
      </p>
    </aside>
  )
}
