/**
 * Jobs run one after another, each once the previous has settled: one engine instance holds one
 * image at a time. `settled` resolves when everything queued so far is done, failed or not.
 */
export function oneAtATime(): { run<T>(job: () => Promise<T>): Promise<T>; settled(): Promise<void> } {
  let queue: Promise<unknown> = Promise.resolve()
  return {
    run: <T>(job: () => Promise<T>): Promise<T> => {
      const run = queue.then(job, job)
      queue = run.catch(() => undefined)
      return run
    },
    settled: () => queue.then(() => undefined),
  }
}
