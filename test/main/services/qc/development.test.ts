import { describe, expect, it } from 'vitest'
import { generateCoa } from '../../../support/documents/coa/generate'
import { readTextCoa } from '../../../support/documents/coa/readText'
import { formatTally, percent, scoreCoa, tally, type CoaScore } from '../../../support/documents/coa/score'
import { DEVELOPMENT_LAYOUTS } from '../../../support/documents/coa/split'

/**
 * The COA reader on the DEVELOPMENT half of the generated layouts (test/support/documents/coa/split.ts),
 * text PDFs only, read in this thread with the document worker's own task handler. This is the set
 * the reader is improved against; its held-out twin (heldout.test.ts) reads layouts nobody tuned for.
 */
const PER_LAYOUT = 6

describe('COAs of the development layouts, as text PDFs', () => {
  it('reads every parameter, verdict and header field right, and never passes a failing certificate', async () => {
    const rows: { layout: string; input: string; tally: ReturnType<typeof tally> }[] = []
    const all: CoaScore[] = []
    const misses: string[] = []
    for (const layout of DEVELOPMENT_LAYOUTS) {
      const scores: CoaScore[] = []
      for (let seed = 1; seed <= PER_LAYOUT; seed++) {
        const coa = await generateCoa(layout, seed)
        const score = scoreCoa(await readTextCoa(coa, `${layout}-${seed}.pdf`), coa.truth)
        scores.push(score)
        for (const m of score.misses) misses.push(`${layout} #${seed} (${coa.truth.verdict}): ${m}`)
      }
      rows.push({ layout, input: 'text', tally: tally(scores) })
      all.push(...scores)
    }
    const total = tally(all)
    console.log(
      `${formatTally([...rows, { layout: 'all development', input: 'text', tally: total }])}\n${misses.join('\n')}`,
    )
    expect(total.certificates).toBe(DEVELOPMENT_LAYOUTS.length * PER_LAYOUT)
    // The set holds certificates that must fail, and none of them is passed.
    expect(total.mustFail).toBeGreaterThanOrEqual(DEVELOPMENT_LAYOUTS.length)
    expect(total.wronglyPassed).toBe(0)
    expect(percent(total.rightParameters, total.parameters)).toBeGreaterThanOrEqual(99)
    expect(percent(total.rightVerdicts, total.certificates)).toBeGreaterThanOrEqual(97)
    expect(percent(total.rightFields, total.certificates * 3)).toBeGreaterThanOrEqual(97)
  }, 120_000)
})
