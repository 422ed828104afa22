import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDeskCore } from '../../../../src/main/services/core/deskCore'
import { checkCoa } from '../../../../src/main/services/qc'
import { builtDocumentWorker } from '../../../support/builtApp'
import { generateCoa, scanCoa, type GeneratedCoa } from '../../../support/documents/coa/generate'
import { formatTally, percent, scoreCoa, tally, type CoaScore } from '../../../support/documents/coa/score'
import { HELDOUT_LAYOUTS, type LayoutId } from '../../../support/documents/coa/split'
import { useTempDirs } from '../../../support/tempDir'

/**
 * Issue 14's accuracy targets, measured on the HELD-OUT COA layouts only (split.ts: unruled-minmax,
 * wrapped-cells, continued-open, two-line-header, grouped-minmax-remarks). The reader was developed on
 * the other five (development.test.ts) and never tuned on these. Every certificate goes through the
 * desk's own path, `checkCoa` over a DeskCore with the built document worker pool (what `pebble-desk
 * qc check` runs): text layers read by pdf.js, scans by OCR.
 *
 * Per layout: one certificate that passes and one that must fail, as text PDFs; one of the two
 * scanned (150, 200 and 300 dpi in turn, with skew, blur and speckle) — 6 OCR pages in all.
 */
const DPIS = [150, 200, 300] as const

/** Issue 14's targets on held-out layouts, in per cent. */
const TARGET = { textParameters: 97, textVerdicts: 95, scanParameters: 93, scanVerdicts: 90 }
/**
 * Scans meet issue 14's targets since OCR'd results that are unsure, unparsed or not a pass are read
 * again from the page, cell by cell (qc/rereadResults.ts). Measured on this set with the desk's
 * default OCR model (best_int), 2026-12-06: 100 % of parameters (32/32) and 100 % of verdicts (5/5),
 * none wrongly passed; before the closer reading (2026-12-05) it was 93.8 % and 60 % (3/5). A certificate's verdict
 * needs every parameter right, so five scans move it by 20 points: the floors are the targets.
 */
const SCAN_FLOOR = { parameters: TARGET.scanParameters, verdicts: TARGET.scanVerdicts }
const tempDir = useTempDirs()

/** The first passing and the first failing certificate of a layout, from seed 1 on. */
async function passAndFail(layout: LayoutId): Promise<[GeneratedCoa, GeneratedCoa]> {
  let pass: GeneratedCoa | undefined
  let fail: GeneratedCoa | undefined
  for (let seed = 1; seed < 100 && !(pass && fail); seed++) {
    const coa = await generateCoa(layout, seed)
    if (coa.truth.verdict === 'pass') pass ??= coa
    else fail ??= coa
  }
  if (!pass || !fail) throw new Error(`${layout}: no passing and failing certificate among seeds 1-99`)
  return [pass, fail]
}

describe('COAs of layouts the reader was not developed on (held out)', () => {
  it('meets the targets from text PDFs and scans, and never passes a certificate that must fail', async () => {
    const dir = tempDir()
    const core = await openDeskCore({
      dataDir: join(dir, 'data'),
      workerScript: builtDocumentWorker(),
      workers: 2,
    })
    const rows: { layout: string; input: string; tally: ReturnType<typeof tally> }[] = []
    const text: CoaScore[] = []
    const scans: CoaScore[] = []
    const misses: string[] = []
    try {
      const check = async (coa: GeneratedCoa, pdf: Uint8Array, name: string): Promise<CoaScore> => {
        const path = join(dir, name)
        writeFileSync(path, pdf)
        const report = await checkCoa(core, {
          document: { path, name },
          specs: [coa.spec],
          today: coa.truth.today,
        })
        const score = scoreCoa(report, coa.truth)
        for (const m of score.misses) misses.push(`${name} (${coa.truth.verdict}): ${m}`)
        return score
      }
      for (const [i, layout] of HELDOUT_LAYOUTS.entries()) {
        const coas = await passAndFail(layout)
        const fromText: CoaScore[] = []
        for (const coa of coas) fromText.push(await check(coa, coa.pdf, `${layout}-${coa.truth.seed}.pdf`))
        const dpi = DPIS[i % DPIS.length]!
        const scanned = coas[i % 2]!
        const fromScan = await check(
          scanned,
          await scanCoa(scanned, dpi),
          `${layout}-${scanned.truth.seed}-${dpi}dpi.pdf`,
        )
        rows.push(
          { layout, input: 'text', tally: tally(fromText) },
          { layout, input: `scan ${dpi}`, tally: tally([fromScan]) },
        )
        text.push(...fromText)
        scans.push(fromScan)
      }
    } finally {
      await core.close()
    }
    const textTotal = tally(text)
    const scanTotal = tally(scans)
    console.log(
      `${formatTally([
        ...rows,
        { layout: 'all held-out', input: 'text', tally: textTotal },
        { layout: 'all held-out', input: 'scans', tally: scanTotal },
      ])}\ntargets: text ${TARGET.textParameters}% parameters, ${TARGET.textVerdicts}% verdicts; scans ${TARGET.scanParameters}% parameters, ${TARGET.scanVerdicts}% verdicts (asserted floor ${SCAN_FLOOR.parameters}% / ${SCAN_FLOOR.verdicts}%)\n${misses.join('\n')}`,
    )
    expect(textTotal.mustFail).toBe(HELDOUT_LAYOUTS.length)
    expect(textTotal.wronglyPassed).toBe(0)
    expect(scanTotal.wronglyPassed).toBe(0)
    expect(percent(textTotal.rightParameters, textTotal.parameters)).toBeGreaterThanOrEqual(
      TARGET.textParameters,
    )
    expect(percent(textTotal.rightVerdicts, textTotal.certificates)).toBeGreaterThanOrEqual(
      TARGET.textVerdicts,
    )
    // Issue 14's scan targets (see SCAN_FLOOR).
    expect(percent(scanTotal.rightParameters, scanTotal.parameters)).toBeGreaterThanOrEqual(
      SCAN_FLOOR.parameters,
    )
    expect(percent(scanTotal.rightVerdicts, scanTotal.certificates)).toBeGreaterThanOrEqual(
      SCAN_FLOOR.verdicts,
    )
  }, 600_000)
})
