import { create } from 'zustand'
import { DeskError } from '../../shared/contract'

interface DeskUserState {
  /** Who is at this desk, as the desk service remembers it; null until someone says. */
  name: string | null
  loaded: boolean
  error: string | null
}

export const useDeskUserStore = create<DeskUserState>()(() => ({ name: null, loaded: false, error: null }))

/** The person work on this desk is credited to, or null when nobody has said who they are. */
export function deskUserName(): string | null {
  return useDeskUserStore.getState().name
}

export const NO_DESK_USER =
  'Say who is at this desk first (“Who is at this desk” at the top of the window, or under Settings): your decisions and corrections are credited to that person.'

/** The current person, or a clear refusal: a decision or correction is never credited to nobody. */
export function requireDeskUser(): string {
  const name = deskUserName()
  if (!name) throw new DeskError('INVALID_INPUT', NO_DESK_USER)
  return name
}

export function resetDeskUser(): void {
  useDeskUserStore.setState({ name: null, loaded: false, error: null })
}
