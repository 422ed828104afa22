import {
  DeskError,
  type Handler,
  type ProfileSummary,
  type ScreeningDetail,
  type ScreeningRow,
} from '../../../src/shared/contract'
import { parseProfile } from '../../../src/shared/tenders/screening'

type ScreeningMethod =
  | 'tenders.profiles.list'
  | 'tenders.profiles.save'
  | 'tenders.profiles.remove'
  | 'tenders.results'
  | 'tenders.detail'
  | 'tenders.export'

/** Screening in memory: rows and details are set by the test; profiles are really validated. */
export interface ScreeningHarness {
  rows: ScreeningRow[]
  details: Map<string, ScreeningDetail>
  profiles: ProfileSummary[]
  exports: Array<{ format: string; documentIds?: string[]; decisions: unknown[] }>
  handlers: { [M in ScreeningMethod]: Handler<M, null> }
}

export function createScreeningHarness(): ScreeningHarness {
  const h: ScreeningHarness = {
    rows: [],
    details: new Map(),
    profiles: [],
    exports: [],
    handlers: undefined as unknown as ScreeningHarness['handlers'],
  }
  h.handlers = {
    'tenders.profiles.list': () => ({ profiles: h.profiles }),
    'tenders.profiles.save': ({ text, format }) => {
      if (format === 'yaml') throw new DeskError('INVALID_INPUT', 'the harness reads JSON only')
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch {
        throw new DeskError('INVALID_INPUT', 'profile: not valid JSON')
      }
      const parsed = parseProfile(data)
      if (!parsed.ok)
        throw new DeskError('INVALID_INPUT', `profile: invalid profile: ${parsed.errors.join('; ')}`, {
          errors: parsed.errors,
        })
      const p = parsed.profile
      const summary: ProfileSummary = {
        name: p.name,
        threshold: p.threshold,
        terms: p.terms.length,
        exclusions: p.exclude.length,
        format,
        text,
      }
      h.profiles = [...h.profiles.filter((x) => x.name !== p.name), summary]
      return summary
    },
    'tenders.profiles.remove': ({ name }) => {
      const before = h.profiles.length
      h.profiles = h.profiles.filter((p) => p.name !== name)
      return { removed: h.profiles.length < before }
    },
    'tenders.results': () => ({ rows: h.rows }),
    'tenders.detail': ({ documentId }) => {
      const detail = h.details.get(documentId)
      if (!detail) throw new DeskError('NOT_FOUND', `no screening for ${documentId} in this harness`)
      return detail
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
  return h
}
