import { create } from 'zustand'
import { deskUserName } from '../../state'

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
  notice: QcNotice | null
  /** The sampling whose pick list is on screen; a unit label scanned now marks that unit picked. */
  pickListId: string | null
}

const INITIAL: QcState = {
  view: 'certificates',
  selectedId: null,
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

/**
 * The actor of steps that need no signature (checks, specifications, scan links): whoever is at
 * this desk. Value corrections and signatures need the person themselves (see EditValueForm).
 */
export function actorName(): string {
  return deskUserName() ?? 'desk user'
}
