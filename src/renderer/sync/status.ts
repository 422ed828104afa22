import { z } from 'zod'

export const syncStateSchema = z.enum(['unconfigured', 'idle', 'syncing', 'waiting', 'stopped'])

/** What the Sync page shows; crosses the worker boundary, hence a schema. */
export const syncStatusSchema = z.object({
  state: syncStateSchema,
  /** False once the hub could not be reached; true again on the next answer. */
  online: z.boolean(),
  /** Rows still to send (rejected rows excluded). */
  pending: z.number().int().nonnegative(),
  /** Rows the hub refused; kept for a human, not retried automatically. */
  rejected: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  /** When the hub last answered (a push or a heartbeat); the status bar says "Online" only if recent. */
  lastContactAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  /** Rows acknowledged since this processor started (stored or duplicate). */
  sentTotal: z.number().int().nonnegative(),
})
export type SyncStatus = z.infer<typeof syncStatusSchema>

export const INITIAL_STATUS: SyncStatus = {
  state: 'unconfigured',
  online: true,
  pending: 0,
  rejected: 0,
  lastSuccessAt: null,
  lastContactAt: null,
  lastAttemptAt: null,
  lastError: null,
  nextAttemptAt: null,
  consecutiveFailures: 0,
  sentTotal: 0,
}
