import { create } from 'zustand'

interface ViewerState {
  /** The document open in the viewer; null shows the documents table. */
  documentId: string | null
  /** 1-based. */
  page: number
  showBoxes: boolean
  /** Where focus goes back to when the viewer closes, so keyboard users keep their place. */
  returnFocusTo: string | null
}

export const useViewerStore = create<ViewerState>()(() => ({
  documentId: null,
  page: 1,
  showBoxes: true,
  returnFocusTo: null,
}))

export function openDocument(documentId: string): void {
  useViewerStore.setState({ documentId, page: 1, returnFocusTo: documentId })
}

export function closeDocument(): void {
  useViewerStore.setState({ documentId: null, page: 1 })
}

export function showViewerPage(page: number): void {
  useViewerStore.setState({ page })
}

export function setShowBoxes(showBoxes: boolean): void {
  useViewerStore.setState({ showBoxes })
}

export function resetViewer(): void {
  useViewerStore.setState({ documentId: null, page: 1, showBoxes: true, returnFocusTo: null })
}

export function clearReturnFocus(): void {
  useViewerStore.setState({ returnFocusTo: null })
}
