import { createHash, randomBytes } from 'node:crypto'
import { tenantIdSchema } from '../../src/shared/contract/schemas'
import { withAppRole, withOwner, withTenant, type Db } from '../db/pool'

export const DESK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

/** 256 random bits: hashing with a plain SHA-256 is enough, there is nothing to brute-force. */
export function newDeskToken(): string {
  return `pdt_${randomBytes(32).toString('base64url')}`
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export type DeskIdentity = { deskId: string; tenantId: string }

export type AuthOutcome = { ok: true; desk: DeskIdentity } | { ok: false; reason: 'unknown' | 'revoked' }

export async function authenticate(db: Db, token: string): Promise<AuthOutcome> {
  const rows = await withAppRole(db, async (tx) => {
    const r = await tx.query<{ desk_id: string; tenant_id: string; revoked: boolean }>(
      'SELECT desk_id, tenant_id, revoked FROM hub_authenticate($1)',
      [hashToken(token)],
    )
    return r.rows
  })
  const row = rows[0]
  if (row === undefined) return { ok: false, reason: 'unknown' }
  if (row.revoked) return { ok: false, reason: 'revoked' }
  return { ok: true, desk: { deskId: row.desk_id, tenantId: row.tenant_id } }
}

/**
 * Creates the tenant if needed and the desk, and issues a fresh token (returned once, stored only
 * as its hash). Issuing for an existing desk of the same tenant rotates: older tokens are revoked.
 */
export async function registerDesk(db: Db, tenant: string, deskId: string): Promise<string> {
  tenantIdSchema.parse(tenant)
  if (!DESK_ID_PATTERN.test(deskId)) throw new Error(`invalid desk id "${deskId}"`)
  const token = newDeskToken()
  await withOwner(db, tenant, async (tx) => {
    await tx.query('INSERT INTO tenants (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING', [tenant])
    const owner = await tx.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM desk_tokens WHERE desk_id = $1 LIMIT 1',
      [deskId],
    )
    const existing = owner.rows[0]?.tenant_id
    if (existing !== undefined && existing !== tenant) {
      throw new Error(`desk "${deskId}" already belongs to another tenant`)
    }
    await tx.query(
      `INSERT INTO desks (desk_id, tenant_id) VALUES ($1, $2)
       ON CONFLICT (desk_id) DO UPDATE SET retired_at = NULL`,
      [deskId, tenant],
    )
    await tx.query('UPDATE desk_tokens SET revoked_at = now() WHERE desk_id = $1 AND revoked_at IS NULL', [
      deskId,
    ])
    await tx.query('INSERT INTO desk_tokens (token_hash, desk_id, tenant_id) VALUES ($1, $2, $3)', [
      hashToken(token),
      deskId,
      tenant,
    ])
  })
  return token
}

/** Revokes every token of the desk; returns how many were live. */
export async function revokeDesk(db: Db, tenant: string, deskId: string): Promise<number> {
  return withOwner(db, tenant, async (tx) => {
    const r = await tx.query(
      'UPDATE desk_tokens SET revoked_at = now() WHERE desk_id = $1 AND tenant_id = $2 AND revoked_at IS NULL',
      [deskId, tenant],
    )
    await tx.query('UPDATE desks SET retired_at = now() WHERE desk_id = $1', [deskId])
    return r.rowCount ?? 0
  })
}

export async function recordHeartbeat(
  db: Db,
  desk: DeskIdentity,
  at: Date,
  queueDepth: number | undefined,
): Promise<void> {
  await withTenant(db, desk.tenantId, (tx) =>
    tx.query(
      `UPDATE desks SET last_heartbeat_at = $2,
              reported_queue_depth = COALESCE($3, reported_queue_depth)
        WHERE desk_id = $1`,
      [desk.deskId, at, queueDepth ?? null],
    ),
  )
}

export async function listTenants(db: Db): Promise<string[]> {
  const rows = await withAppRole(db, async (tx) => {
    const r = await tx.query<{ tenant_id: string }>('SELECT tenant_id FROM tenants ORDER BY tenant_id')
    return r.rows
  })
  return rows.map((r) => r.tenant_id)
}
