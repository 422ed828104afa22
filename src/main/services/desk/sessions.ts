import type { EventName, EventPayload, TenantId } from '../../../shared/contract'
import { uuidv7 } from '../../../shared/ids'
import type { DeskSession } from './types'

/**
 * The connected UIs (Electron windows, bridge sockets, CLI runs) and the one place events reach
 * them: tenant events go to the sessions working in that tenant, desk-wide ones (scanners) to all.
 */
export class DeskSessions {
  private readonly sessions = new Set<DeskSession>()

  open(tenantId: TenantId | null, emit: (event: EventName, payload: unknown) => void): DeskSession {
    const session: DeskSession = {
      id: uuidv7(),
      tenantId,
      user: null,
      lastActive: Date.now(),
      emit: (event, payload) => emit(event, payload),
    }
    this.sessions.add(session)
    return session
  }

  close(session: DeskSession): void {
    this.sessions.delete(session)
  }

  /** `tenantId` null: every session hears it (hardware belongs to the desk, not to a tenant). */
  publish<E extends EventName>(tenantId: TenantId | null, event: E, payload: EventPayload<E>): void {
    for (const session of this.sessions) {
      if (tenantId === null || session.tenantId === tenantId) session.emit(event, payload)
    }
  }

  clear(): void {
    this.sessions.clear()
  }
}
