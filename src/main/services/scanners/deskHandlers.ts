import {
  DeskError,
  events,
  type EventName,
  type EventPayload,
  type HandlerMap,
  type MethodName,
  type Scan,
  type ScannerDeviceInfo,
  type ScannerStatus,
} from '../../../shared/contract'
import { Gs1ParseError, parseGs1 } from '../../../shared/gs1'
import { uuidv7 } from '../../../shared/ids'
import { z } from 'zod'
import { decodeSeparators, interpretScan, scannerProfileSchema } from '../../../shared/scanners'
import { readJsonFile, writeJsonFile } from '../storage/jsonFile'
import { consoleLog, type ScanEvent, type ScannerDevice, type ScannerLog } from './device'
import { ScannerManager, type ManagerOptions } from './manager'
import { ScanLog } from './scan-log'
import { WedgeReader } from './wedge'

export type ScannerMethod = Extract<MethodName, `scanners.${string}` | `gs1.${string}`>
export type ScannerEvent = Extract<EventName, `scanners.${string}`>

export interface ScannerDeskOptions {
  /** Sends an event to every session: scanners belong to the machine, not to a tenant. */
  emit: <E extends ScannerEvent>(event: E, payload: EventPayload<E>) => void
  /** Tests inject a manager wired to ptys or binding-mock; by default one on the system's ports. */
  manager?: ScannerManager
  managerOptions?: ManagerOptions
  /** JSON-lines file every scan is appended to. */
  scanLogFile?: string
  /** Writes raw scan data to the scan log (debugging a label); default: PEBBLE_DESK_LOG_SCAN_DATA=1. */
  logScanData?: boolean
  /** Where connected scanners' profiles are kept, so they come back after a restart. */
  profilesFile?: string
  log?: ScannerLog
  now?: () => number
}

export interface ScannerDesk<Ctx> {
  handlers: Pick<HandlerMap<Ctx>, ScannerMethod>
  /**
   * Every accepted scan, serial or keyboard, after it was logged and broadcast. This is where
   * scan-driven work in the main process (e.g. opening the COA record of AI (10)) attaches.
   */
  onScan(listener: (scan: Scan) => void): () => void
  /** Reconnects the scanners that were connected when the desk last ran (hosts with a UI call it). */
  restore(): Promise<void>
  close(): Promise<void>
}

/** The desk's scanner methods and events over one ScannerManager, which starts polling lazily. */
export function createScannerDesk<Ctx>(options: ScannerDeskOptions): ScannerDesk<Ctx> {
  const log = options.log ?? consoleLog
  const manager = options.manager ?? new ScannerManager({ log, ...options.managerOptions })
  const scanLog = new ScanLog(
    options.scanLogFile,
    log,
    options.logScanData ?? process.env.PEBBLE_DESK_LOG_SCAN_DATA === '1',
  )
  const wedge = new WedgeReader(options.now)
  const lastStatus = new Map<string, ScannerStatus>()
  const scanListeners = new Set<(scan: Scan) => void>()
  let watching: Promise<void> | undefined

  const emit = <E extends ScannerEvent>(event: E, payload: EventPayload<E>): void => {
    // Pushes skip the registry, so they are checked here: a malformed event never leaves the process.
    const checked = events[event].safeParse(payload)
    if (!checked.success) return log.error(`not sending a malformed ${event}: ${checked.error.message}`)
    options.emit(event, checked.data as EventPayload<E>)
  }

  const accept = (scan: Scan): void => {
    scanLog.record(scan)
    emit('scanners.scan', scan)
    for (const listener of scanListeners) {
      try {
        listener(scan)
      } catch (error) {
        log.error(`a scan listener failed: ${String(error)}`)
      }
    }
  }

  const sendPorts = async (): Promise<void> => {
    const listing = await manager.listPorts()
    emit('scanners.ports', { ports: listing.ports, hotplug: manager.hotplugStatus ?? hotplugOf(listing) })
  }

  manager.on('scan', (scan) => accept(serialScan(scan)))
  manager.on('status', (status) => {
    const clean = scannerStatus(status)
    if (clean.status === 'closed') lastStatus.delete(clean.path)
    else lastStatus.set(clean.path, clean)
    emit('scanners.status', clean)
  })
  manager.on('error', (error) => emit('scanners.error', { ...error, timestamp: new Date().toISOString() }))
  manager.on('hotplug', () => void sendPorts())
  manager.on('hotplugStatus', () => void sendPorts())

  // The CLI and most tests never touch scanners, so the port list is only polled once the UI asks.
  const ready = async (): Promise<void> => {
    watching ??= manager.watch().catch((error: unknown) => log.warn(`hot-plug watch: ${String(error)}`))
    await watching
  }

  const saveProfiles = async (): Promise<void> => {
    if (!options.profilesFile) return
    const profiles = manager.all.map((d) => d.profile)
    await writeJsonFile(options.profilesFile, { profiles }).catch((error: unknown) =>
      log.error(`${options.profilesFile}: cannot save scanner profiles (${String(error)})`),
    )
  }

  const describe = (device: ScannerDevice): ScannerDeviceInfo => ({
    ...(lastStatus.get(device.profile.path) ?? {}),
    path: device.profile.path,
    status: device.status,
    device: device.device,
    profile: device.profile,
  })

  const handlers: Pick<HandlerMap<Ctx>, ScannerMethod> = {
    'scanners.ports': async () => {
      await ready()
      const listing = await manager.listPorts()
      return { ports: listing.ports, hotplug: manager.hotplugStatus ?? hotplugOf(listing) }
    },
    'scanners.list': async () => {
      await ready()
      return { devices: manager.all.map(describe) }
    },
    'scanners.connect': async (profile) => {
      await ready()
      const device = await manager.add(profile)
      await saveProfiles()
      return describe(device)
    },
    'scanners.disconnect': async ({ path }) => {
      await ready()
      if (!manager.all.some((d) => d.profile.path === path))
        throw new DeskError('NOT_FOUND', `no scanner is connected on ${path}`, { path })
      await manager.remove(path)
      await saveProfiles()
      return { path }
    },
    'scanners.test': async ({ data }) => {
      await ready()
      const decoded = decodeSeparators(data)
      return { data: decoded, ...interpretScan(decoded, false) }
    },
    'scanners.wedge': async (request) => {
      await ready()
      const scan = wedge.read(request)
      if (!scan) return { accepted: false, reason: 'duplicate' }
      accept(scan)
      return { accepted: true, scan }
    },
    'gs1.parse': ({ data }) => {
      try {
        return parseGs1(decodeSeparators(data))
      } catch (error) {
        if (!(error instanceof Gs1ParseError)) throw error
        throw new DeskError('INVALID_INPUT', error.message, {
          position: error.position,
          reason: error.reason,
        })
      }
    },
  }

  return {
    handlers,
    onScan(listener) {
      scanListeners.add(listener)
      return () => scanListeners.delete(listener)
    },
    async restore() {
      if (!options.profilesFile) return
      const saved = await readJsonFile(options.profilesFile, savedProfilesSchema, { profiles: [] }).catch(
        (error: unknown) => {
          log.error(`scanner profiles not restored: ${String(error)}`)
          return { profiles: [] }
        },
      )
      if (saved.profiles.length === 0) return
      await ready()
      // A scanner that is unplugged right now is added anyway: it reconnects when it comes back.
      for (const profile of saved.profiles) {
        await manager.add(profile).catch((error: unknown) => log.error(`${profile.path}: ${String(error)}`))
      }
    },
    async close() {
      await manager.close()
      await scanLog.flushed()
    },
  }
}

const savedProfilesSchema = z.object({ profiles: z.array(scannerProfileSchema) })

function hotplugOf(listing: { ok: boolean; reason?: string }): EventPayload<'scanners.ports'>['hotplug'] {
  return listing.ok ? { available: true } : { available: false, reason: listing.reason ?? 'unavailable' }
}

function serialScan(scan: ScanEvent): Scan {
  return { id: uuidv7(), source: 'serial', ...scan }
}

function scannerStatus(status: ScannerStatus): ScannerStatus {
  const out: ScannerStatus = { path: status.path, status: status.status }
  if (status.message !== undefined) out.message = status.message
  if (status.attempt !== undefined) out.attempt = status.attempt
  if (status.retryInMs !== undefined) out.retryInMs = status.retryInMs
  return out
}
