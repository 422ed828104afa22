import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GlobalFonts, createCanvas } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDesk, createDirectDeskApi, type Desk } from '../../../../src/main/services/desk'
import type { DeskApi } from '../../../../src/shared/contract'
import { builtDocumentWorker, REPO_ROOT } from '../../../support/builtApp'

/**
 * Real OCR through the desk: one bilingual page (GeM labels, Hindi beside English, drawn with
 * Debian's fonts-noto-core) imported into a tenant set to eng+hin and one set to English only.
 */
const FONTS = '/usr/share/fonts/truetype/noto'
const DEVANAGARI = join(FONTS, 'NotoSansDevanagari-Regular.ttf')
const LATIN = join(FONTS, 'NotoSans-Regular.ttf')
const DEVANAGARI_LETTER = /[\u0900-\u0963\u0970-\u097f]/

const LINES = [
  'बोली दस्तावेज़ / Bid Document',
  'वस्तु का नाम / Item Name: Rockwool Slabs',
  'कुल मात्रा / Total Quantity: 450',
  'मंत्रालय / Ministry: Ministry of Power',
  'विभाग / Department: Central Public Sector',
]

function bilingualPage(path: string): void {
  GlobalFonts.registerFromPath(DEVANAGARI, 'Test Devanagari')
  GlobalFonts.registerFromPath(LATIN, 'Test Latin')
  const canvas = createCanvas(1800, 120 + LINES.length * 110)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.fillStyle = '#000'
  ctx.font = '48px "Test Latin", "Test Devanagari"'
  LINES.forEach((line, i) => ctx.fillText(line, 80, 130 + i * 110))
  writeFileSync(path, canvas.toBuffer('image/png'))
}

// One desk and page for every test here (useTempDirs would remove them after the first).
let dir = ''
let desk: Desk
let api: DeskApi
let page = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pebble-tenant-ocr-'))
  page = join(dir, 'gem-bid.png')
  bilingualPage(page)
  desk = await createDesk({
    dataDir: join(dir, 'data'),
    host: 'cli',
    version: '1',
    modelsDir: join(REPO_ROOT, 'models'),
    workerScript: builtDocumentWorker(),
    workers: 2,
  })
  api = createDirectDeskApi(desk).api
}, 120_000)

afterAll(async () => {
  await desk?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function readAs(
  tenantId: string,
  languages: 'eng' | 'hin' | 'eng+hin' | null,
  model: 'best' | 'fast' = 'best',
): Promise<string> {
  await api.tenants.create({ id: tenantId, name: tenantId })
  await api.tenants.select({ tenantId })
  if (languages) await api.ocr['settings.set']({ languages, model })
  await api.documents.import({ paths: [page] })
  await desk.idle()
  const [record] = (await api.documents.list()).documents
  expect(record?.extraction).toMatchObject({ state: 'done', langs: languages ?? 'eng', model })
  const text = await api.documents.text({ documentId: record!.id })
  return text.pages.map((p) => p.text).join('\n')
}

describe.skipIf(!existsSync(DEVANAGARI))('a tenant’s OCR languages on a Hindi and English page', () => {
  it('eng+hin reads the Hindi labels; English only does not make Devanagari', async () => {
    const both = await readAs('gem-bilingual', 'eng+hin')
    const english = await readAs('english-only', 'eng')
    expect(both).toMatch(DEVANAGARI_LETTER)
    expect(both).toMatch(/Rockwool/)
    expect(english).not.toMatch(DEVANAGARI_LETTER)
    expect(english).toMatch(/Rockwool/)
    // A tenant without a choice reads with the desk's default, English, which adds Hindi on a page
    // English alone cannot read: choosing English is what turns that off.
    expect(await readAs('desk-default', null)).toMatch(DEVANAGARI_LETTER)
  }, 180_000)

  it('reading a document again after the admin adds Hindi uses the new choice', async () => {
    expect(await readAs('changed-mind', 'eng')).not.toMatch(DEVANAGARI_LETTER)
    await api.ocr['settings.set']({ languages: 'eng+hin', model: 'best' })
    const [record] = (await api.documents.list()).documents
    await api.documents.extract({ documentIds: [record!.id] })
    await desk.idle()
    const [again] = (await api.documents.list()).documents
    expect(again?.extraction).toMatchObject({ state: 'done', langs: 'eng+hin' })
    const text = await api.documents.text({ documentId: again!.id })
    expect(text.pages.map((p) => p.text).join('\n')).toMatch(DEVANAGARI_LETTER)
  }, 120_000)

  it('Hindi only, with the fast model, reads the Hindi labels too', async () => {
    expect(await readAs('hindi-fast', 'hin', 'fast')).toMatch(DEVANAGARI_LETTER)
  }, 120_000)
})
