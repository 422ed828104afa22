import { z } from 'zod'
import { DeskError, type Scan, type wedgeRequestSchema } from '../../../shared/contract'
import { uuidv7 } from '../../../shared/ids'
import { interpretScan } from '../../../shared/scanners'
import { DuplicateFilter } from './dedupe'
import { garbageReason, normalisePayload } from './payload'

export const KEYBOARD_PATH = 'keyboard'

export type WedgeRequest = z.output<typeof wedgeRequestSchema>

/**
 * Keyboard-wedge bursts recognised by the renderer enter the scan pipeline here: the same
 * stripping, garbage check, duplicate window and GS1 reading as a serial scanner's lines.
 */
export class WedgeReader {
  private readonly dedupe: DuplicateFilter

  constructor(
    private readonly now: () => number = Date.now,
    duplicateWindowMs = 1500,
  ) {
    this.dedupe = new DuplicateFilter(duplicateWindowMs)
  }

  /** The scan, or null for a duplicate; INVALID_INPUT when the keys cannot be a barcode. */
  read(request: WedgeRequest): Scan | null {
    const data = normalisePayload(request.data, {
      prefix: request.prefix ?? '',
      suffix: request.suffix ?? '',
      gsStandIn: request.gsStandIn,
    })
    const garbage = garbageReason(data)
    if (garbage) throw new DeskError('INVALID_INPUT', `keyboard scan dropped: ${garbage}`, { garbage })
    const now = this.now()
    if (this.dedupe.isDuplicate(KEYBOARD_PATH, data, now)) return null
    return {
      id: uuidv7(),
      source: 'keyboard',
      device: { path: KEYBOARD_PATH },
      timestamp: new Date(now).toISOString(),
      data,
      ...interpretScan(data, request.symbologyIdSent ?? false),
    }
  }
}
