import { afterEach, describe, expect, it } from 'vitest'
import {
  ScannerDevice,
  type DeviceErrorEvent,
  type ScanEvent,
  type ScannerLog,
  type StatusEvent,
} from '../../../../src/main/services/scanners'
import { useTempDirs } from '../../../support/tempDir'
import { PtyPair, waitFor } from './socat'

const tempDir = useTempDirs()
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(profile: Record<string, unknown> = {}) {
  const pty = new PtyPair(tempDir())
  await pty.start()
  cleanups.push(() => pty.stop())
  const logs: string[] = []
  const log: ScannerLog = { info: () => undefined, warn: (m) => logs.push(m), error: (m) => logs.push(m) }
  const device = new ScannerDevice(
    { path: pty.device, duplicateWindowMs: 0, ...profile },
    { log, listPorts: async () => [], backoff: { baseMs: 50, capMs: 400, floorMs: 20 } },
  )
  cleanups.push(() => device.stop())
  const scans: ScanEvent[] = []
  const statuses: StatusEvent[] = []
  const errors: DeviceErrorEvent[] = []
  device.on('scan', (s) => scans.push(s))
  device.on('status', (s) => statuses.push(s))
  device.on('error', (e) => errors.push(e))
  await device.start()
  expect(device.status).toBe('connected')
  return { pty, device, scans, statuses, errors, logs }
}

const EXPIRY_LABEL = ']d2010952012345678817251231' + '10LOT-42\x1D21S1'

describe('serial scanner over a socat pty pair', () => {
  it('turns bytes written by the scanner into parsed scans with device identity and time', async () => {
    const { pty, scans } = await setup({ symbologyIdSent: true })
    pty.send(EXPIRY_LABEL + '\r\n')
    await waitFor(() => scans.length === 1, 10_000, 'the scan')
    const [scan] = scans
    expect(scan?.device.path).toBe(pty.device)
    expect(Number.isNaN(Date.parse(scan?.timestamp ?? ''))).toBe(false)
    expect(scan?.gs1?.symbology).toBe('GS1 DataMatrix')
    expect(scan?.gs1?.elements.map((e) => [e.ai, e.value, e.date])).toEqual([
      ['01', '09520123456788', undefined],
      ['17', '251231', '2025-12-31'],
      ['10', 'LOT-42', undefined],
      ['21', 'S1', undefined],
    ])
  })

  it('reconnects after unplug and replug, and receives the next scan', async () => {
    const { pty, device, scans, statuses, errors } = await setup()
    pty.send('0109520123456788\r\n')
    await waitFor(() => scans.length === 1, 10_000, 'the first scan')

    pty.send('10PARTIAL') // no terminator: lost with the unplug, and said so
    await new Promise((resolve) => setTimeout(resolve, 200))
    await pty.stop()
    await waitFor(() => statuses.some((s) => s.status === 'reconnecting'), 10_000, 'reconnecting')
    expect(errors.some((e) => e.kind === 'partial' && e.message.includes('10PARTIAL'))).toBe(true)

    await pty.start()
    await waitFor(() => device.status === 'connected', 15_000, 'the reconnect')
    for (let i = 0; i < 5; i++) pty.send(`0109520123456788\x1D10AFTER${i}\r\n`)
    await waitFor(() => scans.length === 6, 10_000, 'all scans after the reconnect')
    expect(scans.slice(1).map((s) => s.gs1?.elements[1]?.value)).toEqual([
      'AFTER0',
      'AFTER1',
      'AFTER2',
      'AFTER3',
      'AFTER4',
    ])
  })

  it('logs garbage bytes and over-long lines without crashing, then reads the next scan', async () => {
    const { pty, scans, errors, logs } = await setup({ maxLineLength: 64 })
    pty.send(Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x80, 0x0d, 0x0a]))
    pty.send('9'.repeat(500) + '\r\n')
    pty.send('not a gs1 barcode\r\n')
    pty.send('0109520123456788\r\n')
    await waitFor(() => scans.length === 2, 10_000, 'the scans after the garbage')
    expect(errors.map((e) => e.kind)).toEqual(expect.arrayContaining(['garbage', 'overflow']))
    expect(logs.some((l) => /baud rate/.test(l))).toBe(true)
    expect(scans[0]?.parseError?.message).toMatch(/^at 0: /)
    expect(scans[1]?.gs1?.elements[0]?.value).toBe('09520123456788')
  })

  it('suppresses a duplicate scan inside the window and frames by inter-byte pause', async () => {
    const { pty, scans } = await setup({
      terminator: 'none',
      interByteTimeoutMs: 100,
      duplicateWindowMs: 60_000,
    })
    pty.send('0109520123456788')
    await waitFor(() => scans.length === 1, 10_000, 'the first scan')
    pty.send('0109520123456788')
    await new Promise((resolve) => setTimeout(resolve, 400))
    pty.send('0195012345678903')
    await waitFor(() => scans.length === 2, 10_000, 'the second, different scan')
    expect(scans.map((s) => s.data)).toEqual(['0109520123456788', '0195012345678903'])
  })
})
