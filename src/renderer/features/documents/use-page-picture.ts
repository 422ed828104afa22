import { useCallback } from 'react'
import type { MethodResult } from '../../../shared/contract'
import { useServices } from '../services/context'
import { useRemote, type Remote } from './use-remote'

export type PagePicture = MethodResult<'documents.page'>

/** Twice the usual pane width: sharp on high-density screens, still a small PNG. */
export const PICTURE_WIDTH = 1000

export function usePagePicture(documentId: string, sha256: string, page: number): Remote<PagePicture> {
  const { desk } = useServices()
  const load = useCallback(
    () => desk.documents.page({ documentId, page, width: PICTURE_WIDTH }),
    [desk, documentId, page],
  )
  return useRemote(`${documentId}:${sha256}:${page}`, load)
}
