import { create } from 'zustand'
import type { Scan } from '../../../shared/contract'

/** A scanned lot no COA record knows: held until the user creates its record or ignores it. */
export interface UnknownLot {
  batch: string
  scan: Scan
  tenantId: string
}

interface UnknownLotState {
  pending: UnknownLot[]
  /** What the last decision did, said where the user is (the Scanner page). */
  outcome: string | null
}

export const useUnknownLotStore = create<UnknownLotState>()(() => ({ pending: [], outcome: null }))

/** A later scan of the same lot replaces the earlier one: one question per lot. */
export function askAboutLot(lot: UnknownLot): void {
  useUnknownLotStore.setState(({ pending }) => ({
    pending: [...pending.filter((p) => p.batch !== lot.batch || p.tenantId !== lot.tenantId), lot],
  }))
}

export function settleLot(lot: UnknownLot, outcome: string): void {
  useUnknownLotStore.setState(({ pending }) => ({
    pending: pending.filter((p) => p.batch !== lot.batch || p.tenantId !== lot.tenantId),
    outcome,
  }))
}

export function resetUnknownLots(): void {
  useUnknownLotStore.setState({ pending: [], outcome: null })
}

type LotCreator = (lot: UnknownLot) => Promise<string>
let creator: LotCreator | null = null

/**
 * The desk that makes a record for a lot (the QC desk registers itself, as it subscribes to scans),
 * so the Scanner page can offer "Create record" without knowing how records are kept.
 */
export function onCreateLot(fn: LotCreator): () => void {
  creator = fn
  return () => {
    if (creator === fn) creator = null
  }
}

/** "Create record": the sentence saying what was done. */
export async function createLotRecord(lot: UnknownLot): Promise<string> {
  if (!creator) throw new Error('the QC desk is not running, so no record can be created here')
  return creator(lot)
}
