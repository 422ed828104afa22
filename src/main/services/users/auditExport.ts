import { join } from 'node:path'
import { auditRangeProblem, entriesInRange, type AuditEntry, type ChainVerdict } from '../../../shared/audit'
import { DeskError } from '../../../shared/contract'
import { AuditLog } from './auditLog'

export interface AuditRange {
  /** yyyy-mm-dd, inclusive, in UTC. */
  from?: string
  /** yyyy-mm-dd, inclusive (the whole day), in UTC. */
  to?: string
}

export interface AuditExport {
  file: string
  from: string | null
  to: string | null
  /** The whole chain is verified, not only the exported range: a break anywhere is reported. */
  chain: ChainVerdict
  /** The hash of the newest entry: what an auditor writes down to notice a truncated chain later. */
  head: string | null
  entries: AuditEntry[]
}

function range(input: AuditRange) {
  const out = { from: input.from ?? null, to: input.to ?? null }
  const problem = auditRangeProblem(out)
  // The CLI's flags are --from and --to.
  if (problem) throw new DeskError('INVALID_INPUT', problem.replace(/\b(from|to)\b/g, '--$1'))
  return out
}

/** The desk's audit chain (users, lockouts, signatures) for a date range, with the chain's verdict. */
export async function exportAudit(dataDir: string, input: AuditRange = {}): Promise<AuditExport> {
  const { from, to } = range(input)
  const log = new AuditLog(join(dataDir, 'audit', 'desk.jsonl'))
  const all = await log.entries()
  const entries = entriesInRange(all, { from, to })
  return { file: log.file, from, to, chain: await log.verify(), head: all.at(-1)?.hash ?? null, entries }
}
