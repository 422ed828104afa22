import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { IPC_CHANNELS, type DispatchOutcome, type EventName } from '../../shared/contract'
import type { Desk, DeskSession } from '../services/desk/types'
import { isTrustedUrl } from './trust'

export interface DeskIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  desk: Pick<Desk, 'registry' | 'openSession' | 'closeSession'>
  /** True for the webContents of windows this shell created itself. */
  isTrustedWindow(contents: WebContents): boolean
}

export interface DeskIpc {
  /** The session of a window, opened on first use and closed when its webContents is destroyed. */
  sessionFor(contents: WebContents): DeskSession
  dispose(): void
}

const FORBIDDEN: DispatchOutcome = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'desk calls are accepted only from the desk window itself' },
}

/**
 * Only the top frame of one of our windows, currently showing app://desk, may call the desk. A
 * subframe or a page that got navigated elsewhere would otherwise inherit the preload's reach.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  isTrustedWindow: (c: WebContents) => boolean,
): boolean {
  try {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (!isTrustedWindow(event.sender)) return false
    return isTrustedUrl(frame.url)
  } catch {
    // A frame disposed mid-call throws on access; a caller we cannot identify is refused.
    return false
  }
}

/** Registers the one IPC channel of the desk; every answer is a plain outcome object, never a throw. */
export function registerDeskIpc({ ipcMain, desk, isTrustedWindow }: DeskIpcOptions): DeskIpc {
  const sessions = new Map<WebContents, DeskSession>()

  const sessionFor = (contents: WebContents): DeskSession => {
    const existing = sessions.get(contents)
    if (existing) return existing
    const session = desk.openSession((name: EventName, payload: unknown) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.event, name, payload)
    })
    sessions.set(contents, session)
    contents.once('destroyed', () => {
      // After dispose() the session is already closed; closing it twice would be the desk's problem.
      if (sessions.get(contents) !== session) return
      sessions.delete(contents)
      desk.closeSession(session)
    })
    return session
  }

  ipcMain.handle(
    IPC_CHANNELS.call,
    async (event, method: unknown, params: unknown): Promise<DispatchOutcome> => {
      if (!isTrustedSender(event, isTrustedWindow)) return FORBIDDEN
      try {
        return await desk.registry.dispatch(method, params, sessionFor(event.sender))
      } catch (error) {
        // dispatch already turns handler failures into envelopes; this only guards the shell itself.
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { code: 'INTERNAL', message } }
      }
    },
  )

  return {
    sessionFor,
    dispose() {
      ipcMain.removeHandler(IPC_CHANNELS.call)
      for (const [, session] of sessions) desk.closeSession(session)
      sessions.clear()
    },
  }
}
