/** A fetched job together with the way it must run on this worker. */
export interface Admitted<J> {
  job: J
  run<T>(work: () => Promise<T>): Promise<T>
}

/**
 * Lets a retried job run alone on its worker. A worker that dies takes every job it holds with it,
 * and pg-boss charges each of them an attempt, so a file that merely shared a worker with a poison
 * file three times would be dead-lettered beside it. A retried job therefore runs solo: if the
 * worker dies then, the job that died is the one that killed it, and only it is charged again.
 *
 * A job fetched is a job held, even before it starts. So lanes fetch one at a time, and none
 * fetches while a solo job waits or runs: no job ever sits fetched behind a solo job, where a kill
 * would charge it for a file it never ran beside.
 */
export class SoloGate {
  private active = 0
  private fetching = false
  private soloRunning = false
  private soloWaiting = 0
  private waiters: Array<() => void> = []

  /** Fetches the next job when this worker may take one; undefined when the queue was empty. */
  async admit<J>(
    fetch: () => Promise<J | undefined>,
    mustRunAlone: (job: J) => boolean,
  ): Promise<Admitted<J> | undefined> {
    while (this.fetching || this.soloRunning || this.soloWaiting > 0) await this.changed()
    this.fetching = true
    try {
      const job = await fetch()
      if (job === undefined) return undefined
      // Counted before the next lane may fetch, so that lane sees this job's claim at once.
      if (mustRunAlone(job)) {
        this.soloWaiting += 1
        return { job, run: (work) => this.runSolo(work) }
      }
      this.active += 1
      return { job, run: (work) => this.runShared(work) }
    } finally {
      this.fetching = false
      this.wake()
    }
  }

  private async runShared<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } finally {
      this.active -= 1
      this.wake()
    }
  }

  private async runSolo<T>(work: () => Promise<T>): Promise<T> {
    try {
      while (this.active > 0) await this.changed()
    } finally {
      this.soloWaiting -= 1
    }
    this.soloRunning = true
    try {
      return await work()
    } finally {
      this.soloRunning = false
      this.wake()
    }
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private wake(): void {
    const waiting = this.waiters
    this.waiters = []
    for (const resolve of waiting) resolve()
  }
}
