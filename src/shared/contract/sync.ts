import { z } from 'zod'

function parseOrNull(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * Where and as whom a desk pushes its outbox. Validated at every boundary it crosses (the
 * settings form, the contract, the secret store, the sync worker), with one set of rules.
 */
export const syncCredentialsSchema = z.object({
  hubUrl: z
    .url({ protocol: /^https?$/, error: 'the hub URL must be an http:// or https:// address' })
    .max(2000)
    // Each rule below also runs when the URL check above failed, hence parseOrNull.
    .refine((raw) => {
      const url = parseOrNull(raw)
      // A user:password@ part would leak into logs and the CSP; ?query/#hash would break path joining.
      return (
        url === null || (url.username === '' && url.password === '' && url.search === '' && url.hash === '')
      )
    }, 'the hub URL must not carry a user name, password, query or fragment')
    // The origin goes into the renderer's CSP, which cannot name an IPv6 literal and must not
    // receive a ';' (URL parsing lets one through in a host name).
    .refine(
      (raw) => /^[a-z0-9.-]+$/.test(parseOrNull(raw)?.hostname ?? ''),
      'the hub URL needs a host name or IPv4 address (letters, digits, dots, hyphens)',
    )
    .transform((u) => u.replace(/\/+$/, '')),
  deskId: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
      'a desk id is 1-100 letters, digits, dots, underscores or hyphens',
    ),
  // It goes into an Authorization header: whitespace would make every request fail.
  token: z
    .string()
    .min(1, 'the desk token is required')
    .max(500)
    .regex(/^\S+$/, 'the desk token has no spaces'),
})
export type SyncCredentials = z.output<typeof syncCredentialsSchema>
export type SyncCredentialsInput = z.input<typeof syncCredentialsSchema>

/** Where this host keeps the token: encrypted on disk (Electron safeStorage) or in memory only. */
export const secretPersistenceSchema = z.enum(['encrypted', 'memory'])
export type SecretPersistence = z.infer<typeof secretPersistenceSchema>

export const syncCredentialsSavedSchema = z.object({
  hubUrl: z.string(),
  deskId: z.string(),
  storage: secretPersistenceSchema,
})
