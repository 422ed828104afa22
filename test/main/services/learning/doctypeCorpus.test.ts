import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openDeskCore, type DeskCore } from '../../../../src/main/services/core/deskCore'
import { classifyFiles, defaultDoctypeModelPath } from '../../../../src/main/services/learning'
import { builtDocumentWorker, REPO_ROOT } from '../../../support/builtApp'
import { CORPUS_DIR } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'

/**
 * Real documents the shipped model was not trained on (it learns from generated documents only:
 * npm run train:doctype). Types as a person files them; the OCR test pages are `other`.
 */
const TRUTH: Record<string, string> = {
  'coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf': 'coa',
  'coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf': 'coa',
  'spec_dsm_dl-alpha-tocopherol.pdf': 'specification',
  'spec_northeastpharm_ascorbic-acid_PDS.pdf': 'specification',
  'spec_nutrisol_boron-citrate.pdf': 'specification',
  'tender_cppp_eprocure_2025_WBNPI_883395_1.pdf': 'tender',
  'tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf': 'tender',
  'tender_gem_GEM-2026-B-7439924_rockwool.pdf': 'tender',
  'tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf': 'tender',
  'tender_ireps_railways_eauction-conditions_EMD-circular.pdf': 'tender',
  'ocrmypdf_epson.pdf': 'other',
  'ocrmypdf_linn.pdf': 'other',
  'ocrmypdf_c02-22.pdf': 'other',
}

const tempDir = useTempDirs()
let core: DeskCore
beforeAll(async () => {
  core = await openDeskCore({ dataDir: tempDir(), workerScript: builtDocumentWorker() })
})
afterAll(async () => core.close())

it('types real COAs, specifications, tenders and other pages it never saw, 95% or better', async () => {
  const files = Object.keys(TRUTH).map((name) => join(CORPUS_DIR, name))
  const { model, results } = await classifyFiles(
    core,
    files,
    defaultDoctypeModelPath(join(REPO_ROOT, 'models')),
  )
  const rows = results.map((r) => {
    const name = r.file.split('/').pop() ?? r.file
    return { name, want: TRUTH[name], got: r.docType ?? r.error?.message, confidence: r.confidence }
  })
  console.table(rows)
  const right = rows.filter((r) => r.want === r.got).length
  console.log(`${model.version}: ${right}/${rows.length} right`)
  expect(right / rows.length).toBeGreaterThanOrEqual(0.95)
}, 300_000)
