import { describe, expect, test } from 'vitest'
import {
  layoutFingerprint,
  learnTemplate,
  matchTemplate,
  sameLayout,
  supplierKey,
} from '../../../../src/shared/qc/templates'

const table = (shift: number, scale = 1, labels = ['Parameter', 'Method', 'Typical Value', 'Result']) => ({
  columns: labels.map((label, i) => ({
    label,
    x0: (100 + i * 120) * scale + shift,
    x1: (200 + i * 120) * scale + shift,
  })),
})

describe('layout fingerprint', () => {
  test('is the same value every time for the same table', () => {
    expect(layoutFingerprint(table(0))).toEqual(layoutFingerprint(table(0)))
    expect(layoutFingerprint(table(0)).key).toBe('parameter | method | typical value | result')
  })

  test('a table printed further right, or scanned at another resolution, is the same layout', () => {
    expect(sameLayout(layoutFingerprint(table(0)), layoutFingerprint(table(37)))).toBe(true)
    expect(sameLayout(layoutFingerprint(table(0)), layoutFingerprint(table(12, 4.17)))).toBe(true)
  })

  test('other header words, another column order or a column moved far are another layout', () => {
    const base = layoutFingerprint(table(0))
    expect(
      sameLayout(base, layoutFingerprint(table(0, 1, ['Parameter', 'Method', 'Result', 'Typical Value']))),
    ).toBe(false)
    expect(
      sameLayout(base, layoutFingerprint(table(0, 1, ['Test', 'Method', 'Typical Value', 'Result']))),
    ).toBe(false)
    const moved = table(0)
    moved.columns[2] = { ...moved.columns[2]!, x0: 250, x1: 300 }
    expect(sameLayout(base, layoutFingerprint(moved))).toBe(false)
  })

  test('supplier names are keyed without company words, case or punctuation', () => {
    expect(supplierKey('M/s. VARDHMAN FINE CHEMICALS PVT. LTD.')).toBe('vardhman fine chemicals')
    expect(supplierKey('Vardhman Fine Chemicals Private Limited')).toBe('vardhman fine chemicals')
    expect(supplierKey('Gujarat Alkalies Ltd')).not.toBe(supplierKey('Vardhman Fine Chemicals'))
  })
})

describe('which template a COA is read with', () => {
  const learned = (supplier: string, at: string, id = at) =>
    learnTemplate({
      id,
      supplier,
      table: { columns: table(0).columns.map((c) => ({ ...c, role: 'other' })) },
      roles: new Map([[3, 'result']]),
      parameters: [],
      learnedFrom: { recordId: 'r', batch: 'B1' },
      learnedBy: 'Asha',
      learnedAt: at,
    })
  const vardhman = learned('Vardhman Fine Chemicals Pvt. Ltd.', '2026-12-01T10:00:00.000Z')

  test("the supplier's own name misread by OCR by a letter still finds it", () => {
    expect(matchTemplate('VARDHMAN F1NE CHEMICALS PVT LTD', [table(5)], [vardhman])?.id).toBe(vardhman.id)
  })

  test('another supplier, no supplier read, or no table finds none', () => {
    expect(matchTemplate('Vardhan Pharma Ltd.', [table(0)], [vardhman])).toBeUndefined()
    expect(matchTemplate(undefined, [table(0)], [vardhman])).toBeUndefined()
    expect(matchTemplate('Vardhman Fine Chemicals', [], [vardhman])).toBeUndefined()
  })

  test('the newest of two templates for the same layout wins', () => {
    const newer = learned('Vardhman Fine Chemicals', '2026-12-03T10:00:00.000Z')
    expect(matchTemplate('Vardhman Fine Chemicals', [table(0)], [vardhman, newer])?.id).toBe(newer.id)
  })
})
