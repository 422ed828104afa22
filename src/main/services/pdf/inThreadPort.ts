import type { TransferListItem } from 'node:worker_threads'

/**
 * The channel between pdf.js's API and its parser when both run in this thread — what pdf.js's own
 * "fake worker" LoopbackPort does, with one difference: LoopbackPort structuredClones every
 * message, and text-content chunks are most of the traffic when reading text layers (about 5% of
 * the time). Those are handed over as they are: the parser builds a fresh items array and styles
 * object after sending each chunk and never touches the sent ones again, so a shallow copy of the
 * chunk object (whose fields it does reassign) is all the isolation they need. Messages of
 * primitives only (the stream's pulls and their acknowledgements, two per chunk) are copied
 * shallowly, which for them is what a clone is. Everything else (operator lists, which the parser
 * does truncate after sending, images, requests) is still cloned.
 */
type Listener = (this: InThreadPort, event: { data: unknown }) => void

/** pdf.js's StreamKind.ENQUEUE: a chunk of a ReadableStream the parser feeds. */
const STREAM_ENQUEUE = 4

interface TextContentMessage {
  stream: typeof STREAM_ENQUEUE
  chunk: { items: unknown[]; styles: object }
}

function isTextContentChunk(message: unknown): message is TextContentMessage {
  if (typeof message !== 'object' || message === null) return false
  const { stream, chunk } = message as { stream?: unknown; chunk?: unknown }
  if (stream !== STREAM_ENQUEUE || typeof chunk !== 'object' || chunk === null) return false
  const { items, styles } = chunk as { items?: unknown; styles?: unknown }
  return Array.isArray(items) && typeof styles === 'object' && styles !== null
}

/** A plain object whose own values are all numbers, strings, booleans or empty: a shallow copy clones it. */
function isFlat(message: unknown): message is Record<string, unknown> {
  if (typeof message !== 'object' || message === null) return false
  if (Object.getPrototypeOf(message) !== Object.prototype) return false
  if (Object.getOwnPropertySymbols(message).length > 0) return false
  for (const value of Object.values(message)) {
    const type = typeof value
    if (
      value !== null &&
      type !== 'number' &&
      type !== 'string' &&
      type !== 'boolean' &&
      type !== 'undefined'
    )
      return false
  }
  return true
}

export class InThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | null>()
  readonly #deferred = Promise.resolve()

  postMessage(message: unknown, transfer?: TransferListItem[]): void {
    const data = isTextContentChunk(message)
      ? { ...message, chunk: { ...message.chunk } }
      : !transfer?.length && isFlat(message)
        ? { ...message }
        : structuredClone(message, transfer ? { transfer } : undefined)
    const event = { data }
    // Delivered later, in order, as a real port would: the sender finishes its turn first.
    void this.#deferred.then(() => {
      for (const [listener] of this.#listeners) listener.call(this, event)
    })
  }

  addEventListener(type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    if (type !== 'message') return
    const signal = options?.signal
    if (signal?.aborted) return
    let stopListening: (() => void) | null = null
    if (signal) {
      const onAbort = () => this.removeEventListener(type, listener)
      signal.addEventListener('abort', onAbort)
      stopListening = () => signal.removeEventListener('abort', onAbort)
    }
    this.#listeners.set(listener, stopListening)
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type !== 'message') return
    this.#listeners.get(listener)?.()
    this.#listeners.delete(listener)
  }

  terminate(): void {
    for (const stopListening of this.#listeners.values()) stopListening?.()
    this.#listeners.clear()
  }
}
