import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeskError, HandlerRegistry, type DocumentRecord } from '../../../../src/shared/contract'
import type { DocumentText } from '../../../../src/shared/document-text'
import { HUB_ACTOR } from '../../../../src/shared/sync/kinds'
import {
  FieldTemplateStore,
  ProfileStore,
  TendersDesk,
  tendersHandlers,
} from '../../../../src/main/services/tenders/desk'
import { makePage, type Row } from '../../../shared/tenders/screening/makePage'

/**
 * Two notices from one state portal whose EMD is printed as "Bayana Rashi" (earnest money in Hindi,
 * transliterated), which no rule of the reader knows; and one from another portal with the same label.
 */
const notice = (no: string, emd: string, portal: string): Row[] => [
  'Public Works Department',
  `Tender notice for bitumen supply, see https://${portal}/tenders`,
  [
    [100, 'Tender No'],
    [700, no],
  ],
  [
    [100, 'Bayana Rashi'],
    [700, emd],
  ],
  [
    [100, 'Bid Submission End Date'],
    [700, '12/12/2026'],
  ],
]

const docs: Record<string, { rows: Row[] }> = {
  'pwd-1': { rows: notice('PWD/2026/118', '2,45,000', 'pwd.state.gov.in') },
  'pwd-2': { rows: notice('PWD/2026/207', '3,10,500', 'pwd.state.gov.in') },
  'other-1': { rows: notice('RVN/2026/9', '1,00,000', 'rvn.example.in') },
}

const record = (id: string): DocumentRecord => ({
  id,
  tenantId: 'acme',
  name: `${id}.pdf`,
  sourcePath: null,
  sha256: id.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a'),
  size: 10,
  mediaType: 'application/pdf',
  importedAt: '2026-12-01T00:00:00.000Z',
  extraction: {
    state: 'done',
    mode: 'auto',
    langs: 'eng',
    pagesTotal: 1,
    pagesDone: 1,
    ocrPages: 0,
    confidence: 100,
    failedPages: 0,
  },
})

let dir: string
let registry: HandlerRegistry<null>
let audited: { action: string; entityTable: string }[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pebble-templates-'))
  audited = []
  const templates = new FieldTemplateStore(() => dir)
  const profiles = new ProfileStore(() => dir)
  const text = (id: string): DocumentText => ({
    sha256: record(id).sha256,
    mediaType: 'application/pdf',
    pipelineVersion: 'test',
    mode: 'auto',
    pages: [makePage(1, docs[id]!.rows)],
  })
  const desk = new TendersDesk({
    profiles,
    templates,
    list: async () => Object.keys(docs).map(record),
    record: async (_t, id) => {
      if (!docs[id]) throw new DeskError('NOT_FOUND', `no document ${id}`)
      return record(id)
    },
    text: async (_t, id) => text(id),
    changed: () => undefined,
  })
  registry = new HandlerRegistry<null>()
  const handlers = tendersHandlers<null>({
    tenantOf: () => 'acme',
    profiles,
    desk,
    changed: () => undefined,
    templates,
    actor: async () => 'asha@acme',
    audit: async (change) => void audited.push(change),
  })
  for (const [name, handler] of Object.entries(handlers)) registry.register(name as never, handler as never)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function call<T>(
  method: Parameters<HandlerRegistry<null>['dispatch']>[0],
  params: unknown,
): Promise<T> {
  const outcome = await registry.dispatch(method, params, null)
  if (!outcome.ok) throw DeskError.fromEnvelope(outcome.error)
  return outcome.result as T
}

type Detail = {
  fields: Record<string, { value: string; label: string; template?: { documentName: string } }>
}

describe('a bid portal’s layout learned from one correction', () => {
  it('reads the next notice from the same portal right, says which template read it, and audits the lesson', async () => {
    expect((await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount).toBeUndefined()

    const { template } = await call<{ template: { label: string; portal: { name: string } } }>(
      'tenders.templates.learn',
      { documentId: 'pwd-1', field: 'emdAmount', value: '2,45,000' },
    )
    expect(template.label).toBe('Bayana Rashi')
    expect(template.portal.name).toBe('pwd.state.gov.in')
    expect(audited).toMatchObject([{ action: 'create', entityTable: 'fieldTemplates' }])

    const next = (await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount
    expect(next?.value).toBe('3,10,500')
    expect(next?.template?.documentName).toBe('pwd-1.pdf')
    // Another portal's notice is not read with this portal's template.
    expect((await call<Detail>('tenders.detail', { documentId: 'other-1' })).fields.emdAmount).toBeUndefined()
  })

  it('refuses a lesson that teaches nothing, naming the document and why', async () => {
    await expect(
      call('tenders.templates.learn', { documentId: 'pwd-1', field: 'emdAmount', value: '9,99,999' }),
    ).rejects.toThrow(/pwd-1\.pdf: “9,99,999” is not printed beside or under a label/)
    expect((await call<{ templates: unknown[] }>('tenders.templates.list', {})).templates).toEqual([])
  })

  it('forgets a template with a reason, and the reader’s own reading stands again', async () => {
    const { template } = await call<{ template: { id: string } }>('tenders.templates.learn', {
      documentId: 'pwd-1',
      field: 'emdAmount',
      value: '2,45,000',
    })
    expect(await call('tenders.templates.remove', { id: template.id, reason: 'wrong label' })).toEqual({
      removed: true,
    })
    expect((await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount).toBeUndefined()
    expect(audited.map((a) => a.action)).toEqual(['create', 'delete'])
  })
})

describe('a bid portal’s template another desk of the tenant taught (tenders.templates.adopt)', () => {
  const taught = (at: string, label = 'Bayana Rashi') => ({
    id: 'from-desk-a',
    portal: { key: 'web:pwd.state.gov.in', name: 'pwd.state.gov.in' },
    field: 'emdAmount',
    label,
    example: '2,45,000',
    learnedFrom: { documentId: 'pwd-1', name: 'pwd-1.pdf' },
    learnedBy: 'ravi@acme',
    learnedAt: at,
  })

  it('reads the next notice from that portal with the adopted template, audited as the hub’s', async () => {
    expect((await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount).toBeUndefined()
    expect(
      await call('tenders.templates.adopt', { templates: [taught('2026-12-05T10:00:00.000Z')], removed: [] }),
    ).toEqual({ adopted: 1, removed: 0 })
    expect(audited).toMatchObject([
      { action: 'create', entityTable: 'fieldTemplates', entityId: 'from-desk-a', actor: HUB_ACTOR },
    ])
    const next = (await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount
    expect(next?.value).toBe('3,10,500')
    expect(next?.template?.documentName).toBe('pwd-1.pdf')
    expect((await call<Detail>('tenders.detail', { documentId: 'other-1' })).fields.emdAmount).toBeUndefined()

    // The same list again changes nothing and audits nothing.
    expect(
      await call('tenders.templates.adopt', { templates: [taught('2026-12-05T10:00:00.000Z')], removed: [] }),
    ).toEqual({ adopted: 0, removed: 0 })
    expect(audited).toHaveLength(1)
  })

  it('keeps this desk’s later lesson for the same field, takes a newer one, and forgets a removed id', async () => {
    const { template: mine } = await call<{ template: { id: string; learnedAt: string } }>(
      'tenders.templates.learn',
      { documentId: 'pwd-1', field: 'emdAmount', value: '2,45,000' },
    )
    // Older than this desk's lesson: kept out.
    expect(
      await call('tenders.templates.adopt', {
        templates: [taught('2020-01-01T00:00:00.000Z', 'EMD')],
        removed: [],
      }),
    ).toEqual({ adopted: 0, removed: 0 })
    expect(
      (await call<{ templates: { id: string }[] }>('tenders.templates.list', {})).templates,
    ).toMatchObject([{ id: mine.id }])
    // Newer: replaces it, audited as an update of this desk's template.
    expect(
      await call('tenders.templates.adopt', { templates: [taught('2099-01-01T00:00:00.000Z')], removed: [] }),
    ).toEqual({ adopted: 1, removed: 0 })
    expect(audited.at(-1)).toMatchObject({ action: 'update', actor: HUB_ACTOR, entityId: 'from-desk-a' })
    expect(
      await call('tenders.templates.adopt', { templates: [], removed: ['from-desk-a', 'unknown'] }),
    ).toEqual({
      adopted: 0,
      removed: 1,
    })
    expect(audited.at(-1)).toMatchObject({ action: 'delete', actor: HUB_ACTOR, entityId: 'from-desk-a' })
    expect((await call<{ templates: unknown[] }>('tenders.templates.list', {})).templates).toEqual([])
    expect((await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount).toBeUndefined()
  })

  it('never takes back from the hub a template removed on this desk, and lists it as forgotten', async () => {
    await call('tenders.templates.adopt', { templates: [taught('2026-12-05T10:00:00.000Z')], removed: [] })
    await call('tenders.templates.remove', { id: 'from-desk-a', reason: 'wrong label' })
    // The hub has not heard of the removal yet and lists the template again.
    expect(
      await call('tenders.templates.adopt', { templates: [taught('2026-12-05T10:00:00.000Z')], removed: [] }),
    ).toEqual({ adopted: 0, removed: 0 })
    const listed = await call<{ templates: unknown[]; forgotten: { id: string; by: string }[] }>(
      'tenders.templates.list',
      {},
    )
    expect(listed.templates).toEqual([])
    expect(listed.forgotten).toMatchObject([{ id: 'from-desk-a', by: 'asha@acme' }])
    expect((await call<Detail>('tenders.detail', { documentId: 'pwd-2' })).fields.emdAmount).toBeUndefined()
    // A later lesson on this desk keeps the removal on record.
    await call('tenders.templates.learn', { documentId: 'pwd-1', field: 'emdAmount', value: '2,45,000' })
    expect(
      (await call<{ forgotten: { id: string }[] }>('tenders.templates.list', {})).forgotten.map((f) => f.id),
    ).toEqual(['from-desk-a'])
  })

  it('refuses a list that is not templates, naming the field, and stores nothing', async () => {
    const bad = { ...taught('2026-12-05T10:00:00.000Z'), field: 'colour' }
    await expect(call('tenders.templates.adopt', { templates: [bad], removed: [] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('templates.0.field'),
    })
    await expect(call('tenders.templates.adopt', { templates: [] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect((await call<{ templates: unknown[] }>('tenders.templates.list', {})).templates).toEqual([])
    expect(audited).toEqual([])
  })
})
