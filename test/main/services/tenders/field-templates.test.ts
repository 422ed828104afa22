import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DeskError, HandlerRegistry, type DocumentRecord } from '../../../../src/shared/contract'
import type { DocumentText } from '../../../../src/shared/document-text'
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
