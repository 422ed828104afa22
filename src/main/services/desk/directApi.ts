import { createDeskApi, DeskError, EventListeners, type DeskApi } from '../../../shared/contract'
import type { Desk, DeskSession } from './types'

/** The third host: in-process calls (CLI, tests) through the same validated registry. */
export function createDirectDeskApi(desk: Desk): { api: DeskApi; session: DeskSession; close(): void } {
  const listeners = new EventListeners()
  const session = desk.openSession((event, payload) => listeners.emit(event, payload))
  const api = createDeskApi({
    async call(method, params) {
      const outcome = await desk.registry.dispatch(method, params, session)
      if (!outcome.ok) throw DeskError.fromEnvelope(outcome.error)
      return outcome.result
    },
    subscribe: (event, listener) => listeners.add(event, listener),
  })
  return { api, session, close: () => desk.closeSession(session) }
}
