import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEVELOPMENT, generateBids, HELD_OUT, type GeneratedBid } from '../../../support/documents/bids'
import { useTempDirs } from '../../../support/tempDir'
import {
  accuracyTable,
  emptyTally,
  scanLookFor,
  openBidCore,
  scannedFirstPage,
  writeScannedFirstPage,
  screenBids,
  tallyBid,
  type Tally,
} from './bidAccuracy'

/**
 * Issue 14's bid target, measured on the HELD-OUT layouts only (cppp-grid, numbered-notice,
 * bilingual-table, triple-grid; see test/support/documents/bids/index.ts). The extractor was
 * developed on the DEVELOPMENT layouts (development.test.ts, development-scans.test.ts) and is
 * never tuned on these. Every document goes through the desk's own path, screenDocuments over a
 * DeskCore with the built document worker pool (what `pebble-desk tenders screen` runs): text
 * layers read by PDFium, scanned first pages by OCR.
 *
 * Per layout: TEXT bids as text PDFs, and SCANS of them as image-only first pages (150, 200 and
 * 300 dpi in turn, 1–2° skew, blur, speckle): 8 OCR pages in all.
 */
const TEXT = 4
const SCANS = 2
const tempDir = useTempDirs()

describe('bid key fields on layouts the extractor was not developed on (held out)', () => {
  it('reads number, end date, organisation, quantity, EMD and item from text PDFs and scans', async () => {
    const dir = tempDir()
    const core = await openBidCore(dir, 2)
    const rows: { layout: string; source: string; tally: Tally }[] = []
    const text = emptyTally()
    const scans = emptyTally()
    try {
      for (const [i, layout] of HELD_OUT.entries()) {
        const bids = await generateBids(layout, TEXT, 9_000 + i)
        const files: { path: string; bid: GeneratedBid; scan: boolean }[] = []
        for (const bid of bids) {
          const path = join(dir, `${bid.id}.pdf`)
          writeFileSync(path, bid.pdf)
          files.push({ path, bid, scan: false })
        }
        for (const [k, bid] of bids.slice(0, SCANS).entries()) {
          const path = await writeScannedFirstPage(dir, bid, scanLookFor(i * SCANS + k, 31 * (i + 1) + k))
          files.push({ path, bid, scan: true })
        }
        const read = await screenBids(
          core,
          files.map((f) => f.path),
        )
        const fromText = emptyTally()
        const fromScans = emptyTally()
        for (const { path, bid, scan } of files) {
          const fields = read.get(path) ?? {}
          const name = path.slice(dir.length + 1)
          tallyBid(scan ? fromScans : fromText, name, bid.truth, fields)
          tallyBid(scan ? scans : text, name, bid.truth, fields)
        }
        rows.push({ layout: layout.name, source: 'text', tally: fromText })
        rows.push({ layout: layout.name, source: 'scan', tally: fromScans })
      }
    } finally {
      await core.close()
    }
    rows.push(
      { layout: 'all held-out', source: 'text', tally: text },
      { layout: 'all held-out', source: 'scan', tally: scans },
    )
    console.log(`${accuracyTable(rows)}\n${[...text.misses, ...scans.misses].join('\n')}`)
    expect(text.total).toBe(HELD_OUT.length * TEXT * 6)
    expect(scans.total).toBe(HELD_OUT.length * SCANS * 6)
    // Issue 14's targets: 95 % from text PDFs and 90 % from scans. The held-out set is rotated: a
    // layout is scored once, studied, moved to development and replaced by a new one, so the figure
    // is always that of the newest layout at its first score with the older held-out ones. On
    // 2026-12-07 it went 88/96 text and 41/48 scans (dash-memo new), 92/96 and 45/48
    // (bracketed-bilingual), 88/96 and 43/48 (info-box-letter), and now, with triple-grid (three
    // label-value pairs to a ruled row) at its first score, 96/96 and 46/48, the same in three runs.
    // The scan misses: a ruling line glued to a figure, and "Bid Type" from the next cell read into
    // a buyer's name wrapped in its narrow cell.
    expect(text.right / text.total).toBeGreaterThanOrEqual(0.95)
    expect(scans.right / scans.total).toBeGreaterThanOrEqual(0.9)
  }, 600_000)

  // Not a held-out figure: GeM is a development layout. It is here because it is the bilingual one
  // and this is the slow set: the scan goes through OCR twice (English, then English and Hindi).
  it('reads a bilingual GeM first page from a scan as from its text PDF, Hindi labels and all', async () => {
    const dir = tempDir()
    const core = await openBidCore(dir, 1)
    try {
      const gem = DEVELOPMENT.find((l) => l.name === 'gem-bid')!
      const [bid] = await generateBids(gem, 1, 4_242)
      const text = join(dir, 'gem.pdf')
      const scan = join(dir, 'gem-scan-200dpi.pdf')
      writeFileSync(text, bid!.pdf)
      writeFileSync(scan, await scannedFirstPage(bid!, { ...scanLookFor(1, 77), dpi: 200 }))
      const read = await screenBids(core, [text, scan], true)
      const fromText = emptyTally()
      const fromScan = emptyTally()
      tallyBid(fromText, 'text', bid!.truth, read.get(text) ?? {})
      tallyBid(fromScan, 'scan', bid!.truth, read.get(scan) ?? {})
      console.log([...fromText.misses, ...fromScan.misses].join('\n'))
      expect(fromText.right).toBe(6)
      expect(fromScan.right).toBe(6)
      // The text the desk kept for the scan (from its cache: not read a third time).
      const pages = await core.requirePipeline().extract({
        path: scan,
        file: scan,
        sha256: createHash('sha256').update(readFileSync(scan)).digest('hex'),
        mediaType: 'application/pdf',
        mode: 'auto',
        cache: core.textCache,
      })
      expect(pages.pages[0]!.notes.join(' ')).toContain('languages=eng+hin')
      expect(pages.pages[0]!.text).toContain('संगठन')
    } finally {
      await core.close()
    }
  }, 600_000)
})
