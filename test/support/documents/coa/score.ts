import type { CoaReport } from '../../../../src/main/services/qc'
import type { CoaTruth } from './generate'

export interface CoaScore {
  parameters: number
  /** Parameters whose verdict is the truth's (a `review` is never right). */
  rightParameters: number
  verdictRight: boolean
  /** The truth: the certificate must fail. */
  mustFail: boolean
  /** A certificate that must fail was passed: the one mistake the desk may never make. */
  wronglyPassed: boolean
  fields: { product: boolean; batch: boolean; expiry: boolean }
  /** What went wrong, for the test's log. */
  misses: string[]
}

export function scoreCoa(report: CoaReport, truth: CoaTruth): CoaScore {
  const misses: string[] = []
  let right = 0
  for (const t of truth.parameters) {
    const got = report.parameters.find((p) => p.specName === t.name)
    if (got?.verdict === t.verdict) right++
    else misses.push(`${t.name}: ${got?.verdict ?? 'absent'} (want ${t.verdict}) ${got?.reason ?? ''}`)
  }
  const verdictRight = report.verdict === truth.verdict
  if (!verdictRight)
    misses.push(`overall ${report.verdict} (want ${truth.verdict}): ${report.reasons.join('; ')}`)
  const fields = {
    product: report.product === truth.product,
    batch: report.batch === truth.batch,
    expiry: report.expiry === truth.expiry,
  }
  for (const [k, ok] of Object.entries(fields))
    if (!ok)
      misses.push(
        `${k}: ${String(report[k as keyof typeof fields])} (want ${truth[k as keyof typeof fields]})`,
      )
  return {
    parameters: truth.parameters.length,
    rightParameters: right,
    verdictRight,
    mustFail: truth.verdict === 'fail',
    wronglyPassed: truth.verdict === 'fail' && report.verdict === 'pass',
    fields,
    misses,
  }
}

/** Figures of a set of certificates (one layout, one kind of input). */
export interface Tally {
  certificates: number
  parameters: number
  rightParameters: number
  rightVerdicts: number
  /** Certificates that must fail, and how many of those were passed. */
  mustFail: number
  wronglyPassed: number
  /** Header fields (product, batch, expiry) read right, of 3 a certificate. */
  rightFields: number
}

export function tally(scores: readonly CoaScore[]): Tally {
  return {
    certificates: scores.length,
    parameters: scores.reduce((a, s) => a + s.parameters, 0),
    rightParameters: scores.reduce((a, s) => a + s.rightParameters, 0),
    rightVerdicts: scores.filter((s) => s.verdictRight).length,
    mustFail: scores.filter((s) => s.mustFail).length,
    wronglyPassed: scores.filter((s) => s.wronglyPassed).length,
    rightFields: scores.reduce((a, s) => a + Object.values(s.fields).filter(Boolean).length, 0),
  }
}

export const percent = (right: number, of: number): number => (of === 0 ? 100 : (100 * right) / of)

/** A printable table: one line per layout and input kind, then the totals. */
export function formatTally(rows: { layout: string; input: string; tally: Tally }[]): string {
  const head = [
    'layout',
    'input',
    'COAs',
    'params right',
    'verdict right',
    'must fail',
    'wrongly passed',
    'fields right',
  ]
  const body = rows.map(({ layout, input, tally: t }) => [
    layout,
    input,
    String(t.certificates),
    `${percent(t.rightParameters, t.parameters).toFixed(1)}% (${t.rightParameters}/${t.parameters})`,
    `${percent(t.rightVerdicts, t.certificates).toFixed(1)}% (${t.rightVerdicts}/${t.certificates})`,
    String(t.mustFail),
    String(t.wronglyPassed),
    `${percent(t.rightFields, t.certificates * 3).toFixed(1)}%`,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n')
}
