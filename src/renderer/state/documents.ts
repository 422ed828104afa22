import { create } from 'zustand'
import type { DocumentRecord } from '../../shared/contract'

interface DocumentState {
  documents: DocumentRecord[]
  /** False until the first list for the current tenant arrived, so the empty state is not flashed. */
  loaded: boolean
  error: string | null
}

export const useDocumentStore = create<DocumentState>()(() => ({ documents: [], loaded: false, error: null }))
