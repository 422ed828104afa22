import {
  ScannerDevice,
  type DeviceDeps,
  type DeviceErrorEvent,
  type ScanEvent,
  type StatusEvent,
} from './device'
import { TypedEmitter } from './emitter'
import { listPorts, listSystemPorts, type ListSerialPorts, type PortInfo, type PortListing } from './ports'
import type { ScannerProfileInput } from './profile'

export interface HotplugEvent {
  added: PortInfo[]
  removed: PortInfo[]
}

export type HotplugStatus = { available: true } | { available: false; reason: string }

export type ManagerEvents = {
  scan: (scan: ScanEvent) => void
  status: (status: StatusEvent) => void
  error: (error: DeviceErrorEvent) => void
  hotplug: (change: HotplugEvent) => void
  hotplugStatus: (status: HotplugStatus) => void
}

export interface ManagerOptions extends DeviceDeps {
  /** How often to poll the port list for plug/unplug; 0 turns polling off. */
  pollIntervalMs?: number
}

/**
 * The desk's serial scanners: devices by path, each reconnecting on its own, plus hot-plug
 * detection by polling the port list (serialport has no plug events). Without udevadm the poll
 * reports itself unavailable once and the devices keep working by path.
 */
export class ScannerManager extends TypedEmitter<ManagerEvents> {
  private readonly devices = new Map<string, ScannerDevice>()
  private readonly list: ListSerialPorts
  private known = new Map<string, PortInfo>()
  private pollTimer: NodeJS.Timeout | undefined
  private hotplug: HotplugStatus | undefined
  private polling = false

  constructor(private readonly options: ManagerOptions = {}) {
    super()
    this.list = options.listPorts ?? listSystemPorts
  }

  async listPorts(): Promise<PortListing> {
    return listPorts(this.list)
  }

  get hotplugStatus(): HotplugStatus | undefined {
    return this.hotplug
  }

  /** Starts polling for plug/unplug; the first poll only records what is present. */
  async watch(): Promise<void> {
    if (this.pollTimer || this.polling) return
    this.polling = true
    await this.poll(true)
    const every = this.options.pollIntervalMs ?? 2000
    if (every > 0) this.pollTimer = setInterval(() => void this.poll(false), every)
  }

  async add(profile: ScannerProfileInput): Promise<ScannerDevice> {
    const existing = this.devices.get(profile.path)
    if (existing) await existing.stop()
    const device = new ScannerDevice(profile, this.options)
    device.on('scan', (scan) => this.emit('scan', scan))
    device.on('status', (status) => this.emit('status', status))
    device.on('error', (error) => this.emit('error', error))
    this.devices.set(profile.path, device)
    await device.start()
    return device
  }

  async remove(path: string): Promise<void> {
    const device = this.devices.get(path)
    this.devices.delete(path)
    await device?.stop()
  }

  get all(): ScannerDevice[] {
    return [...this.devices.values()]
  }

  async close(): Promise<void> {
    clearInterval(this.pollTimer)
    this.pollTimer = undefined
    this.polling = false
    await Promise.all([...this.devices.values()].map((d) => d.stop()))
    this.devices.clear()
  }

  private async poll(initial: boolean): Promise<void> {
    const listing = await listPorts(this.list)
    const status: HotplugStatus = listing.ok
      ? { available: true }
      : { available: false, reason: listing.reason }
    if (this.hotplug?.available !== status.available) {
      this.hotplug = status
      this.emit('hotplugStatus', status)
    }
    if (!listing.ok) return
    const now = new Map(listing.ports.map((p) => [p.path, p]))
    const added = [...now.values()].filter((p) => !this.known.has(p.path))
    const removed = [...this.known.values()].filter((p) => !now.has(p.path))
    this.known = now
    if (!initial && (added.length > 0 || removed.length > 0)) this.emit('hotplug', { added, removed })
  }
}
