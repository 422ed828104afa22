import type { Gs1ElementDto, Scan, ScannerDeviceStatus } from '../../../shared/contract'

/**
 * "at position 15: check digit …" — the position said once. The parse error's message already
 * starts "at 15: " (Gs1ParseError's own wording, also what the CLI and the logs print), so that
 * prefix is dropped before the position is put in front in words.
 */
export function describeParseError(error: { position: number; message: string }): string {
  const prefix = `at ${error.position}: `
  const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
  return `at position ${error.position}: ${reason}`
}

/** GS stays invisible in text; show it the way the test box accepts it. */
export const showGs = (data: string): string => data.replaceAll('\x1D', '<GS>')

export function sourceLabel(scan: Scan): string {
  return scan.source === 'keyboard' ? 'Keyboard scanner' : scan.device.path
}

const SPOKEN_AIS: Record<string, string> = { '10': 'batch', '17': 'expiry', '01': 'GTIN', '21': 'serial' }

function spoken(e: Gs1ElementDto): string {
  return `${SPOKEN_AIS[e.ai] ?? e.title} ${e.date ?? e.value}`
}

/** One sentence for the live region: where from, and the elements people act on first. */
export function describeScan(scan: Scan): string {
  const from = scan.source === 'keyboard' ? 'keyboard scanner' : scan.device.path
  if (scan.parseError)
    return `Scan from ${from} is not a valid GS1 barcode, ${describeParseError(scan.parseError)}`
  const elements = scan.gs1?.elements ?? []
  if (elements.length === 0) return `Scan from ${from}: ${scan.gs1?.text ?? showGs(scan.data)}`
  const first = ['10', '17'].flatMap((ai) => elements.filter((e) => e.ai === ai))
  const rest = elements.filter((e) => e.ai !== '10' && e.ai !== '17')
  return `Scan from ${from}: ${[...first, ...rest].map(spoken).join(', ')}`
}

export const STATUS_LABEL: Record<ScannerDeviceStatus, string> = {
  connecting: 'Connecting',
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  error: 'Error',
  closed: 'Closed',
}
