import { create } from 'zustand'
import type { Job } from '../../shared/contract'

interface JobState {
  /** Newest first. */
  jobs: Job[]
}

export const useJobStore = create<JobState>()(() => ({ jobs: [] }))

const byNewest = (a: Job, b: Job): number =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)

/** Events can overtake the response that created a job, so a stale update never wins. */
export function upsertJob(job: Job): void {
  useJobStore.setState(({ jobs }) => {
    const existing = jobs.find((j) => j.id === job.id)
    if (existing && existing.updatedAt > job.updatedAt) return { jobs }
    return { jobs: [job, ...jobs.filter((j) => j.id !== job.id)].sort(byNewest) }
  })
}

export function replaceJobs(jobs: Job[]): void {
  useJobStore.setState({ jobs: [...jobs].sort(byNewest) })
}

export const isActive = (job: Job): boolean => job.state === 'queued' || job.state === 'running'
