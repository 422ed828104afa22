import { create } from 'zustand'

interface EvidenceState {
  /** The document shown in the evidence view; null shows the results table. */
  documentId: string | null
  /** The document whose results row gets focus when the table appears again (back from evidence). */
  returnTo: string | null
}

export const useEvidenceStore = create<EvidenceState>()(() => ({ documentId: null, returnTo: null }))

export function openEvidence(documentId: string): void {
  useEvidenceStore.setState({ documentId, returnTo: null })
}

/** Back to the results; focus returns to the row that was opened unless `returnFocus` is false. */
export function closeEvidence({ returnFocus = true }: { returnFocus?: boolean } = {}): void {
  const { documentId } = useEvidenceStore.getState()
  useEvidenceStore.setState({ documentId: null, returnTo: returnFocus ? documentId : null })
}

/** The results table has put focus back (or could not): a later visit must not pull it again. */
export function clearEvidenceReturn(): void {
  if (useEvidenceStore.getState().returnTo !== null) useEvidenceStore.setState({ returnTo: null })
}
