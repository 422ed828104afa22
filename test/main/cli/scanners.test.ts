import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/main/cli/run'
import { cliHarness } from '../../support/cliHarness'
import { useTempDirs } from '../../support/tempDir'
import { PtyPair, waitFor } from '../services/scanners/socat'

const tempDir = useTempDirs()
const ptys: PtyPair[] = []
afterEach(async () => {
  for (const pty of ptys.splice(0)) await pty.stop()
})

const harness = () => cliHarness(tempDir)

describe('pebble-desk scan', () => {
  it('prints scans from a serial port as JSON lines until stopped', async () => {
    const pty = new PtyPair(tempDir())
    ptys.push(pty)
    await pty.start()
    const h = harness()
    const running = runCli(['scan', '--port', pty.device, '--baud', '115200', '--json'], h.io)
    await waitFor(() => h.stderr().includes('reading'), 10_000, 'the port to open')
    pty.send('0109520123456788\x1D10LOT7\r\n')
    pty.send('10BAD\x1D17251399\r\n')
    await waitFor(() => h.stdout().split('\n').length >= 3, 10_000, 'two scan lines')
    h.stop()
    expect(await running).toBe(0)
    const [good, bad] = h
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(good).toMatchObject({
      device: { path: pty.device },
      symbology: null,
      elements: [
        { ai: '01', value: '09520123456788' },
        { ai: '10', value: 'LOT7' },
      ],
    })
    expect(typeof good?.timestamp).toBe('string')
    expect(bad).toMatchObject({ data: '10BAD\x1D17251399', error: { code: 'INVALID_INPUT', position: 10 } })
  })

  it('prints readable lines in text mode', async () => {
    const pty = new PtyPair(tempDir())
    ptys.push(pty)
    await pty.start()
    const h = harness()
    const running = runCli(['scan', '--port', pty.device], h.io)
    await waitFor(() => h.stderr().includes('reading'), 10_000, 'the port to open')
    pty.send(']C10109520123456788\r\n')
    await waitFor(() => h.stdout().includes('\n'), 10_000, 'a scan line')
    h.stop()
    expect(await running).toBe(0)
    expect(h.stdout()).toMatch(/^\S+Z \S+ttyDesk \(01\) GTIN: 09520123456788\n$/)
  })

  it('is a usage error without --port or with a bad --baud', async () => {
    for (const argv of [['scan'], ['scan', '--port', '/dev/x', '--baud', 'fast']]) {
      const h = harness()
      expect(await runCli(argv, h.io)).toBe(2)
      expect(h.stderr()).toMatch(/^pebble-desk: .*(--port|--baud)/)
    }
  })
})
