// Kept free of imports so the sandboxed preload can bundle it without pulling in zod.
export const METHOD_NAMES = [
  'app.info',
  'tenants.list',
  'tenants.select',
  'tenants.create',
  'documents.import',
  'documents.upload',
  'documents.list',
  'documents.text',
  'documents.page',
  'documents.extract',
  'documents.remove',
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
  'sync.credentials.get',
  'sync.credentials.set',
  'sync.credentials.clear',
  'tenders.profiles.list',
  'tenders.profiles.save',
  'tenders.profiles.remove',
  'tenders.profiles.versions',
  'tenders.profiles.restore',
  'tenders.results',
  'tenders.detail',
  'tenders.export',
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
