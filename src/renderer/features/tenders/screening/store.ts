import { create } from 'zustand'
import type { ScreeningRow } from '../../../../shared/contract'
import { DEFAULT_FILTERS, type Filters, type SortState } from './view'

interface ScreeningState {
  rows: ScreeningRow[]
  loaded: boolean
  error: string | null
  filters: Filters
  sort: SortState
}

export const useScreeningStore = create<ScreeningState>()(() => ({
  rows: [],
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
    loaded: false,
    error: null,
    filters: DEFAULT_FILTERS,
    sort: { key: 'score', direction: 'desc' },
  })
}
