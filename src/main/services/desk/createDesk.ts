import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DeskError, HandlerRegistry, type TenantId } from '../../../shared/contract'
import { explainRelevance, FEATURE_EXTRACTOR_ID, hashedFeatures } from '../../../shared/learning'
import { sameName } from '../../../shared/users'
import { DocumentService } from '../documents/documentService'
import { DocumentStore } from '../documents/documentStore'
import { ocrSettingsHandlers, TenantOcrSettings } from '../documents/ocrSettings'
import type { IntakeSource } from '../documents/intake'
import { JobManager } from '../jobs/jobManager'
import { ModelRegistry } from '../models/manifest'
import { qcHandlers } from '../qc/deskHandlers'
import { createScannerDesk } from '../scanners/deskHandlers'
import { FieldTemplateStore, ProfileStore, TendersDesk, tendersHandlers } from '../tenders/desk'
import { MemorySecretStore } from '../secrets'
import { bulkDeskHandlers } from '../bulk'
import { storeHandlers } from '../backup'
import { DeskMeter, deskMetricsHandlers, syncCredentialHandlers, SyncCredentialStore } from '../sync'
import { listFiles } from '../storage/walk'
import { documentClassifier, ocrAccuracyReport, ocrTruthHandlers, ocrTruthStoreOf } from '../learning'
import { TenantStore } from '../tenants/tenantStore'
import { openDeskCore } from '../core/deskCore'
import { accessGuard, UserService, usersHandlers } from '../users'
import { DeskUserStore } from './deskUser'
import { DeskSessions } from './sessions'
import type { Desk, DeskOptions, DeskSession } from './types'

function requireTenant(session: DeskSession): TenantId {
  if (!session.tenantId) throw new DeskError('TENANT_REQUIRED', 'select a tenant first')
  return session.tenantId
}

/** Builds the desk core every host drives: stores, jobs, models, and the contract's handlers. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  await mkdir(options.dataDir, { recursive: true })
  const tenants = new TenantStore(options.dataDir)
  const documents = new DocumentStore((id) => tenants.folderOf(id))
  const models = new ModelRegistry(options.modelsDir)
  const core = await openDeskCore(options)
  const maxBytes = core.maxFileBytes
  const sessions = new DeskSessions()
  const jobs = new JobManager((job) => sessions.publish(job.tenantId, 'jobs.progress', job))
  core.pipeline?.onStuckRestart(() => jobs.notice('Restarted a stuck document worker'))

  const pipeline = core.pipeline
  const ocrSettings = new TenantOcrSettings((id) => tenants.folderOf(id), {
    languages: core.settings.ocr.languages,
    model: core.settings.ocr.model,
    engine: core.settings.ocr.engine,
  })
  const meter = new DeskMeter()
  const profiles = new ProfileStore((id) => tenants.folderOf(id))
  const fieldTemplates = new FieldTemplateStore((id) => tenants.folderOf(id))
  const tendersChanged = (tenantId: TenantId) => sessions.publish(tenantId, 'tenders.changed', { tenantId })
  let screening: TendersDesk | null = null
  const service = new DocumentService({
    documents,
    classifier: await documentClassifier(options.modelsDir),
    jobs,
    pipeline,
    folderOf: (id) => tenants.folderOf(id),
    maxBytes,
    changed: (tenantId) => sessions.publish(tenantId, 'documents.changed', { tenantId }),
    textReady: async (record, text) => screening?.textReady(record, text),
    ocrFor: (tenantId) => ocrSettings.reading(tenantId),
  })
  screening = new TendersDesk({
    profiles,
    templates: fieldTemplates,
    list: (tenantId) => documents.list(tenantId),
    record: (tenantId, documentId) => documents.get(tenantId, documentId),
    text: (tenantId, documentId) => service.text(tenantId, documentId),
    changed: tendersChanged,
  })

  const scanners = createScannerDesk<DeskSession>({
    emit: (event, payload) => sessions.publish(null, event, payload),
    scanLogFile: join(options.dataDir, 'scanner', 'scans.jsonl'),
    profilesFile: join(options.dataDir, 'scanner', 'profiles.json'),
  })
  // Batch commands never scan; a desk with a UI gets its scanners back as they were.
  if (options.host !== 'cli') void scanners.restore()

  const deskUser = new DeskUserStore(options.dataDir)
  const users = new UserService(options.dataDir, { maxFailedAttempts: core.settings.users.maxFailedAttempts })
  const access = { users, idleLockMinutes: core.settings.users.idleLockMinutes }
  // A batch command runs as the operating-system user who owns the data folder, so roles there
  // would protect nothing; every host with a UI (window, browser tab) signs in and is checked.
  const guard = options.host === 'cli' ? undefined : accessGuard(access)
  // Who is at this desk is whoever signed in on the session; the command line keeps the named person.
  const atDesk = async (session: DeskSession): Promise<string | null> =>
    options.host === 'cli' ? (await deskUser.get()).name : (session.user?.name ?? null)
  const credentials = new SyncCredentialStore(options.secrets ?? new MemorySecretStore())

  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

  const registry = new HandlerRegistry<DeskSession>(guard).registerAll({
    'app.info': async (_params, session) => ({
      name: 'Pebble Desk',
      version: options.version,
      host: options.host,
      tenant: session.tenantId ? await tenants.get(session.tenantId).catch(() => null) : null,
      models: await models.status(),
    }),
    'app.user.get': async (_params, session) => ({ name: await atDesk(session) }),
    'app.user.set': async ({ name }, session) => {
      if (options.host === 'cli') return deskUser.set(name)
      if (session.user && sameName(session.user.name, name)) return { name: session.user.name }
      throw new DeskError('FORBIDDEN', `to work as ${name}, sign out and sign in as ${name}`)
    },
    'tenants.list': async (_params, session) => ({
      tenants: await tenants.list(),
      current: session.tenantId,
    }),
    'tenants.select': async ({ tenantId }, session) => {
      const tenant = await tenants.get(tenantId)
      session.tenantId = tenant.id
      return tenant
    },
    'tenants.create': async (tenant) => tenants.create(tenant),
    'documents.import': async ({ paths }, session) => {
      const tenantId = requireTenant(session)
      const files = await listFiles(paths)
      const sources = files.map((path): IntakeSource => ({ kind: 'path', path }))
      return service.importSources(tenantId, `Import ${plural(files.length, 'file')}`, sources)
    },
    'documents.upload': async ({ files }, session) => {
      const tenantId = requireTenant(session)
      const sources = files.map((f): IntakeSource => ({
        kind: 'bytes',
        name: f.name,
        bytes: Buffer.from(f.dataBase64, 'base64'),
      }))
      return service.importSources(tenantId, `Import ${plural(files.length, 'file')}`, sources)
    },
    'documents.list': async (_params, session) => {
      const tenantId = requireTenant(session)
      const list = await documents.list(tenantId)
      // Documents read before documents had types get one from their cached text, in the background.
      service.typeUntyped(tenantId, list)
      return { documents: list }
    },
    'documents.setType': async ({ documentId, type, by }, session) => {
      const tenantId = requireTenant(session)
      // Credited to the person named, else to whoever the desk says is at it.
      const who = by ?? (await atDesk(session)) ?? 'desk user'
      const record = await service.setType(tenantId, documentId, type, who)
      // Typing a document in or out of the tender desk changes the screening list.
      tendersChanged(tenantId)
      return record
    },
    'documents.text': async ({ documentId }, session) => service.text(requireTenant(session), documentId),
    'documents.features': async ({ documentId }, session) => {
      const text = await service.text(requireTenant(session), documentId)
      const values = hashedFeatures(text.pages.map((p) => p.text).join('\n'))
      return { features: { extractor: FEATURE_EXTRACTOR_ID, values } }
    },
    'tenders.learned': async ({ model, documentIds }, session) => {
      const tenantId = requireTenant(session)
      const results = []
      const unread: string[] = []
      for (const documentId of documentIds) {
        const text = await service.text(tenantId, documentId).catch(() => null)
        if (text === null) unread.push(documentId)
        else
          results.push({ documentId, ...explainRelevance(model, text.pages.map((p) => p.text).join('\n')) })
      }
      return { results, unread }
    },
    'documents.page': async ({ documentId, page, width }, session) =>
      service.page(requireTenant(session), documentId, page, width ?? 1200),
    'documents.extract': async ({ documentIds, mode, langs }, session) => {
      const tenantId = requireTenant(session)
      const reading = await ocrSettings.reading(tenantId)
      // Languages named in the request win; the tenant's model and engine apply either way.
      const chosen = langs
        ? { langs, model: reading.model, engine: reading.engine, hindiCheck: true }
        : reading
      return service.extract(tenantId, documentIds, { mode: mode ?? 'auto', ...chosen })
    },
    'documents.remove': async ({ documentIds }, session) => {
      const tenantId = requireTenant(session)
      const result = await service.remove(tenantId, documentIds)
      // The screening rows are the tenant's documents: removed ones leave them too.
      if (result.removed.length > 0) tendersChanged(tenantId)
      return result
    },
    'jobs.list': async (_params, session) => ({ jobs: jobs.list(requireTenant(session)) }),
    'jobs.cancel': async ({ jobId }, session) => jobs.cancel(jobId, requireTenant(session)),
    'jobs.clear': async (_params, session) => jobs.clear(requireTenant(session)),
    ...scanners.handlers,
    ...deskMetricsHandlers<DeskSession>({
      meter,
      tenantOf: (session) => session.tenantId,
      pendingDocuments: () => jobs.pendingItems(),
      ocrPages: () => pipeline?.ocrPages ?? null,
      ocrAccuracy: (tenantId) => ocrAccuracyReport(ocrTruthStoreOf(tenants.folderOf(tenantId))),
    }),
    ...ocrTruthHandlers<DeskSession>({
      tenantOf: requireTenant,
      folderOf: (tenantId) => tenants.folderOf(tenantId),
      record: (tenantId, documentId) => documents.get(tenantId, documentId),
      text: (tenantId, documentId) => service.text(tenantId, documentId),
      blobPath: (tenantId, sha256) => documents.blobPath(tenantId, sha256),
      pipeline: () => core.requirePipeline(),
    }),
    ...qcHandlers<DeskSession>({
      core,
      tenantOf: requireTenant,
      text: (tenantId, documentId) => service.text(tenantId, documentId),
      record: (tenantId, documentId) => documents.get(tenantId, documentId),
      blobPath: (tenantId, sha256) => documents.blobPath(tenantId, sha256),
    }),
    ...syncCredentialHandlers<DeskSession>(credentials),
    ...ocrSettingsHandlers<DeskSession>({ settings: ocrSettings, tenantOf: requireTenant }),
    ...storeHandlers<DeskSession>({
      dataDir: options.dataDir,
      tenantOf: requireTenant,
      folderOf: (tenantId) => tenants.folderOf(tenantId),
    }),
    ...bulkDeskHandlers<DeskSession>(credentials),
    ...usersHandlers<DeskSession>(access),
    ...tendersHandlers<DeskSession>({
      tenantOf: requireTenant,
      profiles,
      desk: screening,
      changed: tendersChanged,
      templates: fieldTemplates,
      actor: async (session) => (await atDesk(session)) ?? 'desk user',
      audit: (change) => users.audit.append(change),
    }),
  })

  // Every host's calls pass through this registry: the one place to time them (api_latency).
  registry.measure({ now: meter.now, observe: (method, seconds) => meter.observe(method, seconds) })

  const firstTenant = options.defaultTenantId ?? (await tenants.list())[0]?.id ?? null

  return {
    registry,
    openSession: (emit) => sessions.open(firstTenant, emit),
    closeSession: (session) => sessions.close(session),
    idle: () => jobs.idle(),
    connectOrigins: async () => credentials.origins((await tenants.list()).map((t) => t.id)),
    async close() {
      jobs.cancelAll()
      await jobs.idle()
      await core.close()
      await scanners.close()
      sessions.clear()
    },
  }
}
