import { create } from 'zustand'
import type { Job } from '../../shared/contract'

interface JobState {
  /** Newest first. */
  jobs: Job[]
}

export const useJobStore = create<JobState>()(() => ({ jobs: [] }))

const byNewest = (a: Job, b: Job): number =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)

const STATE_ORDER: Record<Job['state'], number> = { queued: 0, running: 1, done: 2, failed: 2, cancelled: 2 }

/** Which of two snapshots of one job is later; timestamps tie within a millisecond, progress does not. */
function isNewer(candidate: Job, existing: Job): boolean {
  if (candidate.updatedAt !== existing.updatedAt) return candidate.updatedAt > existing.updatedAt
  if (STATE_ORDER[candidate.state] !== STATE_ORDER[existing.state]) {
    return STATE_ORDER[candidate.state] > STATE_ORDER[existing.state]
  }
  if (candidate.completed !== existing.completed) return candidate.completed > existing.completed
  return candidate.pagesDone >= existing.pagesDone
}

/** Events can overtake the response that created a job, so a stale snapshot never wins. */
export function upsertJob(job: Job): void {
  useJobStore.setState(({ jobs }) => {
    const existing = jobs.find((j) => j.id === job.id)
    if (existing && !isNewer(job, existing)) return { jobs }
    return { jobs: [job, ...jobs.filter((j) => j.id !== job.id)].sort(byNewest) }
  })
}

export function replaceJobs(jobs: Job[]): void {
  useJobStore.setState({ jobs: [...jobs].sort(byNewest) })
}

export const isActive = (job: Job): boolean => job.state === 'queued' || job.state === 'running'
