import type { ScreeningRow } from '../../../src/shared/contract'

const hex = (n: number) => n.toString(16).padStart(64, '0')

export function row(
  i: number,
  extra: Partial<ScreeningRow> = {},
  fields: ScreeningRow['fields'] = {},
): ScreeningRow {
  return {
    documentId: `doc-${i}`,
    name: `bid-${String(i).padStart(5, '0')}.pdf`,
    sha256: hex(i + 1),
    importedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
    state: 'screened',
    profile: i % 2 === 0 ? 'Insulation' : 'Pumps',
    score: i % 100,
    relevant: i % 100 >= 5,
    reasons: [],
    matches: [{ term: 'rock wool', count: 1, weight: 5, points: 5 }],
    profiles: [{ profile: i % 2 === 0 ? 'Insulation' : 'Pumps', score: i % 100, relevant: true }],
    kind: 'gem',
    fields,
    ...extra,
  }
}

export const field = (normalised: string, type: 'text' | 'date-time' = 'text') => ({
  value: normalised,
  normalised,
  type,
  label: 'x',
  page: 1,
  confidence: 0.9,
})
