import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import {
  DeskError,
  type ProfileSummary,
  type ProfileVersion,
  type ProfileVersions,
  type TenantId,
} from '../../../../shared/contract'
import type { Profile } from '../../../../shared/tenders/screening'
import { readJsonFile, SerialQueue, writeJsonFile } from '../../storage/jsonFile'
import { parseProfileText } from '../profiles'

const formatSchema = z.enum(['json', 'yaml'])

const versionSchema = z.object({
  version: z.number().int().positive(),
  savedAt: z.string().nullable(),
  format: formatSchema,
  text: z.string(),
  restoredFrom: z.number().int().positive().optional(),
})

const storedProfileSchema = z.object({
  name: z.string(),
  /** Oldest first; the last one is current. */
  versions: z.array(versionSchema).min(1),
})
type StoredProfile = z.infer<typeof storedProfileSchema>
type StoredVersion = StoredProfile['versions'][number]

/** Version 2: every profile keeps all its versions. */
const storeV2Schema = z.object({ version: z.literal(2), profiles: z.array(storedProfileSchema) })

/** Version 1 (before versions were kept): one text per name, read as version 1 of each. */
const storeV1Schema = z
  .object({ profiles: z.array(z.object({ name: z.string(), format: formatSchema, text: z.string() })) })
  .transform((v1) => ({
    version: 2 as const,
    profiles: v1.profiles.map(({ name, format, text }): StoredProfile => ({
      name,
      versions: [{ version: 1, savedAt: null, format, text }],
    })),
  }))

const storedSchema = z.union([storeV2Schema, storeV1Schema]).transform((store) => ({
  ...store,
  // Hand edits may reorder versions; "current" is always the highest number.
  profiles: store.profiles.map((p) => ({
    ...p,
    versions: [...p.versions].sort((a, b) => a.version - b.version),
  })),
}))

export interface ProfileSet {
  profiles: Profile[]
  summaries: ProfileSummary[]
  /** Changes whenever any profile's content changes: the key screening results are cached under. */
  hash: string
}

export interface SaveOptions {
  /** Save over a same-named profile as its next version. */
  replace?: boolean
  /** Save over it only while its current version is this one (implies replace). */
  expectedVersion?: number
}

export interface SaveOutcome {
  summary: ProfileSummary
  /** False when the text equalled the current version, so nothing new was stored. */
  changed: boolean
}

const fileName = (format: StoredVersion['format']) => `profile.${format === 'yaml' ? 'yaml' : 'json'}`

const currentOf = (stored: StoredProfile): StoredVersion => stored.versions[stored.versions.length - 1]!

function summarise(stored: StoredProfile, profile: Profile): ProfileSummary {
  const current = currentOf(stored)
  return {
    name: profile.name,
    ...(profile.category ? { category: profile.category } : {}),
    threshold: profile.threshold,
    terms: profile.terms.length,
    exclusions: profile.exclude.length,
    format: current.format,
    text: current.text,
    version: current.version,
    savedAt: current.savedAt,
  }
}

/**
 * A tenant's screening profiles, kept as the analyst wrote them in `<tenant>/screening/profiles.json`.
 * Saving over a name adds a version; earlier versions are kept and can be restored (as a new version).
 */
export class ProfileStore {
  private readonly sets = new Map<TenantId, ProfileSet>()
  private readonly stores = new Map<TenantId, StoredProfile[]>()
  private readonly queue = new SerialQueue()

  constructor(
    private readonly folderOf: (tenantId: TenantId) => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private path(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'screening', 'profiles.json')
  }

  async load(tenantId: TenantId): Promise<ProfileSet> {
    const cached = this.sets.get(tenantId)
    if (cached) return cached
    const stored = await this.stored(tenantId)
    const set = build(stored)
    this.sets.set(tenantId, set)
    return set
  }

  private async stored(tenantId: TenantId): Promise<StoredProfile[]> {
    const cached = this.stores.get(tenantId)
    if (cached) return cached
    const store = await readJsonFile(this.path(tenantId), storedSchema, { version: 2, profiles: [] })
    this.stores.set(tenantId, store.profiles)
    return store.profiles
  }

  /**
   * Validates first (errors carry JSON paths in `details.errors`). A same-named profile gets the text
   * as its next version only when the caller says so (`replace`, or `expectedVersion` matching);
   * otherwise CONFLICT with `details: { exists: true, name, version }`.
   */
  save(
    tenantId: TenantId,
    text: string,
    format: StoredVersion['format'],
    options: SaveOptions = {},
  ): Promise<SaveOutcome> {
    const profile = parseProfileText(text, fileName(format))
    return this.queue.run(async () => {
      const all = await this.stored(tenantId)
      const existing = all.find((p) => p.name === profile.name)
      if (!existing) {
        if (options.expectedVersion !== undefined)
          throw new DeskError(
            'CONFLICT',
            `Profile ${profile.name} no longer exists; it was not saved over version ${options.expectedVersion}.`,
            { exists: false, name: profile.name },
          )
        const created: StoredProfile = {
          name: profile.name,
          versions: [{ version: 1, savedAt: this.now().toISOString(), format, text }],
        }
        await this.write(tenantId, [...all, created])
        return { summary: summarise(created, profile), changed: true }
      }
      const current = currentOf(existing)
      if (current.text === text && current.format === format)
        return { summary: summarise(existing, profile), changed: false }
      const allowed =
        options.expectedVersion !== undefined
          ? options.expectedVersion === current.version
          : options.replace === true
      if (!allowed)
        throw new DeskError(
          'CONFLICT',
          options.expectedVersion !== undefined
            ? `Profile ${profile.name} is at version ${current.version} now, not ${options.expectedVersion}; it was not replaced.`
            : `A profile named ${profile.name} exists (version ${current.version}); save with replace to keep this as version ${current.version + 1}.`,
          { exists: true, name: profile.name, version: current.version },
        )
      const next = this.append(existing, { format, text })
      await this.write(
        tenantId,
        all.map((p) => (p === existing ? next : p)),
      )
      return { summary: summarise(next, profile), changed: true }
    })
  }

  /** Every version of a profile, newest first. */
  async versions(tenantId: TenantId, name: string): Promise<ProfileVersions> {
    const existing = (await this.stored(tenantId)).find((p) => p.name === name)
    if (!existing) throw new DeskError('NOT_FOUND', `No profile named ${name}.`, { name })
    return {
      name,
      current: currentOf(existing).version,
      versions: [...existing.versions].reverse().map((v): ProfileVersion => ({ ...v })),
    }
  }

  /** Saves an earlier version's text as the newest version; nothing is stored if it is current already. */
  restore(tenantId: TenantId, name: string, version: number): Promise<SaveOutcome> {
    return this.queue.run(async () => {
      const all = await this.stored(tenantId)
      const existing = all.find((p) => p.name === name)
      if (!existing) throw new DeskError('NOT_FOUND', `No profile named ${name}.`, { name })
      const old = existing.versions.find((v) => v.version === version)
      if (!old)
        throw new DeskError('NOT_FOUND', `Profile ${name} has no version ${version}.`, { name, version })
      const profile = parseProfileText(old.text, fileName(old.format))
      if (profile.name !== name)
        throw new DeskError(
          'INVALID_INPUT',
          `Version ${version} of ${name} names the profile ${profile.name}; it was not restored.`,
          { name, version },
        )
      const current = currentOf(existing)
      if (current.text === old.text && current.format === old.format)
        return { summary: summarise(existing, profile), changed: false }
      const next = this.append(existing, { format: old.format, text: old.text, restoredFrom: version })
      await this.write(
        tenantId,
        all.map((p) => (p === existing ? next : p)),
      )
      return { summary: summarise(next, profile), changed: true }
    })
  }

  remove(tenantId: TenantId, name: string): Promise<boolean> {
    return this.queue.run(async () => {
      const all = await this.stored(tenantId)
      const kept = all.filter((p) => p.name !== name)
      if (kept.length === all.length) return false
      await this.write(tenantId, kept)
      return true
    })
  }

  private append(
    existing: StoredProfile,
    entry: Pick<StoredVersion, 'format' | 'text' | 'restoredFrom'>,
  ): StoredProfile {
    const version = currentOf(existing).version + 1
    return {
      name: existing.name,
      versions: [
        ...existing.versions,
        {
          version,
          savedAt: this.now().toISOString(),
          format: entry.format,
          text: entry.text,
          ...(entry.restoredFrom !== undefined ? { restoredFrom: entry.restoredFrom } : {}),
        },
      ],
    }
  }

  private async write(tenantId: TenantId, profiles: StoredProfile[]): Promise<void> {
    await writeJsonFile(this.path(tenantId), { version: 2, profiles })
    this.stores.set(tenantId, profiles)
    this.sets.set(tenantId, build(profiles))
  }
}

function build(stored: StoredProfile[]): ProfileSet {
  const profiles: Profile[] = []
  const summaries: ProfileSummary[] = []
  for (const entry of stored) {
    const current = currentOf(entry)
    try {
      const profile = parseProfileText(current.text, fileName(current.format))
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
