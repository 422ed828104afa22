import { createRequire } from 'node:module'
import { SerialPortStream } from '@serialport/stream'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ScannerDevice,
  type DeviceErrorEvent,
  type OpenSerialLink,
  type ScanEvent,
  type ScannerLog,
  type StatusEvent,
} from '../../../../src/main/services/scanners'
import { waitFor } from './socat'

type BindingInterface = ConstructorParameters<typeof SerialPortStream>[0]['binding']

// serialport loads binding-mock's CJS build; importing the ESM build would give a second registry.
const { MockBinding } = createRequire(import.meta.url)('@serialport/binding-mock') as {
  MockBinding: BindingInterface & {
    createPort(path: string, options?: { echo?: boolean; record?: boolean }): void
    reset(): void
  }
}

/** The parts of binding-mock's port the tests drive (its types are not exported for ESM). */
interface MockPort {
  emitData(data: Buffer): void
  read: () => Promise<unknown>
}

const PATH = '/dev/ROBOT'
const devices: ScannerDevice[] = []
afterEach(async () => {
  for (const device of devices.splice(0)) await device.stop()
  MockBinding.reset()
})

function make(profile: Record<string, unknown> = {}, openLink?: OpenSerialLink) {
  const streams: SerialPortStream[] = []
  const logs: string[] = []
  const log: ScannerLog = { info: () => undefined, warn: (m) => logs.push(m), error: (m) => logs.push(m) }
  const open: OpenSerialLink =
    openLink ??
    ((p) => {
      const stream = new SerialPortStream({
        binding: MockBinding,
        path: p.path,
        baudRate: p.baudRate,
        autoOpen: false,
      })
      streams.push(stream)
      return stream
    })
  const listPorts = async () => [{ path: PATH, serialNumber: 'SN123', vendorId: '0C2E', productId: '0B61' }]
  const device = new ScannerDevice(
    { path: PATH, duplicateWindowMs: 0, ...profile },
    { openLink: open, listPorts, log, backoff: { baseMs: 20, capMs: 100, floorMs: 10 } },
  )
  devices.push(device)
  const scans: ScanEvent[] = []
  const statuses: StatusEvent[] = []
  const errors: DeviceErrorEvent[] = []
  device.on('scan', (s) => scans.push(s))
  device.on('status', (s) => statuses.push(s))
  device.on('error', (e) => errors.push(e))
  const binding = (): MockPort => {
    const port = streams[streams.length - 1]?.port
    if (!port) throw new Error('no open mock port')
    return port as unknown as MockPort
  }
  return { device, scans, statuses, errors, logs, binding }
}

describe('scanner device edge cases (binding-mock)', () => {
  it('carries the USB identity of the device with each scan', async () => {
    MockBinding.createPort(PATH, { echo: false, record: true })
    const { device, scans, binding } = make()
    await device.start()
    binding().emitData(Buffer.from('(01)09520123456788(10)ABC\r\n'))
    await waitFor(() => scans.length === 1, 5000, 'the scan')
    expect(scans[0]?.device).toEqual({
      path: PATH,
      serialNumber: 'SN123',
      vendorId: '0c2e',
      productId: '0b61',
    })
    expect(scans[0]?.gs1?.elements.map((e) => e.ai)).toEqual(['01', '10'])
  })

  it('keeps retrying a port that is not there yet and connects once it appears', async () => {
    const { device, statuses, errors } = make()
    await device.start()
    expect(device.status).toBe('reconnecting')
    expect(errors[0]?.kind).toBe('open')
    MockBinding.createPort(PATH, { echo: false })
    await waitFor(() => device.status === 'connected', 5000, 'the connection')
    expect(statuses.filter((s) => s.status === 'reconnecting').length).toBeGreaterThanOrEqual(1)
  })

  it('reconnects after a read error and discards the partial line', async () => {
    MockBinding.createPort(PATH, { echo: false })
    const { device, scans, errors, binding } = make()
    await device.start()
    binding().emitData(Buffer.from('10HALF'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const port = binding()
    port.read = () => Promise.reject(new Error('EIO: i/o error, read'))
    port.emitData(Buffer.from('X')) // completes the pending read; the next one fails
    await waitFor(() => errors.some((e) => e.kind === 'read'), 5000, 'the read error')
    expect(errors.some((e) => e.kind === 'partial' && e.message.includes('10HALF'))).toBe(true)
    await waitFor(() => device.status === 'connected', 5000, 'the reconnect')
    binding().emitData(Buffer.from('0109520123456788\r\n'))
    await waitFor(() => scans.length === 1, 5000, 'the scan after the reconnect')
  })

  it('rejects impossible port settings with a clear error and no retry loop', async () => {
    expect(() => make({ baudRate: 0 })).toThrow(/baudRate/)
    const { device, statuses, errors } = make({}, () => {
      throw new TypeError('"parity" is not a valid parity')
    })
    await device.start()
    expect(device.status).toBe('error')
    expect(statuses.at(-1)?.message).toMatch(/parity/)
    expect(errors[0]?.kind).toBe('profile')
  })

  it('reports a GS stand-in scanner correctly and strips prefix and suffix', async () => {
    MockBinding.createPort(PATH, { echo: false })
    const { device, scans, binding } = make({ terminator: 'CR', prefix: '@', suffix: '#', gsStandIn: '~' })
    await device.start()
    binding().emitData(Buffer.from('@0109520123456788' + '10B1~17251200#\r'))
    await waitFor(() => scans.length === 1, 5000, 'the scan')
    expect(scans[0]?.data).toBe('010952012345678810B1\x1D17251200')
    expect(scans[0]?.gs1?.elements[2]).toMatchObject({ ai: '17', date: '2025-12-31' })
  })
})
