import { create } from 'zustand'
import type { ScreeningRow } from '../../../../shared/contract'
import type { DocType } from '../../../../shared/documents/doctype/types'

/** A document of another desk (a COA, a specification…) that screening left out. */
export interface NotScreened {
  documentId: string
  name: string
  type: DocType
}
import { DEFAULT_FILTERS, type Filters, type SortState } from './view'

interface ScreeningState {
  rows: ScreeningRow[]
  notScreened: NotScreened[]
  loaded: boolean
  error: string | null
  filters: Filters
  sort: SortState
}

export const useScreeningStore = create<ScreeningState>()(() => ({
  rows: [],
  notScreened: [],
  loaded: false,
  error: null,
  filters: DEFAULT_FILTERS,
  sort: { key: 'score', direction: 'desc' },
}))

export function setFilters(patch: Partial<Filters>): void {
  useScreeningStore.setState((s) => ({ filters: { ...s.filters, ...patch } }))
}

export function sortBy(key: SortState['key']): void {
  useScreeningStore.setState((s) => ({
    sort:
      s.sort.key === key
        ? { key, direction: s.sort.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: key === 'score' ? 'desc' : 'asc' },
  }))
}

export function resetScreening(): void {
  useScreeningStore.setState({
    rows: [],
    notScreened: [],
    loaded: false,
    error: null,
    filters: DEFAULT_FILTERS,
    sort: { key: 'score', direction: 'desc' },
  })
}
