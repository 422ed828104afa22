import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Scan } from '../../../shared/contract'
import { redactText } from '../../../shared/redaction'
import type { ScannerLog } from './device'

/** What the scan log keeps of a scan: enough to trace it, not what the label said. */
export interface ScanLogEntry {
  id: string
  timestamp: string
  source: Scan['source']
  device: Scan['device']
  kind: 'gs1' | 'not-gs1'
  length: number
  /** The GS1 application identifiers present (01, 10, 17, …), not their values. */
  ais?: string[]
  parseErrorAt?: number
  /** Only with scan-data debugging on (PEBBLE_DESK_LOG_SCAN_DATA=1). */
  data?: string
  gs1?: Scan['gs1']
}

/**
 * Every accepted scan, readable or not, as one JSON line: the device identity goes with it so a
 * bad label can be traced to the station and scanner that read it. A wedge scanner types whatever
 * it reads (a visiting card's QR code, a phone number), so the log keeps the scan's kind and length;
 * the raw data only when a technician turns debugging on. Appends are chained so lines never
 * interleave; a full disk is reported, never thrown into the read loop.
 */
export class ScanLog {
  private tail: Promise<void> = Promise.resolve()

  constructor(
    private readonly file: string | undefined,
    private readonly log: ScannerLog,
    private readonly withData = false,
  ) {}

  record(scan: Scan): void {
    const entry = scanLogEntry(scan, this.withData)
    const what = entry.kind === 'gs1' ? `GS1 ${entry.ais?.map((ai) => `(${ai})`).join('') ?? ''}` : 'not GS1'
    const data = this.withData ? ` ${redactText(JSON.stringify(scan.data))}` : ''
    this.log.info(`${scan.source} scan from ${scan.device.path}: ${what}, ${entry.length} chars${data}`)
    const file = this.file
    if (!file) return
    this.tail = this.tail
      .then(async () => {
        await mkdir(dirname(file), { recursive: true })
        await appendFile(file, JSON.stringify(entry) + '\n')
      })
      .catch((error: unknown) => this.log.error(`cannot write the scan log ${file}: ${String(error)}`))
  }

  flushed(): Promise<void> {
    return this.tail
  }
}

export function scanLogEntry(scan: Scan, withData: boolean): ScanLogEntry {
  const { id, timestamp, source, device } = scan
  const entry: ScanLogEntry = {
    id,
    timestamp,
    source,
    device,
    kind: scan.gs1 ? 'gs1' : 'not-gs1',
    length: scan.data.length,
  }
  if (scan.gs1) entry.ais = scan.gs1.elements.map((e) => e.ai)
  if (scan.parseError) entry.parseErrorAt = scan.parseError.position
  if (withData) Object.assign(entry, { data: scan.data, gs1: scan.gs1 })
  return entry
}
