import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDeskCore, type DeskCore } from '../../../../src/main/services/core/deskCore'
import { screenDocuments } from '../../../../src/main/services/tenders'
import type { ExtractedFields, NormalisedValue } from '../../../../src/shared/tenders/fields'
import { parseProfile } from '../../../../src/shared/tenders/screening'
import {
  TRUTH_FIELDS,
  type BidTruth,
  type GeneratedBid,
  type TruthField,
} from '../../../support/documents/bids'
import { builtDocumentWorker } from '../../../support/builtApp'
import { imagePdf, scanPdfPage, seededRandom, type ScanLook } from '../../../support/documents/scan'

/** Letters and digits only, lower case: how two renderings of a name are compared. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '')

/** Fewest edits turning `needle` into some substring of `hay` (semi-global Levenshtein). */
function editsWithin(needle: string, hay: string): number {
  let prev = new Array<number>(hay.length + 1).fill(0)
  for (let i = 1; i <= needle.length; i++) {
    const cur = [i]
    for (let j = 1; j <= hay.length; j++)
      cur[j] = Math.min(prev[j - 1]! + (needle[i - 1] === hay[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1)
    prev = cur
  }
  return Math.min(...prev)
}

/**
 * Names and items count when the page's value contains them (a CPPP organisation chain adds its
 * departments; a title may read "Supply of …") with at most one edit in ten characters, the OCR
 * slips a reader would overlook. Numbers, dates and amounts must be exact.
 */
export function fieldCorrect(field: TruthField, truth: BidTruth, got: NormalisedValue | undefined): boolean {
  if (!got) return false
  const want = truth[field]
  switch (field) {
    case 'bidNumber':
      return got.kind === 'text' && squash(got.value) === squash(String(want))
    case 'bidEndDate':
      return got.kind === 'date-time' && got.iso === want
    case 'totalQuantity':
      return got.kind === 'number' && got.value === want
    case 'emdAmount':
      return got.kind === 'money' && got.amount === want
    case 'organisation':
    case 'title': {
      if (got.kind !== 'text') return false
      const needle = squash(String(want))
      return editsWithin(needle, squash(got.value)) <= Math.floor(needle.length / 10)
    }
  }
}

export interface Tally {
  right: number
  total: number
  /** Per field, how many were right. */
  byField: Record<TruthField, number>
  misses: string[]
}

export function emptyTally(): Tally {
  return {
    right: 0,
    total: 0,
    byField: Object.fromEntries(TRUTH_FIELDS.map((f) => [f, 0])) as Record<TruthField, number>,
    misses: [],
  }
}

export function tallyBid(
  tally: Tally,
  id: string,
  truth: BidTruth,
  fields: Partial<Record<string, { normalised: NormalisedValue; value: string }>>,
): void {
  for (const name of TRUTH_FIELDS) {
    tally.total++
    const got = fields[name]
    if (fieldCorrect(name, truth, got?.normalised)) {
      tally.right++
      tally.byField[name]++
    } else tally.misses.push(`${id} ${name}: want ${String(truth[name])}, got ${got ? got.value : '-'}`)
  }
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`)

/** One row per layout and source: overall and per-field accuracy. */
export function accuracyTable(rows: { layout: string; source: string; tally: Tally }[]): string {
  const head = ['layout', 'source', 'docs', 'key fields', ...TRUTH_FIELDS]
  const body = rows.map(({ layout, source, tally }) => {
    const docs = tally.total / TRUTH_FIELDS.length
    return [
      layout,
      source,
      String(docs),
      `${tally.right}/${tally.total} ${pct(tally.right, tally.total)}`,
      ...TRUTH_FIELDS.map((f) => `${tally.byField[f]}/${docs}`),
    ]
  })
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  return [head, ...body].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n')
}

/** How a scanned first page is made for a layout's i-th bid: 150, 200 and 300 dpi in turn, 1–2° of skew. */
export function scanLookFor(i: number, seed: number): ScanLook {
  const dpi = ([150, 200, 300] as const)[i % 3]!
  const random = seededRandom(seed)
  const skewDeg = (random() < 0.5 ? -1 : 1) * (1 + random())
  return { dpi, skewDeg: +skewDeg.toFixed(2), blurPx: dpi === 150 ? 0.4 : 0.7, speckle: 0.002, seed }
}

/** The bid's first page as an office scanner would give it: an image-only PDF. */
export async function scannedFirstPage(bid: GeneratedBid, look: ScanLook): Promise<Uint8Array> {
  return imagePdf([{ png: await scanPdfPage(bid.pdf, 0, look), dpi: look.dpi }])
}

/** The scanned first page written into `dir` as "<bid>-scan-<dpi>dpi.pdf"; its path. */
export async function writeScannedFirstPage(dir: string, bid: GeneratedBid, look: ScanLook): Promise<string> {
  const path = join(dir, `${bid.id}-scan-${look.dpi}dpi.pdf`)
  writeFileSync(path, await scannedFirstPage(bid, look))
  return path
}

/** A DeskCore over the built document worker, its data under `dir`, as `pebble-desk` opens one. */
export function openBidCore(dir: string, workers: number): Promise<DeskCore> {
  return openDeskCore({ dataDir: join(dir, 'data'), workerScript: builtDocumentWorker(), workers })
}

const PROFILE = parseProfile({ name: 'Supplies', terms: [{ term: 'supply' }] })

/**
 * Key fields of documents as the desk reads them for `pebble-desk tenders screen`: screenDocuments
 * over a DeskCore with the built document worker pool (text layers by pdf.js, scans by OCR).
 */
export async function screenBids(
  core: DeskCore,
  files: readonly string[],
  useCache = false,
): Promise<Map<string, ExtractedFields['fields']>> {
  if (!PROFILE.ok) throw new Error(PROFILE.errors.join('; '))
  const out = new Map<string, ExtractedFields['fields']>()
  const results = await screenDocuments(core, {
    paths: files,
    profiles: [PROFILE.profile],
    useCache,
    onResult: (summary, detail) => {
      if (detail) out.set(summary.file, detail.fields.fields)
    },
  })
  for (const r of results) if (r.error) throw new Error(`${r.file}: ${r.error.message}`)
  return out
}
