import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs()

const harness = () => cliHarness(tempDir)

describe('pebble-desk gs1', () => {
  it('prints the elements as JSON, with dates and decimals', async () => {
    const h = harness()
    const code = await runCli(
      ['gs1', ']d2010952012345678817250200' + '3103000195' + '10LOT\\x1D21S1', '--json'],
      h.io,
    )
    expect(code).toBe(0)
    expect(JSON.parse(h.stdout())).toEqual({
      symbology: 'GS1 DataMatrix',
      symbologyId: ']d2',
      elements: [
        { ai: '01', title: 'GTIN', value: '09520123456788' },
        { ai: '17', title: 'USE BY or EXPIRY', value: '250200', date: '2025-02-28' },
        { ai: '3103', title: 'NET WEIGHT (kg)', value: '000195', decimal: 0.195 },
        { ai: '10', title: 'BATCH/LOT', value: 'LOT' },
        { ai: '21', title: 'SERIAL', value: 'S1' },
      ],
    })
  })

  it('prints one line per element in text mode and accepts <GS> and {GS}', async () => {
    for (const gs of ['<GS>', '{GS}', '\\x1d', '\x1D']) {
      const h = harness()
      expect(await runCli(['gs1', `10ABC${gs}17251231`], h.io)).toBe(0)
      expect(h.stdout()).toBe('(10) BATCH/LOT: ABC\n(17) USE BY or EXPIRY: 251231  [date 2025-12-31]\n')
    }
  })

  it('parses the bracketed form and Digital Link URIs', async () => {
    const h = harness()
    expect(
      await runCli(['gs1', 'https://id.gs1.org/01/09520123456788/10/AB1?17=260100', '--json'], h.io),
    ).toBe(0)
    const json = JSON.parse(h.stdout()) as { elements: { ai: string; date?: string }[] }
    expect(json.elements.map((e) => e.ai)).toEqual(['01', '10', '17'])
    expect(json.elements[2]?.date).toBe('2026-01-31')
    const hri = harness()
    expect(await runCli(['gs1', '(00)106141412345678908'], hri.io)).toBe(0)
    expect(hri.stdout()).toBe('(00) SSCC: 106141412345678908\n')
  })

  it('exits 1 with the position and the reason on a malformed barcode', async () => {
    const h = harness()
    expect(await runCli(['gs1', '0109520123456788172512'], h.io)).toBe(1)
    expect(h.stderr()).toBe(
      'pebble-desk: 0109520123456788172512: at 18: AI (17) expects 6 digits, got "2512"\n',
    )
    const j = harness()
    expect(await runCli(['gs1', '(01)09520123456789', '--json'], j.io)).toBe(1)
    expect(JSON.parse(j.stdout())).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: '(01)09520123456789: at 17: AI (01) "09520123456789": check digit should be 8, got 9',
        details: { position: 17 },
      },
    })
  })

  it('is a usage error without exactly one argument', async () => {
    const h = harness()
    expect(await runCli(['gs1'], h.io)).toBe(2)
    expect(h.stderr()).toMatch(/^pebble-desk: gs1 takes exactly one/)
  })
})
