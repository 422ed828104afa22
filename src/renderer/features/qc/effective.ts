import type { CoaReportDto, ExtractedRowDto, ParameterVerdictDto } from '../../../shared/contract/qc'
import { judgeParameter, overallVerdict, type CompiledSpec, type Verdict } from '../../../shared/qc'
import type { ValueEdit } from '../../db'

export type ReviewedParameter = ParameterVerdictDto & {
  /** The latest correction of this parameter's result, if any. */
  edit?: ValueEdit
  lowConfidence: boolean
}

export interface ReviewedReport {
  parameters: ReviewedParameter[]
  verdict: Verdict
  failing: string[]
}

const DEFAULT_THRESHOLD = 60

function rowWithValue(report: CoaReportDto, p: ParameterVerdictDto, value: string): ExtractedRowDto {
  const row = p.row === undefined ? undefined : report.rows[p.row]
  // A typed value is what the reviewer read off the page: full confidence, same place on the page.
  const place = row?.cells.result ??
    row ?? { page: 1, bbox: [0, 0, 0, 0] as [number, number, number, number] }
  const result = { text: value, page: place.page, bbox: place.bbox, confidence: 100 }
  return row
    ? { ...row, cells: { ...row.cells, result } }
    : { page: place.page, bbox: place.bbox, cells: { result }, others: [] }
}

/**
 * The report as the reviewer sees it: each corrected parameter re-judged with the specification
 * the check used, the rest as the check left them. The stored report itself is never rewritten.
 */
export function reviewReport(
  report: CoaReportDto,
  spec: CompiledSpec | undefined,
  edits: readonly ValueEdit[],
): ReviewedReport {
  const threshold = spec?.confidenceThreshold ?? DEFAULT_THRESHOLD
  const latest = new Map<string, ValueEdit>()
  for (const e of edits) latest.set(e.parameter, e)

  const parameters = report.parameters.map((p): ReviewedParameter => {
    const edit = latest.get(p.specName)
    const specParam = spec?.parameters.find((s) => s.name === p.specName)
    if (!edit || !specParam) {
      return { ...p, lowConfidence: p.confidence !== undefined && p.confidence < threshold }
    }
    const row = rowWithValue(report, p, edit.value)
    const judged = judgeParameter(specParam, row, threshold, spec?.rounding)
    return {
      ...p,
      result: edit.value,
      verdict: judged.verdict,
      reason: judged.reason,
      confidence: 100,
      edit,
      lowConfidence: false,
    }
  })
  const folded = report.checks
    .filter((c) => c.affectsVerdict && (c.status === 'fail' || c.status === 'review'))
    .map((c) => c.status as Verdict)
  const verdict =
    report.parameters.length === 0
      ? report.verdict
      : overallVerdict([...parameters.map((p) => p.verdict), ...folded])
  return {
    parameters,
    verdict,
    failing: parameters.filter((p) => p.verdict === 'fail').map((p) => p.specName),
  }
}
