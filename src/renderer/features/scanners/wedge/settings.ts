import { create } from 'zustand'
import { DEFAULT_WEDGE_TIMING, type WedgeTiming } from './timing'

export interface WedgeSettings {
  enabled: boolean
  timing: WedgeTiming
  /** A character the keyboard scanner types in place of GS, if it cannot send Ctrl+]. */
  gsStandIn: string
}

const initial: WedgeSettings = { enabled: true, timing: DEFAULT_WEDGE_TIMING, gsStandIn: '' }

export const useWedgeSettings = create<WedgeSettings>()(() => initial)

export function updateWedgeSettings(change: Partial<WedgeSettings>): void {
  useWedgeSettings.setState(change)
}

export function resetWedgeSettings(): void {
  useWedgeSettings.setState(initial, true)
}
