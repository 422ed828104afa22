import { create } from 'zustand'
import type { DocumentRecord } from '../../shared/contract'

interface DocumentState {
  documents: DocumentRecord[]
  /** False until the first list for the current tenant arrived, so the empty state is not flashed. */
  loaded: boolean
  error: string | null
}

export const useDocumentStore = create<DocumentState>()(() => ({ documents: [], loaded: false, error: null }))

/**
 * The service records "running" without telling anyone, so after asking for a re-read the rows
 * would still say "Failed" until the job ends; they show "waiting" until the next list arrives.
 */
export function markExtractionQueued(documentIds: readonly string[]): void {
  const ids = new Set(documentIds)
  useDocumentStore.setState(({ documents }) => ({
    documents: documents.map((d) =>
      ids.has(d.id) && d.extraction
        ? { ...d, extraction: { ...d.extraction, state: 'pending', error: undefined } }
        : d,
    ),
  }))
}
