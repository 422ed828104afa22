import { GS } from '../../../shared/gs1'
import type { ScannerProfile } from './profile'

type PayloadProfile = Pick<ScannerProfile, 'prefix' | 'suffix' | 'gsStandIn'>

/** Strips the configured prefix/suffix and restores GS where the scanner sent a stand-in. */
export function normalisePayload(line: string, profile: PayloadProfile): string {
  let data = line
  if (profile.prefix && data.startsWith(profile.prefix)) data = data.slice(profile.prefix.length)
  if (profile.suffix && data.endsWith(profile.suffix)) data = data.slice(0, -profile.suffix.length)
  if (profile.gsStandIn) data = data.split(profile.gsStandIn).join(GS)
  return data
}

/**
 * Control characters other than GS, or undecodable bytes, mean the line is not a scan: usually a
 * baud rate or parity mismatch, or electrical noise on plug-in.
 */
export function garbageReason(data: string): string | undefined {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i)
    if (code === 0xfffd) return `undecodable byte at ${i}`
    if ((code < 0x20 && code !== 0x1d) || code === 0x7f)
      return `control character 0x${code.toString(16).padStart(2, '0')} at ${i}`
  }
  return undefined
}
