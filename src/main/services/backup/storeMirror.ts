import { randomUUID } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { verifyChain, type AuditEntry } from '../../../shared/audit'
import {
  DeskError,
  storeRestoreSchema,
  storeSnapshotSchema,
  type StoreRestore,
  type StoreSnapshot,
  type TenantId,
  userAuditEntrySchema,
} from '../../../shared/contract'
import { readJsonFile } from '../storage/jsonFile'

/** Where a tenant's store snapshot lives in its folder of the data folder (so backups carry it). */
export const snapshotPath = (tenantFolder: string): string => join(tenantFolder, 'store', 'snapshot.json')

/** The marker a restore leaves in the data folder. */
export const restoreMarkerPath = (dataDir: string): string => join(dataDir, 'store-restore.json')

/** Written whole to a temporary name, then renamed: a backup never reads half a snapshot. */
export async function saveSnapshot(tenantFolder: string, snapshot: StoreSnapshot): Promise<number> {
  const file = snapshotPath(tenantFolder)
  await mkdir(dirname(file), { recursive: true })
  const text = JSON.stringify(snapshot)
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`
  try {
    await writeFile(temp, text, 'utf8')
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw new DeskError('IO_ERROR', `${file}: ${(error as Error).message}`, { file })
  }
  return Buffer.byteLength(text)
}

export function loadSnapshot(tenantFolder: string): Promise<StoreSnapshot | null> {
  return readJsonFile(snapshotPath(tenantFolder), storeSnapshotSchema.nullable(), null)
}

export function readRestoreMarker(dataDir: string): Promise<StoreRestore | null> {
  return readJsonFile(restoreMarkerPath(dataDir), storeRestoreSchema.nullable(), null)
}

export async function writeRestoreMarker(dataDir: string, at: Date): Promise<StoreRestore> {
  const marker = { id: randomUUID(), at: at.toISOString() }
  await writeFile(restoreMarkerPath(dataDir), `${JSON.stringify(marker)}\n`, 'utf8')
  return marker
}

/**
 * Null when the snapshot's audit chain verifies; otherwise what is wrong, naming the first bad
 * entry, so a restore refuses a store whose history was altered.
 */
export function snapshotChainProblem(snapshot: StoreSnapshot, tenantId: TenantId): string | null {
  if (snapshot.tenantId !== tenantId)
    return `tenant ${tenantId}: its store snapshot belongs to tenant ${snapshot.tenantId}`
  const rows = snapshot.tables.audit ?? []
  const entries: AuditEntry[] = []
  for (const [i, row] of rows.entries()) {
    // Loose: every field the row has is part of its hash, so none may be dropped before verifying.
    const parsed = userAuditEntrySchema.loose().safeParse(row)
    if (!parsed.success)
      return `tenant ${tenantId}: row ${i + 1} of its store snapshot's audit chain is not an audit entry`
    entries.push(parsed.data as AuditEntry)
  }
  entries.sort((a, b) => a.seq - b.seq)
  const verdict = verifyChain(entries)
  if (verdict.ok) return null
  return `tenant ${tenantId}: the audit chain in its store snapshot is broken at entry ${verdict.index + 1} (${verdict.reason}, id ${verdict.entryId})`
}
