import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDesk, createDirectDeskApi } from '../../../../src/main/services/desk'
import { TenantOcrSettings } from '../../../../src/main/services/documents/ocrSettings'
import { DeskError } from '../../../../src/shared/contract'
import { signInAdmin } from '../../../support/signIn'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const REPO = resolve(__dirname, '../../../..')

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: DeskError) => `${e.code}: ${e.message}`,
  )

async function open(dataDir = tempDir()) {
  const desk = await createDesk({ dataDir, host: 'browser', version: '1', modelsDir: join(REPO, 'models') })
  const tab = () => createDirectDeskApi(desk).api
  const admin = tab()
  await signInAdmin(admin)
  return { desk, tab, admin, dataDir }
}

describe('ocr.settings.* (each tenant’s OCR languages and model)', () => {
  it('falls back to settings.json, keeps each tenant’s own choice in its folder, and survives a restart', async () => {
    const dataDir = tempDir()
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ocr: { languages: 'eng', model: 'fast' } }),
    )
    const first = await open(dataDir)
    await first.admin.tenants.create({ id: 'acme', name: 'Acme' })
    await first.admin.tenants.create({ id: 'globex', name: 'Globex' })
    await first.admin.tenants.select({ tenantId: 'acme' })
    const desk = { languages: 'eng', model: 'fast', engine: 'tesseract' }
    expect(await first.admin.ocr['settings.get']()).toEqual({ ...desk, source: 'desk', desk })

    const saved = await first.admin.ocr['settings.set']({ languages: 'eng+hin', model: 'best' })
    // Naming no engine keeps the desk's.
    expect(saved).toEqual({
      languages: 'eng+hin',
      model: 'best',
      engine: 'tesseract',
      source: 'tenant',
      desk,
    })
    const file = JSON.parse(readFileSync(join(dataDir, 'tenants', 'acme', 'ocr.json'), 'utf8'))
    expect(file).toMatchObject({ languages: 'eng+hin', model: 'best' })

    await first.admin.tenants.select({ tenantId: 'globex' })
    expect(await first.admin.ocr['settings.get']()).toMatchObject({ languages: 'eng', source: 'desk' })
    await first.desk.close()

    const again = await open(dataDir)
    await again.admin.tenants.select({ tenantId: 'acme' })
    expect(await again.admin.ocr['settings.get']()).toMatchObject({ languages: 'eng+hin', source: 'tenant' })
    await again.desk.close()
  })

  it('lets any signed-in user read the choice and only an admin change it, through the desk’s guard', async () => {
    const { desk, tab, admin } = await open()
    await admin.tenants.create({ id: 'acme', name: 'Acme' })
    await admin.users.add({ name: 'Bo', roles: ['tender-analyst'], secret: '730164', reason: 'bids' })
    const bo = tab()
    await bo.users.signIn({ name: 'Bo', secret: '730164' })
    await bo.tenants.select({ tenantId: 'acme' })
    expect(await bo.ocr['settings.get']()).toMatchObject({ languages: 'eng', model: 'best' })
    expect(await codeOf(bo.ocr['settings.set']({ languages: 'hin', model: 'fast' }))).toMatch(
      /^FORBIDDEN: ocr.settings.set needs the role admin/,
    )
    expect(await codeOf(tab().ocr['settings.get']())).toMatch(/^FORBIDDEN: ocr.settings.get: sign in first/)
    expect(await bo.ocr['settings.get']()).toMatchObject({ source: 'desk' })
    await desk.close()
  })

  it('refuses a language or model it does not have', async () => {
    const { desk, admin } = await open()
    await admin.tenants.create({ id: 'acme', name: 'Acme' })
    await admin.tenants.select({ tenantId: 'acme' })
    const bad = { languages: 'fra', model: 'best' } as unknown as { languages: 'eng'; model: 'best' }
    expect(await codeOf(admin.ocr['settings.set'](bad))).toMatch(/^INVALID_INPUT/)
    await desk.close()
  })

  it('reads a tenant’s English choice as English only; the desk default may still add Hindi', async () => {
    const dir = tempDir()
    const store = new TenantOcrSettings((id) => join(dir, id), {
      languages: 'eng',
      model: 'best',
      engine: 'tesseract',
    })
    expect(await store.reading('a')).toEqual({
      langs: 'eng',
      model: 'best',
      engine: 'tesseract',
      hindiCheck: true,
    })
    await store.set('a', { languages: 'eng', model: 'fast' })
    expect(await store.reading('a')).toEqual({
      langs: 'eng',
      model: 'fast',
      engine: 'tesseract',
      hindiCheck: false,
    })
  })
})
