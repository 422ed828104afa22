import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDeskCore } from '../../../../src/main/services/core/deskCore'
import { checkCoa } from '../../../../src/main/services/qc'
import { builtDocumentWorker } from '../../../support/builtApp'
import { generateCoa, scanCoa } from '../../../support/documents/coa/generate'
import { formatTally, percent, scoreCoa, tally, type CoaScore } from '../../../support/documents/coa/score'
import { DEVELOPMENT_LAYOUTS } from '../../../support/documents/coa/split'
import { useTempDirs } from '../../../support/tempDir'

/**
 * Scans of the DEVELOPMENT layouts (split.ts): the set the scan path is improved against, so the
 * held-out scans (heldout.test.ts) stay unseen. Per layout two certificates (seeds 1 and 2), each
 * scanned at one of 150, 200 and 300 dpi in turn with skew, blur and speckle: 12 OCR pages.
 */
const DPIS = [150, 200, 300] as const
/**
 * Measured 2026-12-06 (best_int; pages whose print is large are shrunk before OCR): with suspect OCR'd
 * results read again cell by cell (qc/rereadResults.ts) 93.8 % of parameters (60/64) and 90 % of
 * verdicts (9/10); on the same pipeline without it, 84.4 % and 70 %. The floors sit just under, so a
 * regression fails.
 */
const SCAN_FLOOR = { parameters: 92, verdicts: 90 }
const tempDir = useTempDirs()

describe('COAs of the development layouts, scanned', () => {
  it('reads parameters and verdicts from scans, and never passes a certificate that must fail', async () => {
    const dir = tempDir()
    const core = await openDeskCore({
      dataDir: join(dir, 'data'),
      workerScript: builtDocumentWorker(),
      workers: 2,
    })
    const rows: { layout: string; input: string; tally: ReturnType<typeof tally> }[] = []
    const all: CoaScore[] = []
    const misses: string[] = []
    let n = 0
    try {
      for (const layout of DEVELOPMENT_LAYOUTS) {
        const scores: CoaScore[] = []
        for (const seed of [1, 2]) {
          const coa = await generateCoa(layout, seed)
          const dpi = DPIS[n++ % DPIS.length]!
          const name = `${layout}-${seed}-${dpi}dpi.pdf`
          const path = join(dir, name)
          writeFileSync(path, await scanCoa(coa, dpi))
          const report = await checkCoa(core, {
            document: { path, name },
            specs: [coa.spec],
            today: coa.truth.today,
          })
          const score = scoreCoa(report, coa.truth)
          for (const m of score.misses) misses.push(`${name} (${coa.truth.verdict}): ${m}`)
          scores.push(score)
        }
        rows.push({ layout, input: 'scans', tally: tally(scores) })
        all.push(...scores)
      }
    } finally {
      await core.close()
    }
    const total = tally(all)
    console.log(
      `${formatTally([...rows, { layout: 'all development', input: 'scans', tally: total }])}\n${misses.join('\n')}`,
    )
    expect(total.wronglyPassed).toBe(0)
    expect(percent(total.rightParameters, total.parameters)).toBeGreaterThanOrEqual(SCAN_FLOOR.parameters)
    expect(percent(total.rightVerdicts, total.certificates)).toBeGreaterThanOrEqual(SCAN_FLOOR.verdicts)
  }, 900_000)
})
