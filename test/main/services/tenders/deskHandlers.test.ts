import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { DeskError, HandlerRegistry, type DocumentRecord } from '../../../../src/shared/contract'
import type { DocumentText } from '../../../../src/shared/document-text'
import {
  FieldTemplateStore,
  ProfileStore,
  TendersDesk,
  tendersHandlers,
} from '../../../../src/main/services/tenders/desk'
import { makePage } from '../../../shared/tenders/screening/makePage'

const INSULATION = JSON.stringify({
  name: 'Insulation',
  threshold: 5,
  terms: [
    { term: 'rock wool', synonyms: ['rockwool', 'mineral wool'], weight: 5 },
    { term: 'mattress', weight: 2 },
  ],
  exclude: [{ term: 'civil works', veto: true }],
})

const sha = (c: string) => c.repeat(64)

function record(id: string, state: 'done' | 'failed' | 'running', extra: Partial<DocumentRecord> = {}) {
  const r: DocumentRecord = {
    id,
    tenantId: 'acme',
    name: `${id}.pdf`,
    sourcePath: null,
    sha256: sha(id.slice(-1)),
    size: 10,
    mediaType: 'application/pdf',
    importedAt: '2026-01-01T00:00:00.000Z',
    extraction: {
      state,
      mode: 'auto',
      langs: 'eng',
      pagesTotal: 1,
      pagesDone: 1,
      ocrPages: 0,
      confidence: 100,
      failedPages: 0,
      ...(state === 'failed' ? { error: { code: 'CORRUPT_FILE', message: 'broken xref' } } : {}),
    },
    ...extra,
  }
  return r
}

const text = (hash: string, rows: string[]): DocumentText => ({
  sha256: hash,
  mediaType: 'application/pdf',
  pipelineVersion: 'test',
  mode: 'auto',
  pages: [makePage(1, rows)],
})

let dir: string
let changed: string[]
let registry: HandlerRegistry<null>
let textCalls: number
let templates: FieldTemplateStore
let audited: unknown[]
const records = [
  record('doc-a', 'done'),
  record('doc-b', 'done'),
  record('doc-c', 'failed'),
  record('doc-d', 'running'),
]
const texts: Record<string, DocumentText> = {
  'doc-a': text(sha('a'), ['Bid Number: GEM/2026/B/7439924', 'Supply of rockwool mattress, rock wool slabs']),
  'doc-b': text(sha('b'), ['Civil works for a rockwool store', 'mattress']),
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pebble-screening-'))
  changed = []
  textCalls = 0
  audited = []
  const profiles = new ProfileStore(() => dir)
  templates = new FieldTemplateStore(() => dir)
  const desk = new TendersDesk({
    profiles,
    templates,
    list: async () => records,
    record: async (_t, id) => {
      const r = records.find((x) => x.id === id)
      if (!r) throw new DeskError('NOT_FOUND', `no document ${id}`)
      return r
    },
    text: async (_t, id) => {
      textCalls++
      const t = texts[id]
      if (!t) throw new DeskError('NOT_FOUND', 'no text')
      return t
    },
    changed: (t) => changed.push(`results:${t}`),
  })
  registry = new HandlerRegistry<null>()
  for (const [name, handler] of Object.entries(
    tendersHandlers<null>({
      tenantOf: () => 'acme',
      profiles,
      desk,
      changed: (t) => changed.push(`profiles:${t}`),
      templates,
      actor: async () => 'asha@acme',
      audit: async (change) => void audited.push(change),
    }),
  ))
    registry.register(name as never, handler as never)
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function call(method: string, params: unknown = {}) {
  const outcome = await registry.dispatch(method, params, null)
  if (!outcome.ok) throw DeskError.fromEnvelope(outcome.error)
  return outcome.result as never
}

describe('screening desk handlers', () => {
  it('saves a profile into the tenant folder, lists and removes it', async () => {
    const saved: { name: string; terms: number } = await call('tenders.profiles.save', {
      text: INSULATION,
      format: 'json',
    })
    expect(saved).toMatchObject({ name: 'Insulation', terms: 2, exclusions: 1, threshold: 5 })
    expect(readFileSync(join(dir, 'screening', 'profiles.json'), 'utf8')).toContain('Insulation')
    expect(changed).toEqual(['profiles:acme'])
    const yaml = 'name: Pumps\nterms:\n  - term: pump\n    weight: 3\n'
    await call('tenders.profiles.save', { text: yaml, format: 'yaml' })
    const list: { profiles: { name: string; format: string }[] } = await call('tenders.profiles.list')
    expect(list.profiles.map((p) => [p.name, p.format])).toEqual([
      ['Insulation', 'json'],
      ['Pumps', 'yaml'],
    ])
    expect(await call('tenders.profiles.remove', { name: 'Pumps' })).toEqual({ removed: true })
    expect(await call('tenders.profiles.remove', { name: 'Pumps' })).toEqual({ removed: false })
  })

  it('refuses an invalid profile with errors that name the JSON path', async () => {
    const bad = JSON.stringify({ name: 'X', terms: [{ term: 'a', weight: 'high' }] })
    const error = await call('tenders.profiles.save', { text: bad, format: 'json' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DeskError)
    expect((error as DeskError).code).toBe('INVALID_INPUT')
    expect((error as DeskError).details?.errors).toEqual(['terms[0].weight: expected a number'])
    const list: { profiles: unknown[] } = await call('tenders.profiles.list')
    expect(list.profiles).toEqual([])
  })

  it('keeps every version: saving over a name needs replace, and the newest is current', async () => {
    const first: { version: number; savedAt: string } = await call('tenders.profiles.save', {
      text: INSULATION,
      format: 'json',
    })
    expect(first.version).toBe(1)
    expect(Date.parse(first.savedAt)).not.toBeNaN()
    const heavier = INSULATION.replace('"weight":5', '"weight":50')
    const refused = await call('tenders.profiles.save', { text: heavier, format: 'json' }).catch(
      (e: unknown) => e,
    )
    expect(refused).toBeInstanceOf(DeskError)
    expect((refused as DeskError).code).toBe('CONFLICT')
    expect((refused as DeskError).details).toEqual({ exists: true, name: 'Insulation', version: 1 })
    expect(changed).toEqual(['profiles:acme'])
    // The same text again is no change, so it needs no replace and stores nothing.
    expect(await call('tenders.profiles.save', { text: INSULATION, format: 'json' })).toMatchObject({
      version: 1,
    })
    const second = await call('tenders.profiles.save', { text: heavier, format: 'json', replace: true })
    expect(second).toMatchObject({ name: 'Insulation', version: 2, text: heavier })
    expect(changed).toEqual(['profiles:acme', 'profiles:acme'])
    const list: { profiles: { name: string; version: number; text: string }[] } =
      await call('tenders.profiles.list')
    expect(list.profiles.map((p) => [p.name, p.version, p.text])).toEqual([['Insulation', 2, heavier]])
    const versions: { current: number; versions: { version: number; text: string; savedAt: string }[] } =
      await call('tenders.profiles.versions', { name: 'Insulation' })
    expect(versions.current).toBe(2)
    expect(versions.versions.map((v) => [v.version, v.text])).toEqual([
      [2, heavier],
      [1, INSULATION],
    ])
    // expectedVersion replaces only the version the caller saw.
    const stale = await call('tenders.profiles.save', {
      text: INSULATION.replace('"weight":2', '"weight":3'),
      format: 'json',
      expectedVersion: 1,
    }).catch((e: unknown) => e)
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { version: 2 } })
    await expect(call('tenders.profiles.versions', { name: 'Nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('restores an earlier version as a new version, so nothing is lost', async () => {
    await call('tenders.profiles.save', { text: INSULATION, format: 'json' })
    const heavier = INSULATION.replace('"weight":5', '"weight":50')
    await call('tenders.profiles.save', { text: heavier, format: 'json', expectedVersion: 1 })
    changed = []
    const restored = await call('tenders.profiles.restore', { name: 'Insulation', version: 1 })
    expect(restored).toMatchObject({ name: 'Insulation', version: 3, text: INSULATION, format: 'json' })
    expect(changed).toEqual(['profiles:acme'])
    const versions: {
      current: number
      versions: { version: number; text: string; restoredFrom?: number }[]
    } = await call('tenders.profiles.versions', { name: 'Insulation' })
    expect(versions.current).toBe(3)
    expect(versions.versions.map((v) => [v.version, v.text, v.restoredFrom])).toEqual([
      [3, INSULATION, 1],
      [2, heavier, undefined],
      [1, INSULATION, undefined],
    ])
    // The store on disk says the same to a fresh reader.
    const fresh = new ProfileStore(() => dir)
    expect((await fresh.load('acme')).summaries.map((p) => [p.name, p.version])).toEqual([['Insulation', 3]])
    await expect(call('tenders.profiles.restore', { name: 'Insulation', version: 9 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('reads a store written before versions were kept as version 1 of each profile', async () => {
    mkdirSync(join(dir, 'screening'), { recursive: true })
    const old = { profiles: [{ name: 'Insulation', format: 'json', text: INSULATION }] }
    writeFileSync(join(dir, 'screening', 'profiles.json'), JSON.stringify(old))
    const list: { profiles: { name: string; version: number; savedAt: string | null }[] } =
      await call('tenders.profiles.list')
    expect(list.profiles).toEqual([
      expect.objectContaining({ name: 'Insulation', version: 1, savedAt: null, terms: 2 }),
    ])
    const heavier = INSULATION.replace('"weight":5', '"weight":50')
    await call('tenders.profiles.save', { text: heavier, format: 'json', replace: true })
    const onDisk = JSON.parse(readFileSync(join(dir, 'screening', 'profiles.json'), 'utf8')) as {
      version: number
      profiles: { name: string; versions: { version: number; savedAt: string | null }[] }[]
    }
    expect(onDisk.version).toBe(2)
    expect(onDisk.profiles[0]?.versions.map((v) => [v.version, v.savedAt === null])).toEqual([
      [1, true],
      [2, false],
    ])
  })

  it('refuses a store that is neither format, naming the file', async () => {
    mkdirSync(join(dir, 'screening'), { recursive: true })
    writeFileSync(join(dir, 'screening', 'profiles.json'), JSON.stringify({ version: 2, profiles: [{}] }))
    await expect(call('tenders.profiles.list')).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringContaining('profiles.json') as unknown,
    })
  })

  it('lists every document: screened rows ranked data, a failed one with its error, a pending one', async () => {
    await call('tenders.profiles.save', { text: INSULATION, format: 'json' })
    const { rows } = (await call('tenders.results')) as {
      rows: import('../../../../src/shared/contract').ScreeningRow[]
    }
    const byId = Object.fromEntries(rows.map((r) => [r.documentId, r]))
    expect(byId['doc-a']).toMatchObject({ state: 'screened', profile: 'Insulation', relevant: true })
    expect(byId['doc-a']?.score).toBeGreaterThan(5)
    expect(byId['doc-a']?.fields.bidNumber?.normalised).toBe('GEM/2026/B/7439924')
    expect(byId['doc-b']).toMatchObject({ state: 'screened', relevant: false })
    expect(byId['doc-b']?.reasons.join(' ')).toMatch(/civil works/)
    expect(byId['doc-c']).toMatchObject({ state: 'failed', error: { code: 'CORRUPT_FILE' } })
    expect(byId['doc-d']).toMatchObject({ state: 'pending', score: 0 })
  })

  it('caches results per document and profile set; a profile change screens again', async () => {
    await call('tenders.profiles.save', { text: INSULATION, format: 'json' })
    await call('tenders.results')
    const afterFirst = textCalls
    await call('tenders.results')
    expect(textCalls).toBe(afterFirst * 2) // text is read again, but the screening is cached …
    const before = ((await call('tenders.results')) as { rows: { score: number }[] }).rows[0]?.score
    const heavier = INSULATION.replace('"weight":5', '"weight":50')
    await call('tenders.profiles.save', { text: heavier, format: 'json', replace: true })
    const after = ((await call('tenders.results')) as { rows: { score: number }[] }).rows[0]?.score
    expect(after).toBeGreaterThan(before ?? 0) // … and redone under the new profile set
  })

  it('gives the evidence view every hit with word indexes and every field with its box', async () => {
    await call('tenders.profiles.save', { text: INSULATION, format: 'json' })
    const detail = (await call('tenders.detail', {
      documentId: 'doc-a',
    })) as import('../../../../src/shared/contract').ScreeningDetail
    const terms = detail.profiles[0]?.terms ?? []
    const rock = terms.find((t) => t.term === 'rock wool')
    expect(rock?.count).toBe(2)
    expect(rock?.hits[0]?.words[0]?.indexes.length).toBeGreaterThan(0)
    expect(rock?.points).toBeGreaterThan(0)
    expect(detail.fields.bidNumber?.bbox).toHaveLength(4)
    await expect(call('tenders.detail', { documentId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('exports the chosen rows in order as CSV and XLSX with decisions', async () => {
    await call('tenders.profiles.save', { text: INSULATION, format: 'json' })
    const csv: { dataBase64: string; rows: number; fileName: string } = await call('tenders.export', {
      format: 'csv',
      documentIds: ['doc-b', 'doc-a'],
      decisions: [{ documentId: 'doc-a', decision: 'relevant', reason: 'our range', decidedBy: 'asha' }],
    })
    expect(csv.rows).toBe(2)
    expect(csv.fileName).toMatch(/\.csv$/)
    const bytes = Buffer.from(csv.dataBase64, 'base64')
    // The downloaded file starts with a UTF-8 BOM, so Excel does not garble non-ASCII text.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n')
    expect(lines[0]).toMatch(/^file,sha256,profile,score,relevant,decision,reason,decidedBy,matches/)
    expect(lines[1]).toMatch(/^doc-b\.pdf/)
    expect(lines[2]).toMatch(/^doc-a\.pdf,.*,relevant,our range,asha,/)
    expect(lines[2]).toContain('GEM/2026/B/7439924')
    const xlsx: { dataBase64: string } = await call('tenders.export', { format: 'xlsx' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Screening')!
    expect(sheet.getRow(1).getCell(1).value).toBe('file')
    expect([2, 3].map((r) => sheet.getRow(r).getCell(1).value).sort()).toEqual(['doc-a.pdf', 'doc-b.pdf'])
  })

  it('textReady screens at once and announces the change', async () => {
    await call('tenders.profiles.save', { text: INSULATION, format: 'json' })
    changed = []
    const desk = new TendersDesk({
      profiles: new ProfileStore(() => dir),
      templates: new FieldTemplateStore(() => dir),
      list: async () => records,
      record: async () => records[0]!,
      text: async () => texts['doc-a']!,
      changed: (t) => changed.push(t),
    })
    await desk.textReady(records[0]!, texts['doc-a']!)
    expect(changed).toEqual(['acme'])
  })
})
