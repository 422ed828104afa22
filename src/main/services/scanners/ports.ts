import { realpath } from 'node:fs/promises'
import { onFirstUse } from '../modules/onFirstUse'
import type { ScannerProfile } from './profile'

/**
 * Loaded on first use: serialport and its native bindings cost some 60 ms of start-up, which every
 * `pebble-desk` command paid before it could begin (reading documents starts its workers only then).
 */
const serialPortModule = onFirstUse<typeof import('serialport')>('serialport')
const serialPort = () => serialPortModule().SerialPort

export interface PortInfo {
  path: string
  serialNumber?: string
  vendorId?: string
  productId?: string
  manufacturer?: string
}

export type PortListing = { ok: true; ports: PortInfo[] } | { ok: false; ports: PortInfo[]; reason: string }

/** The subset of a serialport stream the device manager uses; binding-mock streams fit it too. */
export interface SerialLink {
  readonly isOpen: boolean
  open(callback: (error: Error | null) => void): void
  close(callback?: (error: Error | null) => void): void
  on(event: 'data', listener: (chunk: Buffer) => void): this
  on(event: 'close', listener: (error?: Error | null) => void): this
  on(event: 'error', listener: (error: Error) => void): this
  on(event: 'end', listener: () => void): this
  removeAllListeners(): this
}

export type OpenSerialLink = (profile: ScannerProfile) => SerialLink

export const openSerialPort: OpenSerialLink = (profile) =>
  new (serialPort())({
    path: profile.path,
    baudRate: profile.baudRate,
    dataBits: profile.dataBits,
    parity: profile.parity,
    stopBits: profile.stopBits,
    autoOpen: false,
  })

export type ListSerialPorts = () => Promise<PortInfo[]>

export const listSystemPorts: ListSerialPorts = () => serialPort().list()

function clean(info: PortInfo): PortInfo {
  const out: PortInfo = { path: info.path }
  if (info.serialNumber) out.serialNumber = info.serialNumber
  if (info.vendorId) out.vendorId = info.vendorId.toLowerCase()
  if (info.productId) out.productId = info.productId.toLowerCase()
  if (info.manufacturer) out.manufacturer = info.manufacturer
  return out
}

/**
 * Lists serial ports. On Linux serialport shells out to udevadm; without it (minimal containers,
 * some kiosks) listing fails, which must degrade to "no hot-plug information", not an error:
 * scanners opened by path still work.
 */
export async function listPorts(list: ListSerialPorts = listSystemPorts): Promise<PortListing> {
  try {
    return { ok: true, ports: (await list()).map(clean) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const reason = /udevadm/.test(message)
      ? 'cannot list serial ports: udevadm is not installed (install the "udev" package); ports can still be opened by path'
      : `cannot list serial ports: ${message}`
    return { ok: false, ports: [], reason }
  }
}

/** The identity of the device behind `path` (resolving /dev/serial/by-id/… links), if listed. */
export async function identify(path: string, ports: readonly PortInfo[]): Promise<PortInfo> {
  const real = await realpath(path).catch(() => path)
  const match = ports.find((p) => p.path === path || p.path === real)
  return match ? { ...match, path } : { path }
}
