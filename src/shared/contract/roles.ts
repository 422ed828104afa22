import type { MethodName } from './names'
import type { Role } from './users'

/**
 * Who may call a method: 'public' needs no sign-in (the sign-in screen itself), 'signed-in' any
 * user, or a list of roles. A method missing from the map needs a signed-in user, so a method added
 * later is never open to a desk nobody signed in to.
 */
export type MethodAccess = 'public' | 'signed-in' | readonly Role[]

const QC: readonly Role[] = ['admin', 'qc-technician', 'qc-reviewer']
const DOCUMENT_WORK: readonly Role[] = ['admin', 'qc-technician', 'qc-reviewer', 'tender-analyst']
const TENDERS: readonly Role[] = ['admin', 'tender-analyst']
const SCANNING: readonly Role[] = ['admin', 'scanner-operator', 'qc-technician', 'qc-reviewer']
const ADMIN: readonly Role[] = ['admin']

export const METHOD_ACCESS: Partial<Record<MethodName, MethodAccess>> = {
  'app.info': 'public',
  'users.status': 'public',
  'users.setup': 'public',
  'users.signIn': 'public',
  'users.signOut': 'public',
  'users.resume': 'public',
  'users.signature': 'signed-in',
  // QC people read it too: the QC page offers the desk users who can sign (names and roles, no secrets).
  'users.list': QC,
  'users.add': ADMIN,
  'users.update': ADMIN,
  'users.resetSecret': ADMIN,
  'users.unlock': ADMIN,
  'users.audit': ADMIN,
  'tenants.create': ADMIN,
  'sync.credentials.set': ADMIN,
  'ocr.settings.get': 'signed-in',
  'ocr.settings.set': ADMIN,
  'sync.credentials.clear': ADMIN,
  'documents.import': DOCUMENT_WORK,
  'documents.upload': DOCUMENT_WORK,
  'documents.extract': DOCUMENT_WORK,
  'documents.remove': DOCUMENT_WORK,
  'documents.setType': DOCUMENT_WORK,
  'qc.check': QC,
  'tenders.profiles.save': TENDERS,
  'tenders.profiles.remove': TENDERS,
  'tenders.profiles.restore': TENDERS,
  'tenders.export': TENDERS,
  'tenders.templates.list': TENDERS,
  'tenders.templates.learn': TENDERS,
  'tenders.templates.remove': TENDERS,
  'tenders.templates.adopt': TENDERS,
  'tenders.bulk.runs': TENDERS,
  'tenders.bulk.results': TENDERS,
  'scanners.connect': SCANNING,
  'scanners.disconnect': SCANNING,
  'scanners.wedge': SCANNING,
}

export function methodAccess(method: MethodName): MethodAccess {
  return METHOD_ACCESS[method] ?? 'signed-in'
}

/** Null when `roles` (null: nobody signed in) may call `method`; otherwise why not, for FORBIDDEN. */
export function accessProblem(method: MethodName, roles: readonly Role[] | null): string | null {
  const access = methodAccess(method)
  if (access === 'public') return null
  if (roles === null) return `${method}: sign in first`
  if (access === 'signed-in') return null
  if (roles.some((r) => access.includes(r))) return null
  return `${method} needs the role ${access.join(' or ')}; you are ${roles.join(', ')}`
}
