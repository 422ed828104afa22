import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocumentPipeline } from '../../../../src/main/services/pipeline'
import { extractFields } from '../../../../src/shared/tenders/fields'
import { identifyFile } from '../../../../src/main/services/documents/intake'
import { builtDocumentWorker } from '../../../support/builtApp'
import { corpusFile } from '../../../support/corpus'
import { DEVELOPMENT, generateBids } from '../../../support/documents/bids'
import { useTempDirs } from '../../../support/tempDir'
import { accuracyTable, emptyTally, tallyBid, type Tally } from './bidAccuracy'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'

/**
 * Bid key fields on the DEVELOPMENT layouts (gem-bid, nit-notice, corrigendum), text PDFs read by
 * the document worker as the desk reads them. This is the set the extractor is improved against;
 * the held-out layouts are only scored, in heldout.test.ts.
 */
const PER_LAYOUT = 4

let pipeline: DocumentPipeline
beforeAll(() => {
  pipeline = new DocumentPipeline({ workerScript: builtDocumentWorker(), workers: 1 })
})
afterAll(() => pipeline.close())
const tempDir = useTempDirs()

describe('bid key fields on the development layouts (text PDFs)', () => {
  it('reads number, end date, organisation, quantity, EMD and item from every layout', async () => {
    const dir = tempDir()
    const rows: { layout: string; source: string; tally: Tally }[] = []
    const all = emptyTally()
    for (const [i, layout] of DEVELOPMENT.entries()) {
      const tally = emptyTally()
      for (const bid of await generateBids(layout, PER_LAYOUT, 100 + i)) {
        const path = join(dir, `${bid.id}.pdf`)
        writeFileSync(path, bid.pdf)
        const sha256 = createHash('sha256').update(bid.pdf).digest('hex')
        const text = await pipeline.extract({ path, file: path, sha256, mediaType: 'application/pdf' })
        const { fields } = extractFields(text.pages)
        tallyBid(tally, bid.id, bid.truth, fields)
        tallyBid(all, bid.id, bid.truth, fields)
      }
      rows.push({ layout: layout.name, source: 'text', tally })
    }
    rows.push({ layout: 'all development', source: 'text', tally: all })
    console.log(`${accuracyTable(rows)}\n${all.misses.join('\n')}`)
    expect(all.right / all.total).toBeGreaterThanOrEqual(0.98)
  }, 120_000)

  it("reads a real state PSU RFQ (GSECL Wanakbori, the corpus): number, buyer and the work's name under its heading", async () => {
    const path = corpusFile('tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf')
    const { sha256, mediaType } = await identifyFile(path, 512 * 1024 * 1024)
    const text = await pipeline.extract({ path, file: path, sha256, mediaType })
    const { fields } = extractFields(text.pages)
    expect(fields.bidNumber?.value).toBe('75810')
    expect(fields.bidNumber?.label).toBe('RFQ No')
    expect(fields.organisation?.value).toBe('Gujarat State Electricity Corporation Limited')
    expect(fields.title?.value).toMatch(
      /^Supply and application of mineral wool insulation .* AOH of Unit No\. 8\.$/,
    )
  }, 120_000)
})
