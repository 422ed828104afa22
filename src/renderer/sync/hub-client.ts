import {
  hubErrorSchema,
  ingestAckSchema,
  type Heartbeat,
  type IngestAck,
  type IngestRecord,
} from '../../shared/sync/wire'
import type { SyncSettings } from './settings'

export type FailureKind =
  /** No answer at all: offline, hub down, connection cut. */
  | 'network'
  /** The hub answered 5xx/429 or something unreadable: try again later. */
  | 'server'
  /** 401/403: the token is unknown, revoked or bound to another tenant; needs a human. */
  | 'auth'
  /** 413: send fewer records at once. */
  | 'too-large'
  /** Any other 4xx: the hub refused the request as a whole. */
  | 'refused'

export type PushResult = { ok: true; ack: IngestAck } | { ok: false; kind: FailureKind; message: string }

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export class HubClient {
  constructor(
    private readonly settings: SyncSettings,
    private readonly fetchImpl: FetchLike,
    private readonly timeoutMs: number,
  ) {}

  ingest(records: IngestRecord[], queueDepth: number, stop: AbortSignal): Promise<PushResult> {
    return this.post('/v1/ingest', { records, queueDepth }, stop, (json) => {
      const ack = ingestAckSchema.safeParse(json)
      return ack.success
        ? { ok: true, ack: ack.data }
        : { ok: false, kind: 'server', message: 'the hub sent an acknowledgement this desk cannot read' }
    })
  }

  heartbeat(body: Heartbeat, stop: AbortSignal): Promise<PushResult | { ok: true }> {
    const path = `/v1/desks/${encodeURIComponent(this.settings.deskId)}/heartbeat`
    return this.post(path, body, stop, () => ({ ok: true }))
  }

  /** A GET with the desk's token; `onOk` reads the answer (the caller validates it). */
  get<T>(path: string, stop: AbortSignal, onOk: (json: unknown) => T): Promise<T | PushResult> {
    return this.post(path, undefined, stop, onOk, 'GET')
  }

  private async post<T>(
    path: string,
    body: unknown,
    stop: AbortSignal,
    onOk: (json: unknown) => T,
    method: 'GET' | 'POST' = 'POST',
  ): Promise<T | PushResult> {
    // A per-request controller rather than AbortSignal.any([stop, timeout]): `any` leaves a
    // dependant on the long-lived stop signal for every request ever made.
    const controller = new AbortController()
    const abort = () => controller.abort()
    const timer = setTimeout(abort, this.timeoutMs)
    stop.addEventListener('abort', abort, { once: true })
    try {
      let response: Response
      try {
        response = await this.fetchImpl(`${this.settings.hubUrl}${path}`, {
          method,
          headers:
            method === 'GET'
              ? { authorization: `Bearer ${this.settings.token}` }
              : { 'content-type': 'application/json', authorization: `Bearer ${this.settings.token}` },
          ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
          signal: controller.signal,
        })
      } catch (error) {
        return { ok: false, kind: 'network', message: `hub unreachable: ${describe(error)}` }
      }
      let json: unknown
      try {
        json = await response.json()
      } catch (error) {
        // The connection dropped while the answer was arriving: as good as no answer.
        return {
          ok: false,
          kind: response.ok ? 'network' : 'server',
          message: `reading the answer: ${describe(error)}`,
        }
      }
      if (response.ok) return onOk(json)
      const envelope = hubErrorSchema.safeParse(json)
      const message = `hub answered ${response.status}: ${envelope.success ? envelope.data.message : 'unreadable error'}`
      return { ok: false, kind: classify(response.status), message }
    } finally {
      clearTimeout(timer)
      stop.removeEventListener('abort', abort)
    }
  }
}

function classify(status: number): FailureKind {
  if (status === 401 || status === 403) return 'auth'
  if (status === 413) return 'too-large'
  if (status === 429 || status >= 500) return 'server'
  return 'refused'
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
  }
  return String(error)
}
