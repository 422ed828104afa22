import { useCallback } from 'react'
import type { DocumentRecord } from '../../../shared/contract'
import type { DocumentText } from '../../../shared/document-text'
import { useServices } from '../services/context'
import { useRemote, type Remote } from './use-remote'

/**
 * The document's text once it has been read. Keyed on the whole extraction summary: a re-read
 * that finishes changes it, and that is the moment to fetch the new text.
 */
export function useDocumentText(document: DocumentRecord): Remote<DocumentText> {
  const { desk } = useServices()
  const { id, extraction } = document
  const key = extraction?.state === 'done' ? `${id}:${JSON.stringify(extraction)}` : null
  const load = useCallback(() => desk.documents.text({ documentId: id }), [desk, id])
  return useRemote(key, load)
}
