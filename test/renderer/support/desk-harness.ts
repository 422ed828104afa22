import {
  createDeskApi,
  DeskError,
  HandlerRegistry,
  type AppInfo,
  type DeskApi,
  type DeskTransport,
  type DocumentRecord,
  type EventName,
  type EventPayload,
  type HostKind,
  type Job,
  type MethodName,
  type OcrChoice,
  type StoreRestore,
  type StoreSnapshot,
  type SyncCredentials,
  type Tenant,
} from '../../../src/shared/contract'
import { explainRelevance, FEATURE_EXTRACTOR_ID, hashedFeatures } from '../../../src/shared/learning'
import type { RunResults, RunStatus } from '../../../src/shared/bulk/wire'
import type { DocumentText } from '../../../src/shared/document-text'
import type { ConnectionState, DeskConnection } from '../../../src/renderer/bridge'
import { createOcrTruthHarness, type OcrTruthHarness } from './ocr-truth-harness'
import { qcHarnessHandler } from './qc-harness'
import { createScannerHarness, type ScannerHarness } from './scanner-harness'
import { createScreeningHarness, type ScreeningHarness } from './screening-harness'
import { createUsersHarness, type UsersHarness } from './users-harness'
import { TINY_PNG } from './document-text'

/** A desk service in memory: real contract validation (HandlerRegistry), small handlers. */
export interface TestDesk {
  desk: DeskApi
  connection: DeskConnection & { set(state: ConnectionState): void }
  tenants: Tenant[]
  current: string | null
  documents: Map<string, DocumentRecord[]>
  jobs: Job[]
  /** documents.text answers, by document id; documents.page sizes its picture from them. */
  texts: Map<string, DocumentText>
  calls: Array<{ method: MethodName; params: unknown }>
  scanners: ScannerHarness
  /** qc.ocrTruth.* and sync.metrics: what the QC pages sent as OCR ground truth. */
  ocrTruth: OcrTruthHarness
  /** tenders.* answers: rows, details and profiles the test sets. */
  screening: ScreeningHarness
  /** sync.credentials.* per tenant, kept "in memory" as serve mode does. */
  syncCredentials: Map<string, SyncCredentials>
  /** app.user.*: who is at this desk (kept by the desk service, so it outlives a reload). */
  deskUser: string | null
  /** users.*: one admin signed in to start with; tests sign out or add users through it. */
  users: UsersHarness
  /** tenders.bulk.*: the hub's runs and results by run id, answered only with a hub connection. */
  bulk: { runs: RunStatus[]; results: Map<string, RunResults>; unreachable?: boolean }
  /** store.*: each tenant's store copy in the data folder, and the last restore, as the desk keeps them. */
  store: { snapshots: Map<string, StoreSnapshot>; restore: StoreRestore | null }
  /** ocr.settings.*: each tenant's own OCR choice (the desk's default, eng and best, otherwise). */
  ocrSettings: Map<string, OcrChoice>
  /** While set, documents.list for that tenant waits until the returned release() is called. */
  holdDocuments(tenantId: string): () => void
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

const HEX = '0123456789abcdef'
export const fakeSha = (seed: string): string =>
  Array.from({ length: 64 }, (_, i) => HEX[(seed.charCodeAt(i % seed.length) + i) % 16]).join('')

export function doc(tenantId: string, name: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: `${tenantId}-${name}`,
    tenantId,
    name,
    sourcePath: null,
    sha256: fakeSha(name),
    size: 2048,
    mediaType: 'application/pdf',
    importedAt: '2026-11-20T09:30:00.000Z',
    ...extra,
  }
}

export function createTestDesk(init: {
  tenants: Tenant[]
  current: string | null
  documents?: DocumentRecord[]
  host?: HostKind
  deskUser?: string | null
}): TestDesk {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const holds = new Map<string, Promise<void>>()
  const stateListeners = new Set<(state: ConnectionState) => void>()
  let connectionState: ConnectionState = 'connected'
  let nextJob = 1

  const t: TestDesk = {
    desk: undefined as unknown as DeskApi,
    tenants: [...init.tenants],
    current: init.current,
    documents: new Map(),
    jobs: [],
    texts: new Map(),
    calls: [],
    scanners: undefined as unknown as ScannerHarness,
    ocrTruth: createOcrTruthHarness(),
    screening: createScreeningHarness(),
    syncCredentials: new Map(),
    deskUser: init.deskUser ?? null,
    users: createUsersHarness(),
    bulk: { runs: [], results: new Map() },
    store: { snapshots: new Map(), restore: null },
    ocrSettings: new Map(),
    connection: {
      get state() {
        return connectionState
      },
      subscribe(listener) {
        stateListeners.add(listener)
        return () => stateListeners.delete(listener)
      },
      set(state) {
        connectionState = state
        for (const l of [...stateListeners]) l(state)
      },
    },
    holdDocuments(tenantId) {
      let release = (): void => undefined
      holds.set(
        tenantId,
        new Promise<void>((resolve) => {
          release = () => {
            holds.delete(tenantId)
            resolve()
          }
        }),
      )
      return () => release()
    },
    emit(event, payload) {
      for (const l of [...(listeners.get(event) ?? [])]) l(payload)
    },
  }
  t.scanners = createScannerHarness((scan) => t.emit('scanners.scan', scan))
  for (const d of init.documents ?? [])
    t.documents.set(d.tenantId, [...(t.documents.get(d.tenantId) ?? []), d])

  const requireTenant = (): string => {
    if (!t.current) throw new DeskError('TENANT_REQUIRED', 'choose a tenant first')
    return t.current
  }
  const now = (): string => new Date().toISOString()
  const requireHub = (): void => {
    const tenant = requireTenant()
    const hub = t.syncCredentials.get(tenant)
    if (hub && t.bulk.unreachable)
      throw new DeskError('DISCONNECTED', `hub ${new URL(hub.hubUrl).origin}: fetch failed`)
    if (!hub)
      throw new DeskError(
        'NOT_FOUND',
        `tenant "${tenant}" has no hub connection: set one up on the Sync page to see bulk runs`,
      )
  }

  const ocrSettingsOf = (tenantId: string) => {
    const desk: Required<OcrChoice> = { languages: 'eng', model: 'best', engine: 'tesseract' }
    const own = t.ocrSettings.get(tenantId)
    const engine = own?.engine ?? desk.engine
    return { ...(own ?? desk), engine, source: own ? ('tenant' as const) : ('desk' as const), desk }
  }

  const registry = new HandlerRegistry<null>().registerAll({
    'app.info': (): AppInfo => ({
      name: 'Pebble Desk',
      version: '0.1.0',
      host: init.host ?? 'browser',
      tenant: t.tenants.find((x) => x.id === t.current) ?? null,
      models: [
        { name: 'tesseract-eng', version: '4.0.0_best_int', kind: 'ocr', present: true, verified: true },
        {
          name: 'layout-small',
          version: '1.2',
          kind: 'layout',
          present: false,
          verified: false,
          problem: 'file missing',
        },
      ],
    }),
    'app.user.get': () => ({ name: t.deskUser }),
    'app.user.set': ({ name }) => {
      t.deskUser = name
      return { name }
    },
    'tenants.list': () => ({ tenants: t.tenants, current: t.current }),
    'tenants.select': ({ tenantId }) => {
      const tenant = t.tenants.find((x) => x.id === tenantId)
      if (!tenant) throw new DeskError('NOT_FOUND', `no tenant "${tenantId}"`)
      t.current = tenantId
      return tenant
    },
    'tenants.create': ({ id, name }) => {
      if (t.tenants.some((x) => x.id === id))
        throw new DeskError('INVALID_INPUT', `tenant "${id}" already exists`)
      const tenant = { id, name }
      t.tenants.push(tenant)
      return tenant
    },
    'documents.import': () => {
      throw new DeskError('FORBIDDEN', 'path import is for the command line')
    },
    'documents.upload': ({ files }) => {
      const job: Job = {
        id: `job-${nextJob++}`,
        kind: 'import',
        tenantId: requireTenant(),
        label: `Import ${files.length} file${files.length === 1 ? '' : 's'}`,
        state: 'running',
        total: files.length,
        completed: 0,
        failed: 0,
        pagesDone: 0,
        pagesTotal: 0,
        createdAt: now(),
        updatedAt: now(),
        errors: [],
        documentIds: [],
      }
      t.jobs.push(job)
      return job
    },
    'documents.list': async () => {
      const tenantId = requireTenant()
      await holds.get(tenantId)
      return { documents: t.documents.get(tenantId) ?? [] }
    },
    'documents.text': ({ documentId }) => {
      const text = t.texts.get(documentId)
      if (!text) throw new DeskError('NOT_FOUND', `no extracted text for ${documentId} in this harness`)
      return text
    },
    'documents.features': ({ documentId }) => {
      const text = t.texts.get(documentId)
      if (!text) throw new DeskError('NOT_FOUND', `no extracted text for ${documentId} in this harness`)
      return {
        features: {
          extractor: FEATURE_EXTRACTOR_ID,
          values: hashedFeatures(text.pages.map((p) => p.text).join('\n')),
        },
      }
    },
    // The desk's own scoring code, on the harness's texts.
    'tenders.learned': ({ model, documentIds }) => {
      const unread = documentIds.filter((id) => !t.texts.has(id))
      const results = documentIds.flatMap((documentId) => {
        const text = t.texts.get(documentId)
        return text
          ? [{ documentId, ...explainRelevance(model, text.pages.map((p) => p.text).join('\n')) }]
          : []
      })
      return { results, unread }
    },
    'documents.page': ({ documentId, page, width = 1200 }) => {
      // Same aspect as the page's coordinate space, as the real renderer does; A4 when unknown.
      const p = t.texts.get(documentId)?.pages.find((x) => x.page === page)
      const height = Math.round(p ? (width * p.height) / p.width : width * Math.SQRT2)
      return { page, width, height, mediaType: 'image/png' as const, dataBase64: TINY_PNG }
    },
    'documents.extract': ({ documentIds }) => {
      const job: Job = {
        id: `job-${nextJob++}`,
        kind: 'extract',
        tenantId: requireTenant(),
        label: `Read ${documentIds.length} document${documentIds.length === 1 ? '' : 's'}`,
        state: 'queued',
        total: documentIds.length,
        completed: 0,
        failed: 0,
        pagesDone: 0,
        pagesTotal: 0,
        createdAt: now(),
        updatedAt: now(),
        errors: [],
        documentIds: [],
      }
      t.jobs.push(job)
      return job
    },
    'documents.remove': ({ documentIds }) => {
      const tenantId = requireTenant()
      const documents = t.documents.get(tenantId) ?? []
      const doomed = documents.filter((d) => documentIds.includes(d.id))
      // Like the desk: a document being read is refused, nothing is removed.
      const busy = doomed.filter((d) => d.extraction?.state === 'running')
      if (busy.length > 0)
        throw new DeskError(
          'CONFLICT',
          `${busy.map((d) => d.name).join(', ')} ${busy.length === 1 ? 'is' : 'are'} being read; cancel the job in the Jobs panel first`,
          { documentIds: busy.map((d) => d.id) },
        )
      const removed = doomed.map((d) => d.id)
      t.documents.set(
        tenantId,
        documents.filter((d) => !removed.includes(d.id)),
      )
      t.screening.rows = t.screening.rows.filter((r) => !removed.includes(r.documentId))
      if (removed.length > 0) {
        queueMicrotask(() => {
          t.emit('documents.changed', { tenantId })
          t.emit('tenders.changed', { tenantId })
        })
      }
      return { removed }
    },
    'documents.setType': ({ documentId, type, by }) => {
      const tenantId = requireTenant()
      const documents = t.documents.get(tenantId) ?? []
      const index = documents.findIndex((d) => d.id === documentId)
      const current = documents[index]
      if (!current) throw new DeskError('NOT_FOUND', `no document "${documentId}" for this tenant`)
      const was = current.docType
      const change = { from: was?.type ?? null, to: type, by: by ?? 'desk user', at: now() }
      const updated: DocumentRecord = {
        ...current,
        docType: {
          type,
          source: 'user',
          classifier: was?.classifier ?? '',
          confidence: was?.confidence ?? 0,
          cues: was?.cues ?? [],
          changes: [...(was?.changes ?? []), change],
        },
      }
      t.documents.set(
        tenantId,
        documents.map((d, i) => (i === index ? updated : d)),
      )
      queueMicrotask(() => {
        t.emit('documents.changed', { tenantId })
        t.emit('tenders.changed', { tenantId })
      })
      return updated
    },
    'jobs.list': () => ({ jobs: t.jobs.filter((j) => j.tenantId === t.current) }),
    'jobs.clear': () => {
      const tenantId = requireTenant()
      const finished = (j: Job) => j.tenantId === tenantId && j.state !== 'queued' && j.state !== 'running'
      const cleared = t.jobs.filter(finished).length
      t.jobs = t.jobs.filter((j) => !finished(j))
      return { cleared, jobs: t.jobs.filter((j) => j.tenantId === tenantId) }
    },
    'jobs.cancel': ({ jobId }) => {
      const job = t.jobs.find((j) => j.id === jobId)
      if (!job) throw new DeskError('NOT_FOUND', `no job ${jobId}`)
      Object.assign(job, { state: 'cancelled', updatedAt: now() })
      return job
    },
    ...t.scanners.handlers,
    ...t.screening.handlers,
    'qc.check': qcHarnessHandler(t.texts, (id) => [...t.documents.values()].flat().find((d) => d.id === id)),
    'sync.credentials.get': () => t.syncCredentials.get(requireTenant()) ?? null,
    'sync.credentials.set': (credentials) => {
      t.syncCredentials.set(requireTenant(), credentials)
      const storage = init.host === 'electron' ? ('encrypted' as const) : ('memory' as const)
      return { hubUrl: credentials.hubUrl, deskId: credentials.deskId, storage }
    },
    'sync.credentials.clear': () => ({ cleared: t.syncCredentials.delete(requireTenant()) }),
    // As the desk does: without the tenant's hub connection there is nothing to ask.
    'tenders.bulk.runs': () => {
      requireHub()
      return { runs: t.bulk.runs }
    },
    'tenders.bulk.results': ({ runId }) => {
      requireHub()
      const found = t.bulk.results.get(runId)
      if (!found) throw new DeskError('INVALID_INPUT', `hub GET /v1/bulk/runs/${runId}/results: HTTP 404`)
      return found
    },
    ...t.ocrTruth.handlers,
    ...t.users.handlers,
    'store.save': (snapshot) => {
      const tenantId = requireTenant()
      if (snapshot.tenantId !== tenantId)
        throw new DeskError(
          'FORBIDDEN',
          `this window shows tenant ${tenantId}; it cannot save ${snapshot.tenantId}`,
        )
      t.store.snapshots.set(tenantId, snapshot)
      return { savedAt: now(), bytes: JSON.stringify(snapshot).length }
    },
    'store.restored': () => ({ restore: t.store.restore }),
    'store.load': () => ({ snapshot: t.store.snapshots.get(requireTenant()) ?? null }),
    'ocr.settings.get': () => ocrSettingsOf(requireTenant()),
    'ocr.settings.set': (choice) => {
      t.ocrSettings.set(requireTenant(), choice)
      return ocrSettingsOf(requireTenant())
    },
  })

  const transport: DeskTransport = {
    async call(method, params) {
      t.calls.push({ method, params })
      const outcome = await registry.dispatch(method, params, null)
      if (outcome.ok) return outcome.result
      throw DeskError.fromEnvelope(outcome.error)
    },
    subscribe(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
  }
  t.desk = createDeskApi(transport)
  return t
}
