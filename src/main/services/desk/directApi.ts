import { createDeskApi, DeskError, type DeskApi, type EventName } from '../../../shared/contract'
import type { Desk, DeskSession } from './types'

/** The third host: in-process calls (CLI, tests) through the same validated registry. */
export function createDirectDeskApi(desk: Desk): { api: DeskApi; session: DeskSession; close(): void } {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const session = desk.openSession((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  })
  const api = createDeskApi({
    async call(method, params) {
      const outcome = await desk.registry.dispatch(method, params, session)
      if (!outcome.ok) throw DeskError.fromEnvelope(outcome.error)
      return outcome.result
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  })
  return { api, session, close: () => desk.closeSession(session) }
}
