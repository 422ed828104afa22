import { parentPort, type TransferListItem } from 'node:worker_threads'
import { toErrorEnvelope } from '../../../shared/contract'
import { taskMessageSchema, type WorkerMessage } from './protocol'

export interface TaskReply<T> {
  value: T
  /** Buffers moved to the pool instead of copied (e.g. page pixels). */
  transfer?: TransferListItem[]
}

/**
 * The worker side of the protocol, for entry scripts under src/main/workers/: validates each task
 * message, runs the handler, and posts its result or its error envelope. A malformed message is
 * dropped; the pool's timeout deals with a task that never gets an answer.
 */
export function serveTasks<T>(
  handler: (payload: unknown) => Promise<T | TaskReply<T>> | T | TaskReply<T>,
): void {
  const port = parentPort
  if (!port) throw new Error('serveTasks must run inside a worker thread')
  port.on('message', (raw: unknown) => {
    const parsed = taskMessageSchema.safeParse(raw)
    if (!parsed.success) return
    const { id, payload } = parsed.data
    Promise.resolve()
      .then(() => handler(payload))
      .then(
        (out) => {
          const reply = isReply<T>(out) ? out : { value: out }
          const message: WorkerMessage = { type: 'result', id, value: reply.value }
          port.postMessage(message, reply.transfer ?? [])
        },
        (error: unknown) => {
          const message: WorkerMessage = { type: 'error', id, error: toErrorEnvelope(error) }
          port.postMessage(message)
        },
      )
  })
}

function isReply<T>(out: unknown): out is TaskReply<T> {
  return (
    typeof out === 'object' &&
    out !== null &&
    'value' in out &&
    Object.keys(out).every((k) => k === 'value' || k === 'transfer')
  )
}
