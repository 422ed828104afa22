import type { CoaExtraction } from './coa'

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'review' | 'skipped'

/** A check reported beside the verdict (batch, expiry, stamp, skew). */
export interface CoaCheck {
  name: string
  status: CheckStatus
  detail: string
  /** Whether this check's status is folded into the overall verdict. */
  affectsVerdict: boolean
}

/**
 * Batch numbers compared as a person would: case, spaces, dashes and slashes ignored, and the
 * letters OCR confuses with digits (O/0, I/l/1, S/5, B/8) treated as equal.
 */
export function normaliseBatch(batch: string): string {
  return batch
    .toUpperCase()
    .replace(/[\s\-_/.:#]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/S/g, '5')
    .replace(/B(?=\d)|(?<=\d)B/g, '8')
}

export function checkBatch(extraction: CoaExtraction, expected: string | undefined): CoaCheck {
  const found = extraction.fields.batch
  if (expected === undefined || expected.trim() === '') {
    return {
      name: 'batch',
      status: 'skipped',
      detail: found
        ? `COA batch ${found.text}; no batch entered at intake to compare`
        : 'no batch entered at intake',
      affectsVerdict: false,
    }
  }
  if (!found) {
    return {
      name: 'batch',
      status: 'review',
      detail: `no batch number found on the COA (expected ${expected})`,
      affectsVerdict: true,
    }
  }
  const same = normaliseBatch(found.text) === normaliseBatch(expected)
  return same
    ? {
        name: 'batch',
        status: 'pass',
        detail: `COA batch ${found.text} matches ${expected}`,
        affectsVerdict: true,
      }
    : {
        name: 'batch',
        status: 'fail',
        detail: `COA batch ${found.text} does not match the batch received, ${expected}`,
        affectsVerdict: true,
      }
}

/** `today` is an ISO date (yyyy-mm-dd) in the desk's time zone; the caller owns the clock. */
export function checkExpiry(extraction: CoaExtraction, today: string, warnDays = 30): CoaCheck {
  const expiry = extraction.fields.expiry
  if (!expiry)
    return {
      name: 'expiry',
      status: 'review',
      detail: 'no expiry or retest date found on the COA',
      affectsVerdict: true,
    }
  if (!expiry.date) {
    return {
      name: 'expiry',
      status: 'review',
      detail: `expiry "${expiry.text}" is not a date the desk can read`,
      affectsVerdict: true,
    }
  }
  const days = Math.round((Date.parse(expiry.date) - Date.parse(today)) / 86_400_000)
  if (days < 0)
    return {
      name: 'expiry',
      status: 'fail',
      detail: `expired on ${expiry.date} (${-days} days before ${today})`,
      affectsVerdict: true,
    }
  if (days <= warnDays) {
    return {
      name: 'expiry',
      status: 'warn',
      detail: `expires on ${expiry.date}, in ${days} days`,
      affectsVerdict: false,
    }
  }
  return {
    name: 'expiry',
    status: 'pass',
    detail: `expires on ${expiry.date}, in ${days} days`,
    affectsVerdict: true,
  }
}
