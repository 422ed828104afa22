import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Scan } from '../../../shared/contract'
import type { ScannerLog } from './device'

/**
 * Every accepted scan, readable or not, as one JSON line: the device identity goes with it so a
 * bad label can be traced to the station and scanner that read it. Appends are chained so lines
 * never interleave; a full disk is reported, never thrown into the read loop.
 */
export class ScanLog {
  private tail: Promise<void> = Promise.resolve()

  constructor(
    private readonly file: string | undefined,
    private readonly log: ScannerLog,
  ) {}

  record(scan: Scan): void {
    const summary = scan.parseError
      ? `not GS1 (${scan.parseError.message})`
      : (scan.gs1?.elements.map((e) => `(${e.ai})${e.value}`).join('') ?? '')
    this.log.info(`${scan.source} scan from ${scan.device.path}: ${JSON.stringify(scan.data)} ${summary}`)
    const file = this.file
    if (!file) return
    this.tail = this.tail
      .then(async () => {
        await mkdir(dirname(file), { recursive: true })
        await appendFile(file, JSON.stringify(scan) + '\n')
      })
      .catch((error: unknown) => this.log.error(`cannot write the scan log ${file}: ${String(error)}`))
  }

  flushed(): Promise<void> {
    return this.tail
  }
}
