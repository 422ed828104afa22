import type { Scan } from '../../../shared/contract'
import { redactDeep } from '../../../shared/redaction'

type ScanListener = (scan: Scan) => void

const listeners = new Set<ScanListener>()

/**
 * Every scan this window receives (serial or keyboard), once. The extension point for scan-driven
 * work: the QC desk subscribes here to open or start the COA record of the batch in AI (10) and to
 * check AI (17) against the COA's expiry; a pick list marks the unit picked.
 */
export function onScan(listener: ScanListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function publishScan(scan: Scan): void {
  for (const listener of [...listeners]) {
    try {
      listener(scan)
    } catch (error) {
      // One failing consumer must not stop the feed or the others.
      console.error('a scan listener failed', redactDeep(error))
    }
  }
}
