import { create } from 'zustand'
import { DEFAULT_WEDGE_TIMING, type WedgeTiming } from './timing'

export interface WedgeSettings {
  enabled: boolean
  timing: WedgeTiming
  /** A character the keyboard scanner types in place of GS, if it cannot send Ctrl+]. */
  gsStandIn: string
  /**
   * What the keyboard scanner sends before its data. While a text field has focus, only a burst
   * that starts with it is taken as a scan; empty means scans are never taken from text fields.
   */
  prefix: string
}

const initial: WedgeSettings = { enabled: true, timing: DEFAULT_WEDGE_TIMING, gsStandIn: '', prefix: '' }

export const useWedgeSettings = create<WedgeSettings>()(() => initial)

export function updateWedgeSettings(change: Partial<WedgeSettings>): void {
  useWedgeSettings.setState(change)
}

export function resetWedgeSettings(): void {
  useWedgeSettings.setState(initial, true)
}
