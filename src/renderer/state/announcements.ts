import { create } from 'zustand'

interface AnnouncementState {
  message: string
  /** Bumped on every announcement so repeating the same sentence is still re-read. */
  serial: number
}

export const useAnnouncementStore = create<AnnouncementState>()(() => ({ message: '', serial: 0 }))

export function announce(message: string): void {
  useAnnouncementStore.setState(({ serial }) => ({ message, serial: serial + 1 }))
}
