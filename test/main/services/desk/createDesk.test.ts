import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Job } from '../../../../src/shared/contract'
import { createDesk, type Desk, type DeskSession } from '../../../../src/main/services/desk'
import { corpusFile } from '../../../support/corpus'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()
const REPO = resolve(__dirname, '../../../..')

async function openDesk(): Promise<{ desk: Desk; session: DeskSession; events: [string, unknown][] }> {
  const desk = await createDesk({
    dataDir: tempDir(),
    host: 'cli',
    version: '9.9.9',
    modelsDir: join(REPO, 'models'),
  })
  const events: [string, unknown][] = []
  const session = desk.openSession((name, payload) => events.push([name, payload]))
  return { desk, session, events }
}

async function call(
  desk: Desk,
  session: DeskSession,
  method: string,
  params: unknown = {},
): Promise<unknown> {
  const outcome = await desk.registry.dispatch(method, params, session)
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), outcome.error)
  return outcome.result
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('desk core', () => {
  it('imports a corpus PDF and lists it with its sha256, once even if imported twice', async () => {
    const { desk, session } = await openDesk()
    const pdf = corpusFile('tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf')
    await call(desk, session, 'documents.import', { paths: [pdf] })
    await desk.idle()
    await call(desk, session, 'documents.import', { paths: [pdf] })
    await desk.idle()
    const { documents } = (await call(desk, session, 'documents.list')) as {
      documents: Record<string, unknown>[]
    }
    expect(documents).toHaveLength(1)
    expect(documents[0]).toMatchObject({
      name: 'tender_gem_GEM-2025-B-6572913_bhel-maplitho.pdf',
      sha256: sha256(pdf),
    })
    expect(documents[0]?.mediaType).toBe('application/pdf')
  })

  it('reports each bad file with its name and reason and still imports the good ones', async () => {
    const { desk, session, events } = await openDesk()
    const dir = tempDir()
    const renamed = join(dir, 'looks-like.pdf')
    writeFileSync(renamed, 'plain text pretending to be a PDF')
    const good = corpusFile('tess_phototest.tif')
    await call(desk, session, 'documents.import', { paths: [renamed, join(dir, 'missing.pdf'), good] })
    await desk.idle()
    const finals = events.filter(([name]) => name === 'jobs.progress').map(([, job]) => job as Job)
    const last = finals.at(-1)
    expect(last).toMatchObject({ state: 'done', total: 3, completed: 3, failed: 2 })
    // Files are imported concurrently, so errors arrive in completion order.
    expect(last?.errors).toHaveLength(2)
    expect(last?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: renamed, code: 'UNSUPPORTED_FILE' }),
        expect.objectContaining({ file: join(dir, 'missing.pdf'), code: 'NOT_FOUND' }),
      ]),
    )
    const { documents } = (await call(desk, session, 'documents.list')) as {
      documents: { mediaType: string }[]
    }
    expect(documents.map((d) => d.mediaType)).toEqual(['image/tiff'])
  })

  it('keeps tenants apart: documents imported for one are not listed for another', async () => {
    const { desk, session } = await openDesk()
    await call(desk, session, 'tenants.create', { id: 'acme', name: 'Acme Steel' })
    await call(desk, session, 'tenants.create', { id: 'globex', name: 'Globex' })
    await call(desk, session, 'tenants.select', { tenantId: 'acme' })
    await call(desk, session, 'documents.upload', {
      files: [{ name: 'scan.png', dataBase64: readFileSync(corpusFile('tjs_bill.png')).toString('base64') }],
    })
    await desk.idle()
    const other = desk.openSession(() => undefined)
    await call(desk, other, 'tenants.select', { tenantId: 'globex' })
    expect(await call(desk, other, 'documents.list')).toEqual({ documents: [] })
    expect(await call(desk, other, 'jobs.list')).toEqual({ jobs: [] })
    const mine = (await call(desk, session, 'documents.list')) as { documents: unknown[] }
    expect(mine.documents).toHaveLength(1)
  })

  it('rejects requests that do not match the contract with INVALID_INPUT', async () => {
    const { desk, session } = await openDesk()
    const outcome = await desk.registry.dispatch('documents.import', { paths: 'not-a-list' }, session)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const unknown = await desk.registry.dispatch('documents.delete', {}, session)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
  })

  it('asks for a tenant before touching documents', async () => {
    const { desk, session } = await openDesk()
    session.tenantId = null
    const outcome = await desk.registry.dispatch('documents.list', {}, session)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'TENANT_REQUIRED' } })
  })

  it('reports the pinned OCR model as present and verified', async () => {
    const { desk, session } = await openDesk()
    const info = (await call(desk, session, 'app.info')) as { version: string; models: unknown[] }
    expect(info.version).toBe('9.9.9')
    expect(info.models).toContainEqual(
      expect.objectContaining({ name: 'tesseract-eng', present: true, verified: true }),
    )
  })

  it('applies the size limit from settings.json, and names a malformed settings file', async () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ limits: { maxFileMb: 0.01 } }))
    const desk = await createDesk({ dataDir, host: 'cli', version: '1', modelsDir: join(REPO, 'models') })
    const events: Job[] = []
    const session = desk.openSession(
      (name, payload) => name === 'jobs.progress' && events.push(payload as Job),
    )
    await call(desk, session, 'documents.import', { paths: [corpusFile('tess_phototest.tif')] })
    await desk.idle()
    expect(events.at(-1)?.errors[0]).toMatchObject({ code: 'FILE_TOO_LARGE' })
    expect(events.at(-1)?.errors[0]?.message).toMatch(/over the 0\.0 MiB limit/)

    const broken = tempDir()
    writeFileSync(join(broken, 'settings.json'), JSON.stringify({ limits: { maxFileMb: 'lots' } }))
    await expect(
      createDesk({ dataDir: broken, host: 'cli', version: '1', modelsDir: join(REPO, 'models') }),
    ).rejects.toThrow(`${join(broken, 'settings.json')}: limits.maxFileMb`)
  })

  it('cancels an import and says so', async () => {
    const { desk, session } = await openDesk()
    const job = (await call(desk, session, 'documents.import', {
      paths: Array.from({ length: 50 }, () =>
        corpusFile('tender_gsecl_wanakbori_RFQ-75810_technical-bid.pdf'),
      ),
    })) as Job
    const cancelled = (await call(desk, session, 'jobs.cancel', { jobId: job.id })) as Job
    expect(cancelled.state).toBe('cancelled')
    expect(cancelled.completed).toBeLessThan(50)
  })
})
