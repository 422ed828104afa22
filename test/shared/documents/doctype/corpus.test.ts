import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { DocumentPipeline, TextCache } from '../../../../src/main/services/pipeline'
import { classifyByCues, type DocType } from '../../../../src/shared/documents/doctype'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'

/** Real documents of the shared corpus (MANIFEST.tsv), read as the desk reads them, with their true type. */
const CASES: [string, DocType][] = [
  ['coa_balchem_Mg-bisglycinate-buffered_BN19000000015.pdf', 'coa'],
  ['coa_balchem_Zn-bisglycinate-SF_BN12000005720.pdf', 'coa'],
  ['spec_nutrisol_boron-citrate.pdf', 'specification'],
  ['spec_northeastpharm_ascorbic-acid_PDS.pdf', 'specification'],
  ['spec_dsm_dl-alpha-tocopherol.pdf', 'specification'],
  ['tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf', 'tender'],
  ['tender_gem_GEM-2026-B-7439924_rockwool.pdf', 'tender'],
  ['tender_cppp_eprocure_2025_WBNPI_883395_1.pdf', 'tender'],
  ['tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf', 'tender'],
  ['tender_ireps_railways_eauction-conditions_EMD-circular.pdf', 'tender'],
  ['sroie_100.jpg', 'invoice'],
  ['ocrmypdf_linn.pdf', 'other'],
  ['tess_phototest.tif', 'other'],
  ['tjs_bill.png', 'other'],
]

let pipeline: DocumentPipeline
// Read once per machine: the corpus does not change, and OCR of the scans is the slow part.
const cache = new TextCache(join(tmpdir(), 'pebble-doctype-corpus-text'))
beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 2 })
})
afterAll(() => pipeline.close())

describe('classifyByCues on the shared corpus', () => {
  it.each(CASES)('%s is typed %s', { timeout: 600_000 }, async (name, expected) => {
    const path = corpusFile(name)
    const { sha256, mediaType } = await identifyFile(path, 512 * 1024 * 1024)
    const text = await pipeline.extract({ path, file: name, sha256, mediaType, cache })
    const result = classifyByCues(text.pages.map((p) => p.text).join('\n'))
    expect(result.type, JSON.stringify(result.cues)).toBe(expected)
    if (expected !== 'other') expect(result.confidence).toBeGreaterThan(0.2)
  })
})
