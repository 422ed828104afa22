import { describe, expect, test } from 'vitest'
import { parseSpecification } from '../../../../src/shared/qc'
import { learnTemplate, supplierKey, type LayoutTemplate } from '../../../../src/shared/qc/templates'
import type { CoaReport } from '../../../../src/main/services/qc'
import { generateCoa } from '../../../support/documents/coa/generate'
import { readTextCoa } from '../../../support/documents/coa/readText'
import { typicalValueCoa, type TypicalCoa } from './typical-layout'

const read = (coa: TypicalCoa, templates?: LayoutTemplate[]) =>
  readTextCoa({ pdf: coa.pdf, spec: coa.spec, truth: { today: coa.today } }, 'typical.pdf', templates)

/** Parameters whose result, as read, is not the batch's own result printed on the COA. */
function misread(report: CoaReport, coa: TypicalCoa): string[] {
  return report.parameters
    .filter(
      (p) =>
        p.result !== coa.truth.get(p.specName)?.result || p.verdict !== coa.truth.get(p.specName)?.verdict,
    )
    .map((p) => `${p.specName}: read ${p.result} ${p.verdict}, printed ${coa.truth.get(p.specName)?.result}`)
}

/** What a technician does on the review screen: "the result is the 'Batch Result' column". */
function teach(report: CoaReport, recordId: string): LayoutTemplate {
  const table = report.extraction.tables[0]!
  const column = table.columns.findIndex((c) => c.label === 'Batch Result')
  return learnTemplate({
    id: 'tpl-1',
    supplier: report.supplier!,
    table,
    roles: new Map([[column, 'result']]),
    parameters: [],
    learnedFrom: { recordId, batch: report.batch ?? '' },
    learnedBy: 'Asha',
    learnedAt: '2026-12-05T10:00:00.000Z',
  })
}

describe('a layout learned from one correction', () => {
  test('the next COA of that supplier and layout is read right; others are not touched', async () => {
    const first = await typicalValueCoa(3)
    const before = await read(first)
    // The reader takes "Typical Value" for the result: copper 9.41 (a fail) is read as a pass.
    expect(misread(before, first).length).toBeGreaterThan(0)
    const template = teach(before, 'rec-1')
    expect(template.columns.map((c) => c.role)).toEqual(['name', 'method', 'other', 'result', 'spec'])

    const again = await read(first, [template])
    expect(misread(again, first)).toEqual([])
    expect(again.verdict).toBe('fail')

    // Another batch, other values, printed a little to the right: read right, and says how.
    const next = await typicalValueCoa(4, undefined, 9)
    expect(misread(await read(next), next).length).toBeGreaterThan(0)
    const taught = await read(next, [template])
    expect(misread(taught, next)).toEqual([])
    expect(taught.template).toMatchObject({ recordId: 'rec-1', learnedAt: '2026-12-05T10:00:00.000Z' })
    expect(taught.template?.changes).toContain('result read from "Batch Result"')

    // The same layout from another supplier is not read with this supplier's template.
    const other = await typicalValueCoa(4, 'Gujarat Alkalies and Chemicals Ltd.')
    const untouched = await read(other, [template])
    expect(untouched.template).toBeUndefined()
    expect(misread(untouched, other).length).toBeGreaterThan(0)
  }, 60_000)

  test("another of the supplier's layouts is not read with the template", async () => {
    const template = teach(await read(await typicalValueCoa(1)), 'rec-1')
    const grid = await generateCoa('grid-sno-spec', 1)
    const plain = await readTextCoa(grid, 'grid.pdf')
    // The grid's supplier taught the typical-value layout: its grid COAs stay as the reader reads them.
    const own = { ...template, supplier: plain.supplier!, supplierKey: supplierKey(plain.supplier!) }
    const report = await readTextCoa(grid, 'grid.pdf', [own])
    expect(report.template).toBeUndefined()
    expect(report.parameters).toEqual(plain.parameters)
  }, 60_000)

  test('a parameter mapped to its specification row is matched to it on the next COA', async () => {
    const coa = await typicalValueCoa(2)
    // This lab's specification calls iron "Fe content": no name the reader could match.
    const input = {
      ...coa.specInput,
      parameters: coa.specInput.parameters.map((p) =>
        p.name === 'Iron (as Fe)' ? { ...p, name: 'Fe content', aliases: [] } : p,
      ),
    }
    const parsed = parseSpecification(input)
    if (!parsed.ok) throw new Error('specification')
    const lab = { ...coa, spec: parsed.compiled }
    const before = await read(lab)
    expect(before.parameters.find((p) => p.specName === 'Fe content')?.result).toBeUndefined()
    const template = learnTemplate({
      id: 'tpl-2',
      supplier: before.supplier!,
      table: before.extraction.tables[0]!,
      roles: new Map([[3, 'result']]),
      parameters: [{ coaName: 'Iron (as Fe)', specName: 'Fe content' }],
      learnedFrom: { recordId: 'rec-2', batch: before.batch ?? '' },
      learnedBy: 'Asha',
      learnedAt: '2026-12-05T10:00:00.000Z',
    })
    const after = await read(lab, [template])
    expect(after.template?.changes).toContain('"Iron (as Fe)" read as specification row "Fe content"')
    expect(after.parameters.find((p) => p.specName === 'Fe content')?.result).toBe(
      coa.truth.get('Iron (as Fe)')?.result,
    )
  }, 60_000)
})
