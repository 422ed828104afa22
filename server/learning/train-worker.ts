// Worker-thread entry: trains one candidate off the hub's event loop, so ingest and the desks' model
// fetches keep answering while a tenant's model learns. Bundled next to main.mjs (server/build.mjs).
import { parentPort, workerData } from 'node:worker_threads'
import { trainCandidate, type CandidateInput } from './candidate'

try {
  parentPort?.postMessage({ ok: true, output: trainCandidate(workerData as CandidateInput) })
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
}
