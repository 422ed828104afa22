import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import { DeskError, type ProfileSummary, type TenantId } from '../../../../shared/contract'
import type { Profile } from '../../../../shared/tenders/screening'
import { readJsonFile, writeJsonFile } from '../../storage/jsonFile'
import { parseProfileText } from '../profiles'

const storedSchema = z.object({
  profiles: z.array(z.object({ name: z.string(), format: z.enum(['json', 'yaml']), text: z.string() })),
})
type Stored = z.infer<typeof storedSchema>['profiles'][number]

export interface ProfileSet {
  profiles: Profile[]
  summaries: ProfileSummary[]
  /** Changes whenever any profile's content changes: the key screening results are cached under. */
  hash: string
}

const fileName = (format: Stored['format']) => `profile.${format === 'yaml' ? 'yaml' : 'json'}`

function summarise(stored: Stored, profile: Profile): ProfileSummary {
  return {
    name: profile.name,
    ...(profile.category ? { category: profile.category } : {}),
    threshold: profile.threshold,
    terms: profile.terms.length,
    exclusions: profile.exclude.length,
    format: stored.format,
    text: stored.text,
  }
}

/** A tenant's screening profiles, kept as the analyst wrote them in `<tenant>/screening/profiles.json`. */
export class ProfileStore {
  private readonly sets = new Map<TenantId, ProfileSet>()

  constructor(private readonly folderOf: (tenantId: TenantId) => string) {}

  private path(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'screening', 'profiles.json')
  }

  async load(tenantId: TenantId): Promise<ProfileSet> {
    const cached = this.sets.get(tenantId)
    if (cached) return cached
    const stored = await readJsonFile(this.path(tenantId), storedSchema, { profiles: [] })
    const set = build(stored.profiles)
    this.sets.set(tenantId, set)
    return set
  }

  /** Validates first (errors carry JSON paths in `details.errors`); a same-named profile is replaced. */
  async save(tenantId: TenantId, text: string, format: Stored['format']): Promise<ProfileSummary> {
    const profile = parseProfileText(text, fileName(format))
    const current = await this.load(tenantId)
    const others = current.summaries
      .filter((s) => s.name !== profile.name)
      .map(({ name, format: f, text: t }) => ({ name, format: f, text: t }))
    const stored: Stored = { name: profile.name, format, text }
    await this.write(tenantId, [...others, stored])
    return summarise(stored, profile)
  }

  async remove(tenantId: TenantId, name: string): Promise<boolean> {
    const current = await this.load(tenantId)
    const kept = current.summaries.filter((s) => s.name !== name)
    if (kept.length === current.summaries.length) return false
    await this.write(
      tenantId,
      kept.map(({ name: n, format, text }) => ({ name: n, format, text })),
    )
    return true
  }

  private async write(tenantId: TenantId, profiles: Stored[]): Promise<void> {
    await writeJsonFile(this.path(tenantId), { profiles })
    this.sets.set(tenantId, build(profiles))
  }
}

function build(stored: Stored[]): ProfileSet {
  const profiles: Profile[] = []
  const summaries: ProfileSummary[] = []
  for (const entry of stored) {
    try {
      const profile = parseProfileText(entry.text, fileName(entry.format))
      profiles.push(profile)
      summaries.push(summarise(entry, profile))
    } catch (error) {
      // A file edited by hand into an invalid state must not take the whole desk down.
      if (!(error instanceof DeskError)) throw error
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(profiles)).digest('hex').slice(0, 16)
  return { profiles, summaries, hash }
}
