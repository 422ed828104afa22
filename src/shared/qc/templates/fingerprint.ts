import { foldText } from '../text'
import type { LayoutFingerprint } from './schema'

/** The part of an extracted table a fingerprint looks at (the contract's DTO has the same shape). */
export interface TableLike {
  columns: readonly { label: string; x0: number; x1: number; role?: string }[]
}

/** How far (fraction of the table's width) a column's centre may move and still be the same layout. */
export const CENTRE_TOLERANCE = 0.06

const COMPANY_WORDS = /\b(pvt|private|ltd|limited|llp|inc|co|company|corp|corporation|industries|the|m s)\b/g

/** A supplier name in the form templates are keyed on: "M/s. Shree Chem Pvt. Ltd." → "shree chem". */
export function supplierKey(name: string): string {
  return foldText(name).replace(COMPANY_WORDS, ' ').replace(/\s+/g, ' ').trim()
}

/**
 * A results table's layout: its header words and where its columns sit relative to the table's
 * own edges, so the same template printed a little to the left, or scanned at another resolution,
 * has the same fingerprint. Deterministic: the same table always gives the same value.
 */
export function layoutFingerprint(table: TableLike): LayoutFingerprint {
  const left = Math.min(...table.columns.map((c) => c.x0))
  const right = Math.max(...table.columns.map((c) => c.x1))
  const width = right - left
  return {
    key: table.columns.map((c) => foldText(c.label)).join(' | '),
    centres: table.columns.map((c) =>
      width > 0 ? Math.round((((c.x0 + c.x1) / 2 - left) / width) * 1000) / 1000 : 0,
    ),
  }
}

/** Same header words in the same order, and every column within CENTRE_TOLERANCE of where it was. */
export function sameLayout(a: LayoutFingerprint, b: LayoutFingerprint): boolean {
  return (
    a.key === b.key &&
    a.centres.length === b.centres.length &&
    a.centres.every((c, i) => Math.abs(c - b.centres[i]!) <= CENTRE_TOLERANCE)
  )
}
