import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { TrainingError } from '../../src/shared/learning'
import { trainCandidate, type CandidateInput, type CandidateOutput } from './candidate'

export type Trainer = (input: CandidateInput) => Promise<CandidateOutput>

/** In this thread: for the one-shot CLI, which has nothing else to keep responsive. */
export const trainHere: Trainer = (input) => Promise.resolve().then(() => trainCandidate(input))

/** train-worker.mjs next to the running bundle (out/hub/), where server/build.mjs puts it. */
export function defaultWorkerPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'train-worker.mjs')
}

/** In a worker thread: the hub's periodic retraining, which must not stall request handling. */
export function trainInWorker(workerPath: string = defaultWorkerPath()): Trainer {
  return (input) =>
    new Promise<CandidateOutput>((resolve, reject) => {
      if (!existsSync(workerPath)) {
        reject(
          new Error(`${workerPath}: the training worker is missing (build the hub: node server/build.mjs)`),
        )
        return
      }
      const worker = new Worker(workerPath, { workerData: input })
      let settled = false
      worker.once(
        'message',
        (message: { ok: true; output: CandidateOutput } | { ok: false; message: string }) => {
          settled = true
          if (message.ok) resolve(message.output)
          else reject(new TrainingError(message.message))
          void worker.terminate()
        },
      )
      worker.once('error', (error) => {
        settled = true
        reject(error)
      })
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the training worker exited with code ${code} before answering`))
      })
    })
}
