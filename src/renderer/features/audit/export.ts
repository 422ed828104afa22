import {
  auditCsv,
  auditRangeProblem,
  entriesInRange,
  verifyChain,
  type AuditDayRange,
  type AuditEntry,
} from '../../../shared/audit'
import type { TenantDbHandle } from '../tenant-db/port'

export type AuditExportFormat = 'csv' | 'json'

export interface AuditExportFile {
  fileName: string
  mediaType: string
  body: string
  /** What the desk says once the file is saved: how many entries, and the chain's verdict. */
  summary: string
}

/** The tenant's whole log, oldest first, read a page at a time. */
export async function allAuditEntries(handle: Pick<TenantDbHandle, 'auditEntries'>): Promise<AuditEntry[]> {
  const found: AuditEntry[] = []
  const PAGE = 500
  for (let offset = 0; ; offset += PAGE) {
    const { total, entries } = await handle.auditEntries(offset, PAGE)
    found.push(...entries)
    if (offset + PAGE >= total || entries.length === 0) break
  }
  return found.sort((a, b) => a.seq - b.seq)
}

/**
 * An auditor's export of a tenant's trail for a day range: the entries with both hashes, and (in
 * JSON) the verdict on the whole chain and its head hash, so a truncated or edited chain shows even
 * when only part of it is exported. Throws the range's problem in plain words.
 */
export function buildAuditExport(
  all: readonly AuditEntry[],
  options: { tenant: string; range: AuditDayRange; format: AuditExportFormat; generatedAt: string },
): AuditExportFile {
  const problem = auditRangeProblem(options.range)
  if (problem) throw new Error(problem.replace(/^(from|to)\b/, (end) => (end === 'from' ? 'From' : 'To')))
  const entries = entriesInRange(all, options.range)
  const chain = verifyChain(all)
  const head = all.at(-1)?.hash ?? null
  const span = `${options.range.from ?? 'start'}_${options.range.to ?? options.generatedAt.slice(0, 10)}`
  const fileName = `audit-${options.tenant}-${span}.${options.format}`
  const body =
    options.format === 'csv'
      ? auditCsv(entries)
      : `${JSON.stringify(
          {
            tenant: options.tenant,
            ...options.range,
            generatedAt: options.generatedAt,
            chain,
            head,
            entries,
          },
          null,
          2,
        )}\n`
  const verdict = chain.ok
    ? `chain intact (${chain.count} entries), head ${head?.slice(0, 12) ?? '—'}`
    : `chain BROKEN at entry ${chain.index + 1} (${chain.reason})`
  return {
    fileName,
    mediaType: options.format === 'csv' ? 'text/csv' : 'application/json',
    body,
    summary: `Exported ${entries.length} of ${all.length} entries to ${fileName}; ${verdict}.`,
  }
}
