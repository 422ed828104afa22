import { ScannerDevice, type ScanEvent, type ScannerLog, type StatusEvent } from '../../services/scanners'
import { EXIT, UsageError, type CliIo, type OutputMode } from '../io'
import type { CliValues } from '../run'
import { describeElement, gs1Json } from './gs1'

function parseBaud(raw: string | undefined): number {
  if (raw === undefined) return 9600
  const baud = Number(raw)
  if (!Number.isInteger(baud) || baud <= 0) throw new UsageError(`--baud ${raw} is not a baud rate`)
  return baud
}

function scanJson(scan: ScanEvent): Record<string, unknown> {
  const json: Record<string, unknown> = { timestamp: scan.timestamp, device: scan.device, data: scan.data }
  if (scan.gs1) Object.assign(json, gs1Json(scan.gs1))
  if (scan.parseError) json.error = { code: 'INVALID_INPUT', ...scan.parseError }
  return json
}

function scanText(scan: ScanEvent): string {
  const head = `${scan.timestamp} ${scan.device.path}`
  if (scan.parseError) return `${head} ${JSON.stringify(scan.data)}: ${scan.parseError.message}`
  const parts = scan.gs1?.elements.map(describeElement) ?? []
  if (scan.gs1?.text !== undefined && parts.length === 0) parts.push(`text: ${scan.gs1.text}`)
  return `${head} ${parts.join(' | ')}`
}

/** Prints scans from one serial scanner, one per line, until SIGINT/SIGTERM. */
export async function runScannersListen(
  values: CliValues,
  args: readonly string[],
  io: CliIo,
  mode: OutputMode,
): Promise<number> {
  if (args.length > 0) throw new UsageError('scanners listen takes no arguments (use --port)')
  if (!values.port)
    throw new UsageError(`scanners listen needs --port <path>, e.g. --port /dev/ttyACM0 or COM3`)
  const log: ScannerLog = {
    info: () => undefined,
    warn: (m) => io.stderr(`pebble-desk: ${m}\n`),
    error: (m) => io.stderr(`pebble-desk: ${m}\n`),
  }
  const device = new ScannerDevice({ path: values.port, baudRate: parseBaud(values.baud) }, { log })
  device.on('scan', (scan) => io.stdout((mode.json ? JSON.stringify(scanJson(scan)) : scanText(scan)) + '\n'))
  let last: StatusEvent | undefined
  device.on('status', (s) => {
    last = s
    if (s.status === 'connected' || s.status === 'connecting') return
    const retry = s.retryInMs !== undefined ? `, retrying in ${s.retryInMs} ms` : ''
    io.stderr(`pebble-desk: ${s.path}: ${s.status}${s.message ? ` (${s.message}${retry})` : ''}\n`)
  })
  await device.start()
  // An error with no retry scheduled means the settings themselves are unusable.
  if (last?.status === 'error' && last.retryInMs === undefined) return (await device.stop(), EXIT.failure)
  if (device.status === 'connected') io.stderr(`pebble-desk: reading ${values.port}; press Ctrl+C to stop\n`)
  await io.untilStopped()
  await device.stop()
  return EXIT.ok
}
