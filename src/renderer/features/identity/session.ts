import { create } from 'zustand'
import type { UsersStatus } from '../../../shared/contract'

interface SessionState {
  /** Null until the desk has answered users.status. */
  status: UsersStatus | null
  error: string | null
}

/** Who is signed in on this window or tab, as the desk says (the desk is what enforces it). */
export const useSessionStore = create<SessionState>()(() => ({ status: null, error: null }))

const RESUME_KEY = 'pebble-desk.resume'

/** Keeps a new sign-in's resume token for this tab only (sessionStorage), or drops it on sign-out. */
export function setSession(status: UsersStatus): void {
  useSessionStore.setState({ status, error: null })
  try {
    if (status.resumeToken) sessionStorage.setItem(RESUME_KEY, status.resumeToken)
    else if (!status.user) sessionStorage.removeItem(RESUME_KEY)
  } catch {
    // No sessionStorage (a locked-down profile): a reload simply asks to sign in again.
  }
}

export function storedResumeToken(): string | null {
  try {
    return sessionStorage.getItem(RESUME_KEY)
  } catch {
    return null
  }
}
