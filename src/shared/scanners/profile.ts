import { z } from 'zod'

/** How a serial scanner is wired and configured; validated wherever it enters (UI, CLI, settings file). */
export const scannerProfileSchema = z.object({
  path: z.string().min(1),
  baudRate: z.number().int().positive().default(9600),
  dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).default(1),
  /**
   * Line end the scanner appends; "none" frames a scan by an inter-byte pause instead. CR by default:
   * it also frames CRLF scanners (the LF is trimmed), whereas a CRLF profile never ends a CR-only line.
   */
  terminator: z.enum(['CR', 'LF', 'CRLF', 'none']).default('CR'),
  interByteTimeoutMs: z.number().int().positive().default(80),
  prefix: z.string().default(''),
  suffix: z.string().default(''),
  /** Whether the scanner is set to transmit the AIM symbology identifier ("]d2", "]C1", …). */
  symbologyIdSent: z.boolean().default(false),
  /** A character the scanner sends in place of GS (0x1D) when it cannot send control codes. */
  gsStandIn: z.string().length(1).optional(),
  /** The same data from the same device within this window is one scan (held trigger, re-reads). */
  duplicateWindowMs: z.number().int().nonnegative().default(1500),
  maxLineLength: z.number().int().positive().default(1024),
})

export type ScannerProfile = z.infer<typeof scannerProfileSchema>
export type ScannerProfileInput = z.input<typeof scannerProfileSchema>

export function parseProfile(input: ScannerProfileInput): ScannerProfile {
  return scannerProfileSchema.parse(input)
}
