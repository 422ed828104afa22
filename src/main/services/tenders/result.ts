import type { ExtractedFields, Field } from '../../../shared/tenders/fields'
import type { ProfileResult } from '../../../shared/tenders/screening'

/** A field as the CLI and exports show it (boxes and method kept for the evidence view). */
export type FieldOut = Pick<
  Field,
  'value' | 'normalised' | 'page' | 'bbox' | 'confidence' | 'label' | 'method'
>

export interface ScreenResult {
  file: string
  sha256?: string
  /** The best profile's score and verdict (relevant first, then by score). */
  score: number
  relevant: boolean
  profile: string | null
  category?: string
  matches: { term: string; count: number; pages: number[]; weight: number; points: number; veto: boolean }[]
  reasons: string[]
  kind?: ExtractedFields['kind']
  fields: Record<string, FieldOut>
  /** Every profile's verdict, for a document screened against several. */
  profiles: { profile: string; score: number; relevant: boolean; reasons: string[] }[]
  pages?: number
  error?: { code: string; message: string }
}

export function fieldOut(field: Field): FieldOut {
  const { value, normalised, page, bbox, confidence, label, method } = field
  return { value, normalised, page, bbox, confidence, label, method }
}

/** Highest score first; failed documents last, by name so the output is stable. */
export function sortResults(results: ScreenResult[]): ScreenResult[] {
  return results.sort(
    (a, b) =>
      Number(Boolean(a.error)) - Number(Boolean(b.error)) ||
      b.score - a.score ||
      Number(b.relevant) - Number(a.relevant) ||
      a.file.localeCompare(b.file),
  )
}

export function summarise(
  file: string,
  sha256: string,
  ranked: ProfileResult[],
  fields: ExtractedFields,
  pages: number,
): ScreenResult {
  const best = ranked[0]
  return {
    file,
    sha256,
    score: best?.score ?? 0,
    relevant: best?.relevant ?? false,
    profile: best?.profile ?? null,
    ...(best?.category ? { category: best.category } : {}),
    matches: (best?.terms ?? []).map((t) => ({
      term: t.term,
      count: t.count,
      pages: t.pages,
      weight: t.weight,
      points: t.points,
      veto: t.veto,
    })),
    reasons: best?.reasons ?? [],
    kind: fields.kind,
    fields: Object.fromEntries(Object.entries(fields.fields).map(([k, f]) => [k, fieldOut(f)])),
    profiles: ranked.map((r) => ({
      profile: r.profile,
      score: r.score,
      relevant: r.relevant,
      reasons: r.reasons,
    })),
    pages,
  }
}
