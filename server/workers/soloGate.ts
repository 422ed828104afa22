/**
 * Lets a job run alone on this worker. A worker that dies takes every job in flight with it, and
 * pg-boss charges each of them an attempt, so a file that merely shared a worker with a poison file
 * three times would be dead-lettered beside it. A retried job therefore runs solo: if the worker
 * dies then, the job that died is the one that killed it, and only it is charged again.
 */
export class SoloGate {
  private active = 0
  private soloRunning = false
  private soloWaiting = 0
  private waiters: Array<() => void> = []

  /** Runs `job` beside other shared jobs; waits while a solo job runs or waits to run. */
  async shared<T>(job: () => Promise<T>): Promise<T> {
    while (this.soloRunning || this.soloWaiting > 0) await this.changed()
    this.active += 1
    try {
      return await job()
    } finally {
      this.active -= 1
      this.wake()
    }
  }

  /** Runs `job` once nothing else runs, and keeps other jobs from starting until it ends. */
  async solo<T>(job: () => Promise<T>): Promise<T> {
    this.soloWaiting += 1
    try {
      while (this.soloRunning || this.active > 0) await this.changed()
    } finally {
      this.soloWaiting -= 1
    }
    this.soloRunning = true
    try {
      return await job()
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
