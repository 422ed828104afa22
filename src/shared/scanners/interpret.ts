import { Gs1ParseError, parseGs1, type Gs1Result } from '../gs1'

export interface ScanParseError {
  /** 0-based offset in the scan's data. */
  position: number
  message: string
}

export type ScanReading =
  { gs1: Gs1Result; parseError?: undefined } | { gs1?: undefined; parseError: ScanParseError }

/**
 * Reads scan data as GS1. Every scan source (serial, keyboard wedge, the test box) goes through here so
 * the same label reads the same way whichever way it arrived.
 */
export function interpretScan(data: string, symbologyIdSent: boolean): ScanReading {
  try {
    return { gs1: parseGs1(data, { kind: symbologyIdSent ? 'scan' : 'auto' }) }
  } catch (error) {
    if (!(error instanceof Gs1ParseError)) throw error
    return { parseError: { position: error.position, message: error.message } }
  }
}
