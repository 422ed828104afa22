import { z } from 'zod'

/** Tenant ids name folders and IndexedDB databases, so they are kept to a safe slug. */
export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a tenant id is 1-63 lowercase letters, digits or hyphens')
