import { afterEach, describe, expect, it } from 'vitest'
import {
  listPorts,
  ScannerManager,
  type HotplugEvent,
  type HotplugStatus,
  type PortInfo,
} from '../../../../src/main/services/scanners'
import { waitFor } from './socat'

const managers: ScannerManager[] = []
afterEach(async () => {
  for (const manager of managers.splice(0)) await manager.close()
})

describe('scanner hot-plug', () => {
  it('reports plugged and unplugged ports by polling the port list', async () => {
    let ports: PortInfo[] = [{ path: '/dev/ttyS0' }]
    const manager = new ScannerManager({ listPorts: async () => ports, pollIntervalMs: 20 })
    managers.push(manager)
    const changes: HotplugEvent[] = []
    manager.on('hotplug', (c) => changes.push(c))
    await manager.watch()
    expect(manager.hotplugStatus).toEqual({ available: true })
    ports = [{ path: '/dev/ttyS0' }, { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61' }]
    await waitFor(() => changes.length === 1, 5000, 'the plug event')
    ports = [{ path: '/dev/ttyS0' }]
    await waitFor(() => changes.length === 2, 5000, 'the unplug event')
    expect(changes).toEqual([
      { added: [{ path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61' }], removed: [] },
      { added: [], removed: [{ path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61' }] },
    ])
  })

  it('degrades to a clear status when udevadm is missing', async () => {
    const noUdev = async (): Promise<PortInfo[]> => {
      throw new Error('spawn udevadm ENOENT')
    }
    const listing = await listPorts(noUdev)
    expect(listing).toEqual({
      ok: false,
      ports: [],
      reason: expect.stringMatching(/udevadm is not installed/),
    })
    const manager = new ScannerManager({ listPorts: noUdev, pollIntervalMs: 0 })
    managers.push(manager)
    const statuses: HotplugStatus[] = []
    manager.on('hotplugStatus', (s) => statuses.push(s))
    await manager.watch()
    expect(statuses).toEqual([
      { available: false, reason: expect.stringMatching(/install the "udev" package/) },
    ])
  })

  it('lists the real ports of this machine (udevadm present in CI)', async () => {
    const listing = await listPorts()
    if (!listing.ok) expect(listing.reason).toMatch(/cannot list serial ports/)
    else expect(Array.isArray(listing.ports)).toBe(true)
  })
})
