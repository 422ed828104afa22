import type {
  DocumentRecord,
  EvidenceField,
  RowField,
  ScreeningDetail,
  ScreeningRow,
} from '../../../../shared/contract'
import type { Field } from '../../../../shared/tenders/fields'
import { plainValue } from '../export'
import type { FieldOut, ScreenResult } from '../result'
import type { ScreenedText } from '../../../../shared/tenders/screenText'

export type DetailCore = Omit<ScreeningDetail, 'documentId' | 'name' | 'sha256'>

function rowField(f: FieldOut): RowField {
  return {
    value: f.value,
    normalised: plainValue(f.normalised),
    type: f.normalised.kind,
    label: f.label,
    page: f.page,
    confidence: f.confidence,
  }
}

function evidenceField(f: Field): EvidenceField {
  return {
    ...rowField(f),
    bbox: f.bbox,
    boxes: f.boxes,
    labelBoxes: f.labelBoxes,
    method: f.method,
    ...(f.template ? { template: f.template } : {}),
  }
}

/** The evidence view's share of a screening: every hit with its word indexes, every field with its boxes. */
export function detailCore(screened: ScreenedText): DetailCore {
  return {
    kind: screened.fields.kind,
    profiles: screened.results.map((r) => ({
      profile: r.profile,
      ...(r.category ? { category: r.category } : {}),
      threshold: r.threshold,
      score: r.score,
      relevant: r.relevant,
      reasons: r.reasons,
      vetoedBy: r.vetoedBy,
      missingGroups: r.missingGroups,
      terms: r.terms.map((t) => ({
        term: t.term,
        mode: t.mode,
        weight: t.weight,
        veto: t.veto,
        exclusion: t.exclusion,
        count: t.count,
        points: t.points,
        pages: t.pages,
        hits: t.hits.map((h) => ({
          term: h.term,
          variant: h.variant,
          text: h.text,
          page: h.page,
          bbox: h.bbox,
          boxes: h.boxes,
          words: h.words,
          confidence: h.confidence,
        })),
      })),
    })),
    fields: Object.fromEntries(
      Object.entries(screened.fields.fields).flatMap(([k, f]) => (f ? [[k, evidenceField(f)]] : [])),
    ),
  }
}

export function rowFrom(record: DocumentRecord, summary: ScreenResult): ScreeningRow {
  const failed = record.extraction?.state === 'failed' || summary.error !== undefined
  return {
    documentId: record.id,
    name: record.name,
    sha256: record.sha256,
    importedAt: record.importedAt,
    state: failed && !summary.kind ? 'failed' : summary.kind ? 'screened' : 'pending',
    profile: summary.profile,
    ...(summary.category ? { category: summary.category } : {}),
    score: summary.score,
    relevant: summary.relevant,
    reasons: summary.reasons,
    matches: summary.matches.map(({ term, count, weight, points }) => ({ term, count, weight, points })),
    profiles: summary.profiles.map(({ profile, score, relevant }) => ({ profile, score, relevant })),
    ...(summary.kind ? { kind: summary.kind } : {}),
    fields: Object.fromEntries(Object.entries(summary.fields).map(([k, f]) => [k, rowField(f)])),
    ...(summary.error ? { error: summary.error } : {}),
  }
}

/** A document with no screening (not read yet, or its reading failed) still gets its row. */
export function emptySummary(
  record: DocumentRecord,
  error?: { code: string; message: string },
): ScreenResult {
  return {
    file: record.name,
    sha256: record.sha256,
    score: 0,
    relevant: false,
    profile: null,
    matches: [],
    reasons: [],
    fields: {},
    profiles: [],
    ...(error ? { error } : {}),
  }
}
