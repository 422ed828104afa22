import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { assessCoa, type CoaReport } from '../../../../src/main/services/qc'
import { parseSpecification, type CompiledSpec, type SpecificationInput } from '../../../../src/shared/qc'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'

/** [test description, method, units, min, max, result] as printed, typed from the PDFs by eye. */
type Row = [string, string, string, string, string, string]

const COMMON_TAIL: Row[] = [
  ['QCL-FTIR(Pass)-FTIR', 'FTIR - QC WI (Q 36)', '', '', '', 'Pass'],
  ['QCL-Color-Visual', 'Color - QC WI (Q 26)', '', '', '', 'Pass'],
]
const MICRO: Row[] = [
  ['QCL-TAM-Micros', 'Total Aerobic Microbial Count - USP <2021>', 'cfu/g', '', '1,000', '<100'],
  ['QCL - Mold Yeast', 'Molds and Yeasts Count - USP <2021>', 'cfu/g', '', '100', '<10'],
  ['QCL-Bacillus cereus', 'B. cereus - QC WI (Q 170) - Absence per 10 g', '', '', '', 'Pass'],
  ['QCL-Enterobacterial', 'Enterobacterial Count - USP <2021>', 'cfu/g', '', '100', '<100'],
  ['QCL-E.coli-Micros', 'E. coli - USP <2022> - Absence per 10 g', '', '', '', 'Pass'],
  ['QCL-Salmonella', 'Salmonella - USP <2022> - Absence per 10 g', '', '', '', 'Pass'],
  ['QCL-Staph aureus', 'S. aureus - USP <2022> - Absence per 10 g', '', '', '', 'Pass'],
]

const ZINC: Row[] = [
  ['QCL-Zn(%..)-ICP1', 'Zinc - QC WI (Q 100)', '%_0', '20', '', '22'],
  ['QCL-As(ppm)-ICPMS', 'Arsenic - QC WI (Q 54)', 'ppm_', '', '1.50', '<0.05'],
  ['QCL-Cd(ppm)-ICPMS', 'Cadmium - QC WI (Q 54)', 'ppm_', '', '1.00', '0.21'],
  ['QCL-Hg(ppm)-ICPMS', 'Mercury - QC WI (Q 54)', 'ppm_', '', '0.10', '<0.05'],
  ['QCL-Pb(ppm)-ICPMS', 'Lead - QC WI (Q 54)', 'ppm_', '', '3.00', '1.86'],
  ['QCL-N(%)-LECO', 'Nitrogen - QC WI (Q 93)', '%', '10.00', '12.50', '12.00'],
  ...COMMON_TAIL,
  ['QCL-TapDen(g per cc)', 'Tap Density - QC WI (Q 25)', 'g/cc', '0.90', '', '0.99'],
  ['QCL-pH-pH', 'pH - QC WI (Q 24)', 'pH_1', '6.5', '8.0', '7.2'],
  ['QCL-Moisture-LOD(%)', 'Loss on drying - QC WI (Q 23)', '%.', '', '6.0', '2.7'],
  ...MICRO,
]

const MAGNESIUM: Row[] = [
  ['QCL-Mg(%..)-ICP1', 'Magnesium - QC WI (Q 100)', '%_0', '18', '', '20'],
  ['QCL-As(ppm)-ICPMS', 'Arsenic - QC WI (Q 54)', 'ppm_', '', '1.50', '<0.05'],
  ['QCL-Cd(ppm)-ICPMS', 'Cadmium - QC WI (Q 54)', 'ppm_', '', '0.50', '<0.05'],
  ['QCL-Hg(ppm)-ICPMS', 'Mercury - QC WI (Q 54)', 'ppm_', '', '0.10', '<0.05'],
  ['QCL-Pb(ppm)-ICPMS', 'Lead - QC WI (Q 54)', 'ppm_', '', '1.50', '<0.05'],
  ['QCL-N(%)-LECO', 'Nitrogen - QC WI (Q 93)', '%', '8.50', '10.50', '9.88'],
  ...COMMON_TAIL,
  ['QCL-TapDen(g per cc)', 'Tap Density - QC WI (Q 25)', 'g/cc', '0.70', '', '0.97'],
  ['QCL-pH-pH', 'pH - QC WI (Q 24)', 'pH_1', '10.0', '11.0', '10.5'],
  ['QCL-Moisture-LOD(%)', 'Loss on drying - QC WI (Q 23)', '%.', '', '7.0', '3.9'],
  ...MICRO,
]

/** Compared as a person reads: spacing and the OCR's "% 0" for "%_0" are not differences. */
const squash = (s: string) => s.replace(/[\s_]+/g, '')

type Tighten = Record<string, { min?: number; max?: number }>

/** A specification written from the COA's own Min/Max columns (names from the Method column). */
function specFrom(product: string, rows: Row[], tighten: Tighten = {}): CompiledSpec {
  const input: SpecificationInput = {
    product,
    version: 1,
    parameters: rows.map(([, method, unit, min, max, result]) => {
      const name = method.split(' - ')[0]!
      const t = tighten[name]
      const u = unit.replace(/[_.]\d?$/, '').replace(/_$/, '')
      if (t) return { name, ...(u && u !== 'pH' ? { unit: u } : {}), ...t }
      if (min || max)
        return {
          name,
          ...(u && u !== 'pH' ? { unit: u } : {}),
          limit: min && max ? `${min} - ${max}` : min ? `NLT ${min}` : `NMT ${max}`,
        }
      return { name, limit: result === 'Pass' && method.includes('Absence') ? 'Absent in 10 g' : 'Pass' }
    }),
  }
  const parsed = parseSpecification(input)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.compiled
}

let pipeline: DocumentPipeline
beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 2 })
})
afterAll(() => pipeline.close())

async function read(name: string) {
  const path = corpusFile(name)
  const { sha256, mediaType } = await identifyFile(path, 64 * 1024 * 1024)
  const text = await pipeline.extract({ path, file: path, sha256, mediaType })
  const images = await pipeline.grayPages({ path, file: path, mediaType, pages: [1] })
  return (spec?: CompiledSpec, batch?: string): CoaReport =>
    assessCoa({
      file: path,
      text,
      images,
      today: '2025-06-01',
      ...(spec ? { spec } : {}),
      ...(batch ? { expectedBatch: batch } : {}),
    })
}

describe.each([
  {
    file: 'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf',
    product: 'Zinc Bisglycinate Chelate SF',
    code: '03507-XX-KG0025',
    batch: 'BN12000005720',
    manufactured: '2025-01-14',
    expiry: '2028-01-14',
    rows: ZINC,
    tighten: { Lead: { max: 1.5 }, Zinc: { min: 23 }, Cadmium: { max: 0.2 } } as Tighten,
    failing: ['Lead', 'Zinc', 'Cadmium'],
    sentence: 'Lead 1.86 ppm exceeds max 1.5 ppm',
  },
  {
    file: 'coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf',
    product: 'Magnesium Bisglycinate Chelate Buffered',
    code: '03451-GF-KG0025',
    batch: 'BN19000000015',
    manufactured: '2024-12-19',
    expiry: '2027-12-19',
    rows: MAGNESIUM,
    tighten: {
      Nitrogen: { min: 9.9, max: 10.5 },
      'Loss on drying': { max: 3.5 },
      'Tap Density': { min: 1.0 },
    },
    failing: ['Nitrogen', 'Loss on drying', 'Tap Density'],
    sentence: 'Loss on drying 3.9 % exceeds max 3.5 %',
  },
])('real COA $file (OCR)', (c) => {
  let check: Awaited<ReturnType<typeof read>>
  beforeAll(async () => {
    check = await read(c.file)
  }, 120_000)

  it('extracts every row of the results table and the header fields', () => {
    const report = check()
    expect(report.extraction.tables).toHaveLength(1)
    const got = report.rows.map((r) =>
      [r.cells.name, r.cells.method, r.cells.unit, r.cells.min, r.cells.max, r.cells.result].map((cell) =>
        squash(cell?.text ?? ''),
      ),
    )
    expect(got).toEqual(c.rows.map((r) => r.map(squash)))
    for (const row of report.rows) {
      const result = row.cells.result!
      expect(result.page).toBe(1)
      expect(result.bbox[2]).toBeGreaterThan(result.bbox[0])
      expect(result.confidence).toBeGreaterThan(60)
    }
    expect(report.product).toBe(c.product)
    expect(report.productCode).toBe(c.code)
    expect(report.batch).toBe(c.batch)
    expect(report.manufactured).toBe(c.manufactured)
    expect(report.expiry).toBe(c.expiry)
  })

  it('passes against a specification written from its own Min/Max columns', () => {
    const report = check(specFrom(c.product, c.rows), c.batch)
    expect(report.parameters.map((p) => [p.specName, p.verdict])).toEqual(
      c.rows.map(([, m]) => [m.split(' - ')[0], 'pass']),
    )
    expect(report.verdict).toBe('pass')
    expect(report.checks.find((x) => x.name === 'batch')?.status).toBe('pass')
    expect(report.checks.find((x) => x.name === 'stamp-or-signature')?.status).toBe('warn')
  })

  it('fails exactly the tightened parameters, with a sentence', () => {
    const report = check(specFrom(c.product, c.rows, c.tighten))
    expect(report.verdict).toBe('fail')
    expect(
      report.parameters
        .filter((p) => p.verdict === 'fail')
        .map((p) => p.specName)
        .sort(),
    ).toEqual([...c.failing].sort())
    expect(report.parameters.filter((p) => p.verdict !== 'fail').every((p) => p.verdict === 'pass')).toBe(
      true,
    )
    expect(report.parameters.map((p) => p.reason)).toContain(c.sentence)
  })

  it('flags a batch that is not the one received', () => {
    const report = check(specFrom(c.product, c.rows), 'BN99999999999')
    expect(report.verdict).toBe('fail')
    expect(report.checks.find((x) => x.name === 'batch')?.status).toBe('fail')
  })

  it('goes to review without a specification', () => {
    expect(check().verdict).toBe('review')
  })
})
