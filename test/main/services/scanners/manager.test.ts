import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  identify,
  listPorts,
  ScannerManager,
  type HotplugEvent,
  type HotplugStatus,
  type PortInfo,
} from '../../../../src/main/services/scanners'
import { useTempDirs } from '../../../support/tempDir'
import { waitFor } from './socat'

const tempDir = useTempDirs()

const HAS_UDEVADM = (() => {
  try {
    execFileSync('udevadm', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** Names every machine's serial ports use (UARTs, USB CDC/ACM, USB-serial, ARM PL011). */
const COMMON_NAME = /^\/dev\/tty(S|USB|ACM|AMA)\d+$/
const IDENTITY_FIELDS = ['path', 'manufacturer', 'vendorId', 'productId', 'serialNumber']

interface KernelPort {
  path: string
  vendorId?: string
  productId?: string
}

/** The USB device above a tty's sysfs node (idVendor/idProduct live there), if it is on USB. */
function usbIdentity(deviceDir: string): Pick<KernelPort, 'vendorId' | 'productId'> {
  for (let dir = realpathSync(deviceDir); dir !== '/' && dir.startsWith('/sys/'); dir = dirname(dir)) {
    if (existsSync(join(dir, 'idVendor'))) {
      const read = (name: string) => readFileSync(join(dir, name), 'utf8').trim().toLowerCase()
      return { vendorId: read('idVendor'), productId: read('idProduct') }
    }
  }
  return {}
}

/** The hardware-backed ttys the kernel reports, read from sysfs without udev or serialport. */
function kernelSerialPorts(): KernelPort[] {
  const root = '/sys/class/tty'
  if (!existsSync(root)) return []
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'device')))
    .map((name) => {
      const devname = /^DEVNAME=(.+)$/m.exec(readFileSync(join(root, name, 'uevent'), 'utf8'))?.[1]
      return { path: `/dev/${devname ?? name}`, ...usbIdentity(join(root, name, 'device')) }
    })
    .sort((a, b) => a.path.localeCompare(b.path))
}

const HARDWARE_PORTS = kernelSerialPorts()

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

  // The Scanner page lists what ScannerManager.listPorts() returns (serialport asking udevadm). The
  // kernel's own view is the check: a tty with a `device` link in sysfs is backed by hardware (a
  // UART, a USB CDC/ACM scanner, a USB-serial adapter); consoles and ptys have none. A socat pty
  // cannot stand in here: udev never reports ptys, so serialport never lists them.
  it.skipIf(!HAS_UDEVADM || HARDWARE_PORTS.length === 0)(
    'lists the serial ports the kernel has, by path, with the identity the Scanner page shows',
    async () => {
      const manager = new ScannerManager({ pollIntervalMs: 0 })
      managers.push(manager)
      const listing = await manager.listPorts()
      expect(listing).toMatchObject({ ok: true })
      const listed = listing.ports.map((p) => p.path).sort()
      // Every common-named hardware port is offered, and nothing that is not a hardware tty is.
      const common = HARDWARE_PORTS.filter((p) => COMMON_NAME.test(p.path))
      expect(listed).toEqual(expect.arrayContaining(common.map((p) => p.path)))
      expect(HARDWARE_PORTS.map((p) => p.path)).toEqual(expect.arrayContaining(listed))
      for (const port of listing.ports) {
        // Only the fields the page renders, and a USB identity (when udev knows it) that is the kernel's.
        expect(Object.keys(port).filter((k) => !IDENTITY_FIELDS.includes(k))).toEqual([])
        const kernel = HARDWARE_PORTS.find((p) => p.path === port.path)
        if (port.vendorId) expect(port.vendorId).toBe(kernel?.vendorId)
        if (port.productId) expect(port.productId).toBe(kernel?.productId)
      }

      // Opened through a stable link (as /dev/serial/by-id/… is), a port keeps its listed identity.
      const port = { ...listing.ports[0]!, vendorId: '0c2e', productId: '0b61' }
      const link = join(tempDir(), 'by-id-scanner')
      symlinkSync(port.path, link)
      expect(await identify(link, [port])).toEqual({ ...port, path: link })

      // And the hot-plug watch over the same listing reports itself available.
      await manager.watch()
      expect(manager.hotplugStatus).toEqual({ available: true })
    },
  )
})
