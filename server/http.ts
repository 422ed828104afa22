import { timingSafeEqual } from 'node:crypto'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { formatZodIssues } from '../src/shared/contract/errors'
import type { HubError, HubErrorCode } from '../src/shared/sync/wire'
import type { Db } from './db/pool'
import { authenticate, type DeskIdentity } from './store/desks'

const STATUS: Record<HubErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  INTERNAL: 500,
}

export class HubHttpError extends Error {
  constructor(
    readonly code: HubErrorCode,
    message: string,
  ) {
    super(message)
  }
  get status(): number {
    return STATUS[this.code]
  }
}

export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new HubHttpError('INVALID_INPUT', `${what}: ${formatZodIssues(parsed.error)}`)
  return parsed.data
}

// Connection-level failures (hub cannot reach PostgreSQL, server shutting down): the desk should
// retry later, so they must not look like a permanent 500.
const UNAVAILABLE_PG = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08003', '08006'])
const UNAVAILABLE_NET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

/** Maps anything thrown in a route, or by Fastify's own parsing, to a 4xx/5xx envelope. */
export function toHubError(error: unknown): HubHttpError {
  if (error instanceof HubHttpError) return error
  const e = error as Partial<FastifyError> & { code?: string }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HubHttpError('PAYLOAD_TOO_LARGE', `request body exceeds the hub's limit: ${e.message ?? ''}`)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HubHttpError('UNSUPPORTED_MEDIA_TYPE', 'send application/json')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HubHttpError('MALFORMED_JSON', 'the body is empty')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HubHttpError('MALFORMED_JSON', `the body is not valid JSON: ${e.message ?? ''}`)
  }
  if (error instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message ?? ''))) {
    return new HubHttpError('MALFORMED_JSON', `the body is not valid JSON: ${e.message ?? ''}`)
  }
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) {
    return new HubHttpError('INVALID_INPUT', e.message ?? 'bad request')
  }
  if (e.code !== undefined && (UNAVAILABLE_PG.has(e.code) || UNAVAILABLE_NET.has(e.code))) {
    return new HubHttpError('UNAVAILABLE', 'the database is unavailable, retry later')
  }
  return new HubHttpError('INTERNAL', 'internal error')
}

export function sendError(reply: FastifyReply, error: HubHttpError): FastifyReply {
  const body: HubError = { error: error.code, message: error.message }
  return reply.code(error.status).send(body)
}

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (typeof header !== 'string') return null
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  return m?.[1] ?? null
}

export async function requireDesk(db: Db, request: FastifyRequest): Promise<DeskIdentity> {
  const token = bearer(request)
  if (token === null) throw new HubHttpError('UNAUTHORIZED', 'missing Authorization: Bearer <desk token>')
  const outcome = await authenticate(db, token)
  if (!outcome.ok) {
    throw new HubHttpError(
      'UNAUTHORIZED',
      outcome.reason === 'revoked' ? 'this desk token has been revoked' : 'unknown desk token',
    )
  }
  return outcome.desk
}

export function isAdmin(request: FastifyRequest, adminToken: string | undefined): boolean {
  const token = bearer(request)
  if (token === null || adminToken === undefined) return false
  const a = Buffer.from(token)
  const b = Buffer.from(adminToken)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function requireAdmin(request: FastifyRequest, adminToken: string | undefined): void {
  if (adminToken === undefined)
    throw new HubHttpError('UNAUTHORIZED', 'admin endpoints are disabled (no HUB_ADMIN_TOKEN)')
  if (!isAdmin(request, adminToken)) throw new HubHttpError('UNAUTHORIZED', 'admin token required')
}

/** Tenant-scoped reads: the admin, or a desk of that very tenant. */
export async function requireTenantReader(
  db: Db,
  request: FastifyRequest,
  tenant: string,
  adminToken: string | undefined,
): Promise<void> {
  if (isAdmin(request, adminToken)) return
  const desk = await requireDesk(db, request)
  if (desk.tenantId !== tenant) {
    throw new HubHttpError('FORBIDDEN', `this token belongs to tenant "${desk.tenantId}", not "${tenant}"`)
  }
}
