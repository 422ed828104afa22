import {
  DeskError,
  type HandlerMap,
  type Scan,
  type ScannerDeviceInfo,
  type ScannerIdentity,
  type ScannerPorts,
} from '../../../src/shared/contract'
import { Gs1ParseError, parseGs1 } from '../../../src/shared/gs1'
import { decodeSeparators, interpretScan, parseProfile } from '../../../src/shared/scanners'

type ScannerMethod = Extract<keyof HandlerMap<null>, `scanners.${string}` | `gs1.${string}`>

/** Scanners in memory: devices connect at once; the real reading (shared GS1 pipeline) is kept. */
export interface ScannerHarness {
  ports: ScannerIdentity[]
  hotplug: ScannerPorts['hotplug']
  devices: ScannerDeviceInfo[]
  /** Keyboard-wedge scans the UI sent. */
  wedge: Scan[]
  handlers: Pick<HandlerMap<null>, ScannerMethod>
}

let nextScan = 1

export function scanOf(data: string, device: ScannerIdentity, source: Scan['source'] = 'serial'): Scan {
  return {
    id: `scan-${nextScan++}`,
    source,
    device,
    timestamp: new Date().toISOString(),
    data,
    ...interpretScan(data, false),
  }
}

export function createScannerHarness(onScan: (scan: Scan) => void): ScannerHarness {
  const h: ScannerHarness = {
    ports: [{ path: '/dev/ttyACM0', vendorId: '05e0', productId: '1200', manufacturer: 'Zebra' }],
    hotplug: { available: true },
    devices: [],
    wedge: [],
    handlers: {
      'scanners.ports': () => ({ ports: h.ports, hotplug: h.hotplug }),
      'scanners.list': () => ({ devices: h.devices }),
      'scanners.connect': (input) => {
        const profile = parseProfile(input)
        const device = h.ports.find((p) => p.path === profile.path) ?? { path: profile.path }
        const info: ScannerDeviceInfo = { path: profile.path, status: 'connected', device, profile }
        h.devices = [...h.devices.filter((d) => d.path !== profile.path), info]
        return info
      },
      'scanners.disconnect': ({ path }) => {
        if (!h.devices.some((d) => d.path === path)) throw new DeskError('NOT_FOUND', `nothing on ${path}`)
        h.devices = h.devices.filter((d) => d.path !== path)
        return { path }
      },
      'scanners.test': ({ data }) => {
        const decoded = decodeSeparators(data)
        return { data: decoded, ...interpretScan(decoded, false) }
      },
      'scanners.wedge': ({ data, prefix }) => {
        // The desk strips the configured prefix as it does for serial scanners.
        const payload = prefix && data.startsWith(prefix) ? data.slice(prefix.length) : data
        const scan = scanOf(payload, { path: 'keyboard' }, 'keyboard')
        h.wedge.push(scan)
        onScan(scan)
        return { accepted: true, scan }
      },
      'gs1.parse': ({ data }) => {
        try {
          return parseGs1(decodeSeparators(data))
        } catch (error) {
          if (!(error instanceof Gs1ParseError)) throw error
          throw new DeskError('INVALID_INPUT', error.message, { position: error.position })
        }
      },
    },
  }
  return h
}
