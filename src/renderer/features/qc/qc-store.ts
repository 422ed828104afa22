import { create } from 'zustand'

export type QcView = 'certificates' | 'specifications' | 'signers'
export interface QcNotice {
  tone: 'info' | 'warn' | 'error'
  text: string
  serial: number
}

interface QcState {
  view: QcView
  /** The COA record open on the review screen. */
  selectedId: string | null
  /** Who is working the desk: the actor of edits and scan links (signatures re-ask for the PIN). */
  technician: string
  notice: QcNotice | null
  /** The sampling whose pick list is on screen; a unit label scanned now marks that unit picked. */
  pickListId: string | null
}

const INITIAL: QcState = {
  view: 'certificates',
  selectedId: null,
  technician: '',
  notice: null,
  pickListId: null,
}

export const useQcStore = create<QcState>()(() => INITIAL)

export function resetQcState(): void {
  useQcStore.setState(INITIAL)
}

export function showNotice(tone: QcNotice['tone'], text: string): void {
  useQcStore.setState(({ notice }) => ({ notice: { tone, text, serial: (notice?.serial ?? 0) + 1 } }))
}

export function openRecord(id: string | null): void {
  useQcStore.setState({ view: 'certificates', selectedId: id })
}

/** The actor name for steps that need no signature. */
export function actorName(): string {
  return useQcStore.getState().technician || 'desk user'
}
