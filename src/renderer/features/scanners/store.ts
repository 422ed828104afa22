import { create } from 'zustand'
import type {
  Scan,
  ScannerDeviceInfo,
  ScannerErrorEvent,
  ScannerPorts,
  ScannerStatus,
} from '../../../shared/contract'

export type FeedEntry = { kind: 'scan'; scan: Scan } | { kind: 'error'; id: string; error: ScannerErrorEvent }

export const FEED_LIMIT = 50

interface ScannerState {
  devices: ScannerDeviceInfo[]
  ports: ScannerPorts | null
  /** Newest first. */
  feed: FeedEntry[]
  /** What the page's live region says about the latest scan; serial re-announces repeats. */
  announcement: { message: string; serial: number }
}

const initial: ScannerState = { devices: [], ports: null, feed: [], announcement: { message: '', serial: 0 } }

export const useScannerStore = create<ScannerState>()(() => initial)

export const resetScannerState = (): void => useScannerStore.setState(initial, true)

export const setDevices = (devices: ScannerDeviceInfo[]): void => useScannerStore.setState({ devices })

/**
 * Counts changes to the device list made by connects and status pushes. A `scanners.list` answer is a
 * snapshot from when it was asked: if the list changed meanwhile (a scanner connected while the
 * page's first list was in flight), the older snapshot must not overwrite it.
 */
let deviceChanges = 0
let listRequests = 0

/** Call before asking for `scanners.list`; pass the result to `setListedDevices`. */
export function startDeviceListing(): { changes: number; request: number } {
  return { changes: deviceChanges, request: ++listRequests }
}

/** Applies a `scanners.list` answer unless a newer list was asked for or the list changed since. */
export function setListedDevices(
  asked: { changes: number; request: number },
  devices: ScannerDeviceInfo[],
): void {
  if (asked.request === listRequests && asked.changes === deviceChanges) setDevices(devices)
}

export const setPorts = (ports: ScannerPorts): void => useScannerStore.setState({ ports })

export function upsertDevice(device: ScannerDeviceInfo): void {
  deviceChanges++
  useScannerStore.setState(({ devices }) => ({
    devices: [...devices.filter((d) => d.path !== device.path), device],
  }))
}

/** False when the status is for a device this window has not listed yet. */
export function applyStatus(status: ScannerStatus): boolean {
  const { devices } = useScannerStore.getState()
  const known = devices.find((d) => d.path === status.path)
  if (status.status === 'closed') {
    deviceChanges++
    useScannerStore.setState({ devices: devices.filter((d) => d.path !== status.path) })
    return true
  }
  if (!known) return false
  // The message and retry belong to the previous status unless this one carries its own.
  const { message: _m, retryInMs: _r, attempt: _a, ...rest } = known
  const next = { ...rest, ...status }
  deviceChanges++
  useScannerStore.setState({ devices: devices.map((d) => (d.path === status.path ? next : d)) })
  return true
}

function pushEntry(entry: FeedEntry): void {
  useScannerStore.setState(({ feed }) => ({ feed: [entry, ...feed].slice(0, FEED_LIMIT) }))
}

export function addScan(scan: Scan, announcement: string): void {
  if (useScannerStore.getState().feed.some((e) => e.kind === 'scan' && e.scan.id === scan.id)) return
  pushEntry({ kind: 'scan', scan })
  useScannerStore.setState(({ announcement: a }) => ({
    announcement: { message: announcement, serial: a.serial + 1 },
  }))
}

let nextError = 1

export function addFeedError(error: ScannerErrorEvent): void {
  pushEntry({ kind: 'error', id: `error-${nextError++}`, error })
  useScannerStore.setState(({ announcement: a }) => ({
    announcement: { message: `Scanner problem: ${error.message}`, serial: a.serial + 1 },
  }))
}
