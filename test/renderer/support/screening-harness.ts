import {
  DeskError,
  type Handler,
  type MethodResult,
  type ProfileSummary,
  type ProfileVersion,
  type ScreeningDetail,
  type ScreeningRow,
} from '../../../src/shared/contract'
import { parseProfile } from '../../../src/shared/tenders/screening'
import type { FieldTemplate, ForgottenTemplate } from '../../../src/shared/tenders/templates'

type ScreeningMethod =
  | 'tenders.profiles.list'
  | 'tenders.profiles.save'
  | 'tenders.profiles.remove'
  | 'tenders.profiles.versions'
  | 'tenders.profiles.restore'
  | 'tenders.results'
  | 'tenders.detail'
  | 'tenders.export'
  | 'tenders.templates.list'
  | 'tenders.templates.learn'
  | 'tenders.templates.remove'
  | 'tenders.templates.adopt'

/** Screening in memory: rows and details are set by the test; profiles are really validated. */
export interface ScreeningHarness {
  rows: ScreeningRow[]
  /** Documents of other desks that tenders.results lists as not screened. */
  notScreened: MethodResult<'tenders.results'>['notScreened']
  details: Map<string, ScreeningDetail>
  /** The current version of each profile. */
  profiles: ProfileSummary[]
  /** Every version of each profile by name, oldest first (the last is current). */
  versions: Map<string, ProfileVersion[]>
  exports: Array<{ format: string; documentIds?: string[]; decisions: unknown[] }>
  /** tenders.templates.*: kept templates, and per document the label a lesson finds (else refused). */
  templates: FieldTemplate[]
  /** Templates removed on this desk (never taken back from the hub). */
  forgotten: ForgottenTemplate[]
  lessons: Map<string, { label: string; portal: { key: string; name: string } }>
  handlers: { [M in ScreeningMethod]: Handler<M, null> }
}

export function createScreeningHarness(): ScreeningHarness {
  const h: ScreeningHarness = {
    rows: [],
    notScreened: [],
    details: new Map(),
    profiles: [],
    versions: new Map(),
    exports: [],
    templates: [],
    forgotten: [],
    lessons: new Map(),
    handlers: undefined as unknown as ScreeningHarness['handlers'],
  }
  h.handlers = {
    'tenders.profiles.list': () => ({ profiles: h.profiles }),
    'tenders.profiles.save': ({ text, format, replace, expectedVersion }) => {
      const summary = summarise(text, format)
      const history = h.versions.get(summary.name) ?? []
      const current = history[history.length - 1]
      if (!current) {
        if (expectedVersion !== undefined)
          throw new DeskError('CONFLICT', `Profile ${summary.name} no longer exists.`, {
            exists: false,
            name: summary.name,
          })
        return put(summary.name, { text, format })
      }
      if (current.text === text && current.format === format) return currentSummary(summary.name)
      const allowed = expectedVersion !== undefined ? expectedVersion === current.version : replace === true
      if (!allowed)
        throw new DeskError(
          'CONFLICT',
          `A profile named ${summary.name} exists (version ${current.version}).`,
          {
            exists: true,
            name: summary.name,
            version: current.version,
          },
        )
      return put(summary.name, { text, format })
    },
    'tenders.profiles.remove': ({ name }) => {
      const before = h.profiles.length
      h.profiles = h.profiles.filter((p) => p.name !== name)
      h.versions.delete(name)
      return { removed: h.profiles.length < before }
    },
    'tenders.profiles.versions': ({ name }) => {
      const history = h.versions.get(name)
      if (!history) throw new DeskError('NOT_FOUND', `No profile named ${name}.`, { name })
      return { name, current: history[history.length - 1]!.version, versions: [...history].reverse() }
    },
    'tenders.profiles.restore': ({ name, version }) => {
      const old = h.versions.get(name)?.find((v) => v.version === version)
      if (!old)
        throw new DeskError('NOT_FOUND', `Profile ${name} has no version ${version}.`, { name, version })
      const history = h.versions.get(name)!
      const current = history[history.length - 1]!
      if (current.text === old.text && current.format === old.format) return currentSummary(name)
      return put(name, { text: old.text, format: old.format, restoredFrom: version })
    },
    'tenders.results': () => ({ rows: h.rows, notScreened: h.notScreened }),
    'tenders.detail': ({ documentId }) => {
      const detail = h.details.get(documentId)
      if (!detail) throw new DeskError('NOT_FOUND', `no screening for ${documentId} in this harness`)
      return detail
    },
    'tenders.templates.list': () => ({ templates: h.templates, forgotten: h.forgotten }),
    'tenders.templates.learn': ({ documentId, field, value }) => {
      const lesson = h.lessons.get(documentId)
      if (!lesson)
        throw new DeskError(
          'INVALID_INPUT',
          `${documentId}: “${value}” is not printed beside or under a label`,
        )
      const template: FieldTemplate = {
        id: `template-${h.templates.length + 1}`,
        ...lesson,
        field,
        example: value,
        learnedFrom: { documentId, name: documentId },
        learnedBy: 'harness',
        learnedAt: new Date(clock).toISOString(),
      }
      h.templates.push(template)
      return { template, replaced: false }
    },
    'tenders.templates.remove': ({ id }) => {
      const before = h.templates.length
      h.templates = h.templates.filter((t) => t.id !== id)
      const removed = h.templates.length < before
      if (removed) h.forgotten.push({ id, by: 'harness', at: new Date(clock).toISOString() })
      return { removed }
    },
    'tenders.templates.adopt': ({ templates, removed }) => {
      // The newest lesson per id wins; removed ids are forgotten (as FieldTemplateStore.adopt).
      let adopted = 0
      for (const t of templates) {
        if (h.forgotten.some((f) => f.id === t.id)) continue
        const same = h.templates.find((x) => x.id === t.id)
        if (same && same.learnedAt >= t.learnedAt) continue
        h.templates = [...h.templates.filter((x) => x !== same), t]
        adopted++
      }
      const before = h.templates.length
      h.templates = h.templates.filter((t) => !removed.includes(t.id))
      return { adopted, removed: before - h.templates.length }
    },
    'tenders.export': ({ format, documentIds, decisions }) => {
      h.exports.push({ format, ...(documentIds ? { documentIds } : {}), decisions })
      const text = `file,decision\r\n${(documentIds ?? []).join('\r\n')}\r\n`
      return {
        fileName: `screening.${format}`,
        mediaType: format === 'csv' ? 'text/csv' : 'application/octet-stream',
        dataBase64: btoa(text),
        rows: documentIds?.length ?? h.rows.length,
      }
    },
  }
  let clock = Date.parse('2026-11-20T09:30:00.000Z')

  /** Validated as the desk does (JSON only here); the summary of the text as a new version. */
  function summarise(text: string, format: 'json' | 'yaml'): ProfileSummary {
    if (format === 'yaml') throw new DeskError('INVALID_INPUT', 'the harness reads JSON only')
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      throw new DeskError('INVALID_INPUT', 'profile.json: not valid JSON')
    }
    const parsed = parseProfile(data)
    if (!parsed.ok)
      throw new DeskError('INVALID_INPUT', `profile.json: invalid profile: ${parsed.errors.join('; ')}`, {
        errors: parsed.errors,
      })
    const p = parsed.profile
    return {
      name: p.name,
      threshold: p.threshold,
      terms: p.terms.length,
      exclusions: p.exclude.length,
      format,
      text,
      version: 1,
      savedAt: null,
    }
  }

  function currentSummary(name: string): ProfileSummary {
    return h.profiles.find((p) => p.name === name)!
  }

  function put(name: string, entry: Omit<ProfileVersion, 'version' | 'savedAt'>): ProfileSummary {
    const history = h.versions.get(name) ?? []
    clock += 60_000
    const version: ProfileVersion = {
      ...entry,
      version: (history[history.length - 1]?.version ?? 0) + 1,
      savedAt: new Date(clock).toISOString(),
    }
    h.versions.set(name, [...history, version])
    const summary = {
      ...summarise(entry.text, entry.format),
      version: version.version,
      savedAt: version.savedAt,
    }
    const at = h.profiles.findIndex((p) => p.name === name)
    h.profiles = at < 0 ? [...h.profiles, summary] : h.profiles.map((p, i) => (i === at ? summary : p))
    return summary
  }

  return h
}
