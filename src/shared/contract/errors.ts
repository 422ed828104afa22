import { z } from 'zod'

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'TENANT_REQUIRED',
  'NOT_FOUND',
  /** The request would overwrite something the caller did not say it meant to (details say what). */
  'CONFLICT',
  'FORBIDDEN',
  'UNSUPPORTED_FILE',
  'CORRUPT_FILE',
  'ENCRYPTED',
  'FILE_TOO_LARGE',
  'IO_ERROR',
  'CANCELLED',
  'TIMEOUT',
  'WORKER_CRASHED',
  'DISCONNECTED',
  /** The host cannot encrypt a secret (no OS keychain), so it refuses to store it. */
  'ENCRYPTION_UNAVAILABLE',
  'INTERNAL',
] as const

export const errorCodeSchema = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof errorCodeSchema>

export const errorEnvelopeSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>

/** The one error type that crosses a process boundary: a stable code, a sentence, and details. */
export class DeskError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'DeskError'
    this.code = code
    this.details = details
  }

  toEnvelope(): ErrorEnvelope {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromEnvelope(envelope: ErrorEnvelope): DeskError {
    return new DeskError(envelope.code, envelope.message, envelope.details)
  }
}

/** Never leaks a stack trace: unknown failures become INTERNAL with their message only. */
export function toErrorEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof DeskError) return error.toEnvelope()
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message }
}

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}
