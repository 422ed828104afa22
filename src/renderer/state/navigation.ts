import { create } from 'zustand'

export const PAGES = [
  { id: 'tenders', label: 'Tenders' },
  { id: 'qc', label: 'QC' },
  { id: 'scanner', label: 'Scanner' },
  { id: 'review', label: 'Review' },
  { id: 'sync', label: 'Sync' },
  { id: 'settings', label: 'Settings' },
] as const

export type PageId = (typeof PAGES)[number]['id']

export const useNavigationStore = create<{ page: PageId }>()(() => ({ page: 'tenders' }))

export const showPage = (page: PageId): void => useNavigationStore.setState({ page })
