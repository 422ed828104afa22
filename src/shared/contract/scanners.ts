import { z } from 'zod'
import { scannerProfileSchema } from '../scanners/profile'

export { scannerProfileSchema }

export const gs1ElementSchema = z.object({
  ai: z.string(),
  title: z.string(),
  value: z.string(),
  date: z.string().optional(),
  decimal: z.number().optional(),
  currency: z.string().optional(),
})
export type Gs1ElementDto = z.infer<typeof gs1ElementSchema>

export const gs1ResultSchema = z.object({
  symbology: z.string().nullable(),
  symbologyId: z.string().nullable(),
  elements: z.array(gs1ElementSchema),
  text: z.string().optional(),
  digitalLink: z.string().optional(),
})
export type Gs1ResultDto = z.infer<typeof gs1ResultSchema>

export const scanParseErrorSchema = z.object({
  position: z.number().int().nonnegative(),
  message: z.string(),
})

/** Who sent a scan: the identity that goes into the audit trail with it. */
export const scannerIdentitySchema = z.object({
  path: z.string(),
  serialNumber: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  manufacturer: z.string().optional(),
})
export type ScannerIdentity = z.infer<typeof scannerIdentitySchema>

export const scanSourceSchema = z.enum(['serial', 'keyboard'])

export const scanSchema = z.object({
  /** Unique per scan, so a UI can key its feed and a link can name the scan it came from. */
  id: z.string(),
  source: scanSourceSchema,
  device: scannerIdentitySchema,
  timestamp: z.string(),
  /** After prefix/suffix stripping and GS stand-in replacement (GS as 0x1D). */
  data: z.string(),
  gs1: gs1ResultSchema.optional(),
  parseError: scanParseErrorSchema.optional(),
})
export type Scan = z.infer<typeof scanSchema>

export const deviceStatusSchema = z.enum(['connecting', 'connected', 'reconnecting', 'error', 'closed'])
export type ScannerDeviceStatus = z.infer<typeof deviceStatusSchema>

export const scannerStatusSchema = z.object({
  path: z.string(),
  status: deviceStatusSchema,
  message: z.string().optional(),
  attempt: z.number().int().nonnegative().optional(),
  retryInMs: z.number().nonnegative().optional(),
})
export type ScannerStatus = z.infer<typeof scannerStatusSchema>

export const scannerDeviceSchema = scannerStatusSchema.extend({
  device: scannerIdentitySchema,
  profile: scannerProfileSchema,
})
export type ScannerDeviceInfo = z.infer<typeof scannerDeviceSchema>

export const hotplugSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({ available: z.literal(false), reason: z.string() }),
])

export const scannerPortsSchema = z.object({ ports: z.array(scannerIdentitySchema), hotplug: hotplugSchema })
export type ScannerPorts = z.infer<typeof scannerPortsSchema>

export const scannerErrorSchema = z.object({
  path: z.string(),
  kind: z.enum(['open', 'read', 'garbage', 'overflow', 'partial', 'profile']),
  message: z.string(),
  timestamp: z.string(),
})
export type ScannerErrorEvent = z.infer<typeof scannerErrorSchema>

/** A test-box reading: the data as the pipeline saw it, and the GS1 result or where it went wrong. */
export const scanTestResultSchema = z.object({
  data: z.string(),
  gs1: gs1ResultSchema.optional(),
  parseError: scanParseErrorSchema.optional(),
})

/** How the renderer recognised a keyboard-wedge burst; logged with the scan so misfires can be tuned. */
export const wedgeTimingSchema = z.object({
  keys: z.number().int().nonnegative(),
  meanGapMs: z.number().nonnegative(),
})

export const wedgeRequestSchema = z
  .object({
    data: z.string().min(1).max(4096),
    prefix: z.string().max(20).optional(),
    suffix: z.string().max(20).optional(),
    gsStandIn: z.string().length(1).optional(),
    symbologyIdSent: z.boolean().optional(),
    timing: wedgeTimingSchema.optional(),
  })
  .strict()

export const wedgeResponseSchema = z.discriminatedUnion('accepted', [
  z.object({ accepted: z.literal(true), scan: scanSchema }),
  z.object({ accepted: z.literal(false), reason: z.enum(['duplicate']) }),
])
