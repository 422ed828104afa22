import type { CoaRecord, CoaStatus, SignatureMeaning } from '../../db'

export interface SignRules {
  /** Tenant setting: someone who edited values cannot be the only approver. */
  secondPerson: boolean
  /** Parameters that fail their specification after edits (approval is refused while any do). */
  failing: string[]
}

export type SignOutcome = { ok: true; status: CoaStatus; note?: string } | { ok: false; reason: string }

const unique = (xs: string[]): string[] => [...new Set(xs)]

/** What a signature would do to the record, or why it is refused. Pure, so the rules are testable. */
export function signatureOutcome(
  record: Pick<CoaRecord, 'status' | 'report' | 'edits' | 'signatures'>,
  signer: string,
  meaning: SignatureMeaning,
  rules: SignRules,
): SignOutcome {
  if (record.status === 'approved' || record.status === 'rejected')
    return { ok: false, reason: `This record is already ${record.status}; a signed record is closed.` }
  if (!record.report) return { ok: false, reason: 'Run the check against a specification before signing.' }
  if (record.signatures.some((s) => s.signer === signer && s.meaning === meaning))
    return { ok: false, reason: `${signer} has already signed this record as ${meaning}.` }
  if (meaning === 'reviewed') return { ok: true, status: record.status }
  if (meaning === 'rejected') return { ok: true, status: 'rejected' }
  if (rules.failing.length > 0)
    return {
      ok: false,
      reason: `Cannot approve: ${rules.failing.join(', ')} ${rules.failing.length === 1 ? 'is' : 'are'} out of specification. Reject the batch, or correct a value that was misread.`,
    }
  const editors = new Set(record.edits.map((e) => e.by))
  const approvers = unique([
    ...record.signatures.filter((s) => s.meaning === 'approved').map((s) => s.signer),
    signer,
  ])
  if (rules.secondPerson && approvers.every((a) => editors.has(a))) {
    return {
      ok: true,
      status: record.status,
      note: `${approvers.join(', ')} edited values, so a second person who did not edit them must also approve.`,
    }
  }
  return { ok: true, status: 'approved' }
}

/**
 * Whose work an approval or rejection verifies, for the desk's second-person rule: the last person
 * who corrected a value, else whoever ran the check. Undefined for a record checked before the
 * desk kept who ran checks (the desk then applies the role rule alone).
 */
export function workAuthor(record: Pick<CoaRecord, 'edits' | 'checkedBy'>): string | undefined {
  return record.edits.at(-1)?.by ?? record.checkedBy
}
