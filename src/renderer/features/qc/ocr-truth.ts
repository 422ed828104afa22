import type { DeskApi } from '../../../shared/contract/api'
import type { CoaRecord } from '../../db'
import { useQcOcrAccuracy } from './ocr-accuracy-store'

type Accuracy = Awaited<ReturnType<DeskApi['qc']['ocrTruth.accuracy']>>['accuracy']

/**
 * The text a correction makes of the cell OCR read: the cell may hold more than the value (a unit,
 * a sign), and the line picture shows the whole cell, so only the value part is replaced.
 */
export function correctedCellText(cellText: string, asRead: string, value: string): string {
  const v = value.trim()
  if (asRead !== '' && cellText.includes(asRead)) return cellText.replace(asRead, v)
  return v
}

/**
 * After a technician corrects a value read from the COA, keep the line's picture and the corrected
 * text as OCR ground truth. Only the first correction of a value counts: a later one corrects a
 * person, not OCR. Best effort: the correction itself is already saved, so a failure here (no
 * document worker, a page read from its text layer) does not undo it.
 */
export async function keepOcrCorrection(
  desk: DeskApi,
  record: CoaRecord,
  parameter: string,
  value: string,
  by: string,
): Promise<void> {
  if (!record.documentId || record.edits.some((e) => e.parameter === parameter)) return
  const p = record.report?.parameters.find((x) => x.specName === parameter)
  const cell = p?.cells?.result
  if (!p || !cell) return
  const answer = await desk.qc['ocrTruth.correct']({
    documentId: record.documentId,
    page: cell.page,
    bbox: cell.bbox,
    ocrText: cell.text,
    correctedText: correctedCellText(cell.text, p.result ?? '', value),
    correctedBy: by,
  })
  publish(answer.accuracy)
}

/**
 * At sign-off, every value read from the COA and never corrected was reviewed and found right:
 * it counts as reviewed characters with none corrected (once per value, however often signed).
 */
export async function confirmOcrValues(desk: DeskApi, record: CoaRecord): Promise<void> {
  const documentId = record.documentId
  if (!documentId || !record.report) return
  const edited = new Set(record.edits.map((e) => e.parameter))
  const values = record.report.parameters.flatMap((p) => {
    const cell = p.cells?.result
    if (edited.has(p.specName) || !cell || cell.text.trim() === '') return []
    return [{ documentId, page: cell.page, bbox: cell.bbox, ocrText: cell.text }]
  })
  if (values.length === 0) return
  publish((await desk.qc['ocrTruth.confirm']({ values })).accuracy)
}

function publish(accuracy: Accuracy): void {
  useQcOcrAccuracy.setState({ accuracy, loaded: true })
}
