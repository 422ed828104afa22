import type { DeskApi, Job } from '../../../shared/contract'
import { isActive } from '../../state'

/** Resolves with the job once it has finished (done, failed or cancelled), from its progress events. */
export function waitForJob(desk: DeskApi, job: Job, timeoutMs = 30 * 60_000): Promise<Job> {
  if (!isActive(job)) return Promise.resolve(job)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`${job.label} did not finish within ${Math.round(timeoutMs / 60_000)} minutes`))
    }, timeoutMs)
    const off = desk.on('jobs.progress', (update) => {
      if (update.id !== job.id || isActive(update)) return
      clearTimeout(timer)
      off()
      resolve(update)
    })
    // The job may have finished between the upload's answer and the subscription.
    void desk.jobs.list().then(
      ({ jobs }) => {
        const now = jobs.find((j) => j.id === job.id)
        if (now && !isActive(now)) {
          clearTimeout(timer)
          off()
          resolve(now)
        }
      },
      () => undefined,
    )
  })
}
