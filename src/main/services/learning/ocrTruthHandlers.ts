import { join } from 'node:path'
import { DeskError, type DocumentRecord, type Handler, type TenantId } from '../../../shared/contract'
import type { DocumentText, PageText } from '../../../shared/document-text'
import type { OcrAccuracyReport } from '../../../shared/metrics'
import type { DocumentPipeline } from '../pipeline'
import { OcrTruthStore } from './ocrTruth'

export interface OcrTruthDeskDeps<Ctx> {
  tenantOf(ctx: Ctx): TenantId
  folderOf(tenantId: TenantId): string
  record(tenantId: TenantId, documentId: string): Promise<DocumentRecord>
  text(tenantId: TenantId, documentId: string): Promise<DocumentText>
  blobPath(tenantId: TenantId, sha256: string): string
  pipeline(): DocumentPipeline
  now?: () => Date
}

/** The folder `pebble-desk export-ocr-truth` reads: the tenant's folder's `ocr-truth`. */
export function ocrTruthStoreOf(tenantFolder: string): OcrTruthStore {
  return new OcrTruthStore(join(tenantFolder, 'ocr-truth'))
}

/** The store's figures as the heartbeat and the contract carry them; null until anything was reviewed. */
export async function ocrAccuracyReport(store: OcrTruthStore): Promise<OcrAccuracyReport | null> {
  const a = await store.accuracy()
  if (a.ocrAccuracy === null) return null
  return {
    reviewedChars: a.reviewedCharacters,
    correctedChars: a.correctedCharacters,
    accuracy: a.ocrAccuracy,
  }
}

type Methods = 'qc.ocrTruth.correct' | 'qc.ocrTruth.confirm' | 'qc.ocrTruth.accuracy'

/** The QC review screen's corrections and sign-offs, kept as OCR ground truth per tenant. */
export function ocrTruthHandlers<Ctx>(deps: OcrTruthDeskDeps<Ctx>): { [M in Methods]: Handler<M, Ctx> } {
  const now = deps.now ?? (() => new Date())
  const pageOf = async (tenantId: TenantId, documentId: string, page: number) => {
    const record = await deps.record(tenantId, documentId)
    const text = await deps.text(tenantId, documentId)
    const found: PageText | undefined = text.pages.find((p) => p.page === page)
    if (!found) {
      throw new DeskError('INVALID_INPUT', `${record.name}: has no page ${page}`, { documentId, page })
    }
    return { record, page: found }
  }
  return {
    'qc.ocrTruth.correct': async (c, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const store = ocrTruthStoreOf(deps.folderOf(tenantId))
      const { record, page } = await pageOf(tenantId, c.documentId, c.page)
      if (page.source !== 'ocr') {
        return {
          stored: false,
          reason: `${record.name}: page ${c.page} was read from its text layer, not by OCR`,
          accuracy: await ocrAccuracyReport(store),
        }
      }
      await store.add(
        deps.pipeline(),
        {
          path: deps.blobPath(tenantId, record.sha256),
          file: record.name,
          mediaType: record.mediaType,
          sha256: record.sha256,
        },
        {
          page: c.page,
          dpi: page.dpi,
          bbox: c.bbox,
          ocrText: c.ocrText,
          correctedText: c.correctedText,
          correctedBy: c.correctedBy,
          correctedAt: now().toISOString(),
        },
      )
      return { stored: true, accuracy: await ocrAccuracyReport(store) }
    },
    'qc.ocrTruth.confirm': async ({ values }, ctx) => {
      const tenantId = deps.tenantOf(ctx)
      const store = ocrTruthStoreOf(deps.folderOf(tenantId))
      const confirmations = []
      for (const v of values) {
        const { record, page } = await pageOf(tenantId, v.documentId, v.page)
        if (page.source !== 'ocr') continue
        confirmations.push({
          documentSha256: record.sha256,
          page: v.page,
          bbox: v.bbox,
          text: v.ocrText,
          confirmedAt: now().toISOString(),
        })
      }
      const counted = await store.confirm(confirmations)
      return { counted, accuracy: await ocrAccuracyReport(store) }
    },
    'qc.ocrTruth.accuracy': async (_params, ctx) => ({
      accuracy: await ocrAccuracyReport(ocrTruthStoreOf(deps.folderOf(deps.tenantOf(ctx)))),
    }),
  }
}
