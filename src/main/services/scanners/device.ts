import { StringDecoder } from 'node:string_decoder'
import type { Gs1Result } from '../../../shared/gs1'
import { interpretScan } from '../../../shared/scanners/interpret'
import { fullJitterDelay, type BackoffOptions } from '../../../shared/backoff'

/** Several scanners on one USB hub that drop together must not all retry in the same instant. */
export const SCANNER_BACKOFF: BackoffOptions = { baseMs: 250, capMs: 10_000, floorMs: 100 }
import { DuplicateFilter } from './dedupe'
import { TypedEmitter } from './emitter'
import { LineFramer, type FrameEvent } from './framing'
import { garbageReason, normalisePayload } from './payload'
import {
  identify,
  listPorts,
  listSystemPorts,
  openSerialPort,
  type ListSerialPorts,
  type OpenSerialLink,
  type PortInfo,
  type SerialLink,
} from './ports'
import { parseProfile, type ScannerProfile, type ScannerProfileInput } from './profile'
import { redactText } from '../../../shared/redaction'

export type DeviceStatus = 'connecting' | 'connected' | 'reconnecting' | 'error' | 'closed'

export interface StatusEvent {
  status: DeviceStatus
  path: string
  message?: string
  /** Reconnect attempt number and the delay before it, while reconnecting. */
  attempt?: number
  retryInMs?: number
}

export interface ScanEvent {
  device: PortInfo
  /** ISO 8601 time the scan's last byte arrived. */
  timestamp: string
  /** The scan after prefix/suffix stripping and GS stand-in replacement (GS as 0x1D). */
  data: string
  /** Parsed GS1 data; absent when the barcode is not valid GS1 (see `parseError`). */
  gs1?: Gs1Result
  parseError?: { position: number; message: string }
}

export interface DeviceErrorEvent {
  path: string
  kind: 'open' | 'read' | 'garbage' | 'overflow' | 'partial' | 'profile'
  message: string
}

export interface ScannerLog {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** Messages carry ports and reasons, never scan data; redaction is the net under that rule. */
export const consoleLog: ScannerLog = {
  info: (m) => console.info(`[scanner] ${redactText(m)}`),
  warn: (m) => console.warn(`[scanner] ${redactText(m)}`),
  error: (m) => console.error(`[scanner] ${redactText(m)}`),
}

export type DeviceEvents = {
  scan: (scan: ScanEvent) => void
  status: (status: StatusEvent) => void
  error: (error: DeviceErrorEvent) => void
}

export interface DeviceDeps {
  openLink?: OpenSerialLink
  listPorts?: ListSerialPorts
  log?: ScannerLog
  now?: () => number
  random?: () => number
  backoff?: BackoffOptions
}

/**
 * One serial scanner: opens the port, frames and parses scans, and keeps reconnecting with backoff
 * after an unplug or a read error until stop() is called.
 */
export class ScannerDevice extends TypedEmitter<DeviceEvents> {
  readonly profile: ScannerProfile
  private readonly framer: LineFramer
  private readonly dedupe: DuplicateFilter
  private readonly deps: Required<DeviceDeps>
  private link: SerialLink | undefined
  private decoder = new StringDecoder('utf8')
  private identity: PortInfo
  private state: DeviceStatus = 'closed'
  private attempt = 0
  private retryTimer: NodeJS.Timeout | undefined
  private idleTimer: NodeJS.Timeout | undefined
  private stopped = true

  constructor(profile: ScannerProfileInput, deps: DeviceDeps = {}) {
    super()
    this.profile = parseProfile(profile)
    this.framer = new LineFramer(this.profile)
    this.dedupe = new DuplicateFilter(this.profile.duplicateWindowMs)
    this.identity = { path: this.profile.path }
    this.deps = {
      openLink: deps.openLink ?? openSerialPort,
      listPorts: deps.listPorts ?? listSystemPorts,
      log: deps.log ?? consoleLog,
      now: deps.now ?? Date.now,
      random: deps.random ?? Math.random,
      backoff: deps.backoff ?? SCANNER_BACKOFF,
    }
  }

  get status(): DeviceStatus {
    return this.state
  }

  get device(): PortInfo {
    return this.identity
  }

  /** Resolves once the first open attempt finished (connected, or reconnecting in the background). */
  async start(): Promise<void> {
    if (!this.stopped) return
    this.stopped = false
    this.setStatus({ status: 'connecting', path: this.profile.path })
    await this.connect()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.retryTimer)
    clearTimeout(this.idleTimer)
    const link = this.link
    this.link = undefined
    this.discardPartial('port closed')
    if (link) {
      link.removeAllListeners()
      link.on('error', () => undefined)
      if (link.isOpen) await new Promise<void>((resolve) => link.close(() => resolve()))
    }
    this.setStatus({ status: 'closed', path: this.profile.path })
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    let link: SerialLink
    try {
      link = this.deps.openLink(this.profile)
    } catch (error) {
      // serialport rejects bad settings (e.g. an unsupported baud rate) synchronously: retrying won't help.
      this.report('profile', `cannot use the port settings: ${messageOf(error)}`)
      this.setStatus({ status: 'error', path: this.profile.path, message: messageOf(error) })
      return
    }
    const opened = await new Promise<Error | null>((resolve) => link.open(resolve))
    if (this.stopped) {
      if (!opened) link.close()
      return
    }
    if (opened) {
      link.removeAllListeners()
      this.report('open', `cannot open ${this.profile.path}: ${opened.message}${permissionHint(opened)}`)
      this.scheduleReconnect(opened.message, /EACCES|EPERM|permission/i.test(opened.message))
      return
    }
    this.link = link
    this.attempt = 0
    this.decoder = new StringDecoder('utf8')
    link.on('data', (chunk) => this.onData(chunk))
    link.on('error', (error) => this.onLost(link, error))
    link.on('close', (error) => this.onLost(link, error ?? new Error('port closed')))
    link.on('end', () => this.onLost(link, new Error('end of stream')))
    this.identity = await this.lookupIdentity()
    this.setStatus({ status: 'connected', path: this.profile.path })
  }

  private async lookupIdentity(): Promise<PortInfo> {
    const listing = await listPorts(this.deps.listPorts)
    if (!listing.ok) this.deps.log.warn(listing.reason)
    return identify(this.profile.path, listing.ports)
  }

  private onLost(link: SerialLink, error: Error): void {
    if (this.link !== link || this.stopped) return
    this.link = undefined
    link.removeAllListeners()
    link.on('error', () => undefined)
    if (link.isOpen) link.close()
    clearTimeout(this.idleTimer)
    this.discardPartial('disconnected')
    this.report('read', `${this.profile.path} disconnected: ${error.message}`)
    this.scheduleReconnect(error.message, false)
  }

  private scheduleReconnect(reason: string, asError: boolean): void {
    if (this.stopped) return
    const delay = fullJitterDelay(this.attempt, this.deps.backoff, this.deps.random)
    this.attempt++
    this.setStatus({
      status: asError ? 'error' : 'reconnecting',
      path: this.profile.path,
      message: reason,
      attempt: this.attempt,
      retryInMs: delay,
    })
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => void this.connect(), delay)
  }

  private onData(chunk: Buffer): void {
    this.handle(this.framer.push(this.decoder.write(chunk)))
    clearTimeout(this.idleTimer)
    if (this.profile.terminator === 'none' && this.framer.pending) {
      this.idleTimer = setTimeout(() => this.handle(this.framer.flush()), this.profile.interByteTimeoutMs)
    }
  }

  private handle(events: FrameEvent[]): void {
    for (const event of events) {
      if (event.kind === 'overflow') {
        this.report(
          'overflow',
          `dropped a ${event.length}-character line: longer than ${this.profile.maxLineLength}`,
        )
      } else this.onLine(event.line)
    }
  }

  private onLine(line: string): void {
    const data = normalisePayload(line, this.profile)
    const garbage = garbageReason(data)
    if (garbage) {
      this.report(
        'garbage',
        `dropped unreadable data (${garbage}); check the baud rate (${this.profile.baudRate}), parity and data bits`,
      )
      return
    }
    const now = this.deps.now()
    if (this.dedupe.isDuplicate(this.profile.path, data, now)) return
    const scan: ScanEvent = { device: this.identity, timestamp: new Date(now).toISOString(), data }
    const reading = interpretScan(data, this.profile.symbologyIdSent)
    if (reading.gs1) scan.gs1 = reading.gs1
    else {
      scan.parseError = reading.parseError
      this.deps.log.warn(
        `${this.profile.path}: not a valid GS1 barcode (${data.length} characters): ${reading.parseError.message}`,
      )
    }
    this.emit('scan', scan)
  }

  private discardPartial(why: string): void {
    const partial = this.framer.takePartial()
    if (partial.length > 0)
      // The operator sees what was lost on the Scanner page; the log only how much.
      this.report(
        'partial',
        `discarded a partial scan at ${why}: ${JSON.stringify(partial)}`,
        `discarded a ${partial.length}-character partial scan at ${why}`,
      )
  }

  private report(kind: DeviceErrorEvent['kind'], message: string, logged = message): void {
    this.deps.log.error(logged)
    this.emit('error', { path: this.profile.path, kind, message })
  }

  private setStatus(event: StatusEvent): void {
    this.state = event.status
    this.emit('status', event)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function permissionHint(error: Error): string {
  return /EACCES|EPERM|permission/i.test(error.message)
    ? ' (add the desk user to the dialout/plugdev group or install native/udev/99-pebble-desk-scanners.rules)'
    : ''
}
