import {
  DeskError,
  formatZodIssues,
  syncCredentialsSchema,
  type SyncCredentials,
  type SyncCredentialsInput,
  type TenantId,
} from '../../../shared/contract'
import type { SecretStore } from '../secrets'

const keyOf = (tenant: TenantId): string => `sync.${tenant}`

/**
 * Each tenant's hub connection, kept whole (URL, desk id, token) in the host's SecretStore, so a
 * host that only remembers in memory forgets all of it together. Reads are cached: the CSP asks
 * for every tenant's origin on each UI response, and decrypting each time would be wasteful.
 */
export class SyncCredentialStore {
  private readonly cache = new Map<TenantId, SyncCredentials | null>()

  constructor(private readonly secrets: SecretStore) {}

  get persistence() {
    return this.secrets.persistence
  }

  async get(tenant: TenantId): Promise<SyncCredentials | null> {
    const cached = this.cache.get(tenant)
    if (cached !== undefined) return cached
    const raw = await this.secrets.get(keyOf(tenant))
    const value = raw === null ? null : parseStored(raw, tenant)
    this.cache.set(tenant, value)
    return value
  }

  async set(tenant: TenantId, input: SyncCredentialsInput): Promise<SyncCredentials> {
    const parsed = syncCredentialsSchema.safeParse(input)
    if (!parsed.success) throw new DeskError('INVALID_INPUT', formatZodIssues(parsed.error))
    await this.secrets.set(keyOf(tenant), JSON.stringify(parsed.data))
    this.cache.set(tenant, parsed.data)
    return parsed.data
  }

  async clear(tenant: TenantId): Promise<boolean> {
    const had = await this.secrets.delete(keyOf(tenant))
    this.cache.set(tenant, null)
    return had
  }

  /** The hub origins of these tenants, each once: what the renderer's CSP lets it connect to. */
  async origins(tenants: readonly TenantId[]): Promise<string[]> {
    const found = new Set<string>()
    for (const tenant of tenants) {
      // One unreadable entry must not take every tenant's sync (or the whole UI) down with it.
      const credentials = await this.get(tenant).catch(() => null)
      if (credentials) found.add(new URL(credentials.hubUrl).origin)
    }
    return [...found].sort()
  }
}

function parseStored(raw: string, tenant: TenantId): SyncCredentials {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    json = null
  }
  const parsed = syncCredentialsSchema.safeParse(json)
  if (!parsed.success) {
    throw new DeskError('CORRUPT_FILE', `the stored hub connection of tenant "${tenant}" is unreadable`)
  }
  return parsed.data
}
