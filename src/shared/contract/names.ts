// Kept free of imports so the sandboxed preload can bundle it without pulling in zod.
export const METHOD_NAMES = [
  'app.info',
  'app.user.get',
  'app.user.set',
  'tenants.list',
  'tenants.select',
  'tenants.create',
  'documents.import',
  'documents.upload',
  'documents.list',
  'documents.text',
  'documents.features',
  'tenders.learned',
  'tenders.bulk.runs',
  'tenders.bulk.results',
  'documents.page',
  'documents.extract',
  'documents.remove',
  'documents.setType',
  'jobs.list',
  'jobs.cancel',
  'jobs.clear',
  'scanners.ports',
  'scanners.list',
  'scanners.connect',
  'scanners.disconnect',
  'scanners.test',
  'scanners.wedge',
  'gs1.parse',
  'qc.check',
  'qc.ocrTruth.correct',
  'qc.ocrTruth.confirm',
  'qc.ocrTruth.accuracy',
  'sync.credentials.get',
  'sync.credentials.set',
  'sync.credentials.clear',
  'sync.metrics',
  'tenders.profiles.list',
  'tenders.profiles.save',
  'tenders.profiles.remove',
  'tenders.profiles.versions',
  'tenders.profiles.restore',
  'tenders.results',
  'tenders.detail',
  'tenders.export',
  'tenders.templates.list',
  'tenders.templates.learn',
  'tenders.templates.remove',
  'tenders.templates.adopt',
  'users.status',
  'users.setup',
  'users.signIn',
  'users.signOut',
  'users.resume',
  'users.signature',
  'users.list',
  'users.add',
  'users.update',
  'users.resetSecret',
  'users.unlock',
  'users.audit',
  'store.save',
  'store.restored',
  'store.load',
  'ocr.settings.get',
  'ocr.settings.set',
] as const

export const EVENT_NAMES = [
  'jobs.progress',
  'documents.changed',
  'scanners.scan',
  'scanners.status',
  'scanners.error',
  'scanners.ports',
  'tenders.changed',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

/** The IPC channels the Electron shell and preload agree on; nothing else crosses. */
export const IPC_CHANNELS = { call: 'desk:call', event: 'desk:event' } as const

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value)
}
