import { create } from 'zustand'

interface EvidenceState {
  /** The document shown in the evidence view; null shows the results table. */
  documentId: string | null
}

export const useEvidenceStore = create<EvidenceState>()(() => ({ documentId: null }))

export function openEvidence(documentId: string): void {
  useEvidenceStore.setState({ documentId })
}

export function closeEvidence(): void {
  useEvidenceStore.setState({ documentId: null })
}
