import { access, rename, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { DeskError } from '../../../shared/contract'
import { loadDeskSettings } from '../config/settings'
import { DocumentStore } from '../documents/documentStore'
import { TenantStore } from '../tenants/tenantStore'
import { unpackBackup } from './read'
import { loadSnapshot, snapshotChainProblem, writeRestoreMarker } from './storeMirror'

export interface RestoreSummary {
  dataDir: string
  files: number
  tenants: string[]
  documents: number
  /** Tenants whose local store (records, audit chain, outbox) the backup held; each was verified. */
  stores: string[]
  /** Where the data folder that was replaced now is (kept until someone removes it), if there was one. */
  previous: string | null
}

/**
 * Restores a backup over `dataDir`: unpacked into a staging folder beside it, every file checked
 * against its checksum, the stores read back as the desk would read them (tenants, settings,
 * document records and their blobs), and only then swapped in by two renames. The folder it
 * replaces is kept beside it, so a restore can itself be undone; the automatic backups folder moves
 * across so restoring never loses the other backups.
 */
export async function restoreBackup(
  file: string,
  dataDir: string,
  now = new Date(),
): Promise<RestoreSummary> {
  const backup = resolve(file)
  if (!(await stat(backup).catch(() => null))?.isFile()) {
    throw new DeskError('NOT_FOUND', `${backup}: no such backup file`, { file: backup })
  }
  const target = resolve(dataDir)
  const staging = `${target}.restoring-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  const written = await unpackBackup(backup, staging)
  let verified: StagedStores
  try {
    verified = await verifyStaged(staging, backup)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
  const exists = (await stat(target).catch(() => null)) !== null
  const previous = exists ? `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}` : null
  if (previous) await rename(target, previous)
  await rename(staging, target)
  // Each tenant's local store takes its snapshot back the next time the desk opens it.
  if (verified.stores.length > 0) await writeRestoreMarker(target, now)
  if (previous && (await present(join(previous, 'backups')))) {
    await rename(join(previous, 'backups'), join(target, 'backups'))
  }
  return { dataDir: target, files: written.length, ...verified, previous }
}

async function present(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

interface StagedStores {
  tenants: string[]
  documents: number
  stores: string[]
}

/**
 * Reads the staged stores the way the desk will; a record whose blob is missing, or a local store
 * whose audit chain does not verify, is refused.
 */
async function verifyStaged(staging: string, backup: string): Promise<StagedStores> {
  const tenants = new TenantStore(staging)
  const documents = new DocumentStore((id) => tenants.folderOf(id))
  const relabel = (error: unknown): never => {
    const message = error instanceof Error ? error.message.replaceAll(staging, '<data>') : String(error)
    throw new DeskError('CORRUPT_FILE', `${backup}: ${message}; nothing was restored`, { file: backup })
  }
  await loadDeskSettings(staging).catch(relabel)
  const list = await tenants.list().catch(relabel)
  let count = 0
  const stores: string[] = []
  for (const tenant of list) {
    const snapshot = await loadSnapshot(tenants.folderOf(tenant.id)).catch(relabel)
    if (snapshot) {
      const problem = snapshotChainProblem(snapshot, tenant.id)
      if (problem) relabel(new Error(problem))
      stores.push(tenant.id)
    }
    for (const record of await documents.list(tenant.id).catch(relabel)) {
      if (!(await present(documents.blobPath(tenant.id, record.sha256)))) {
        relabel(new Error(`tenant ${tenant.id}: the content of document "${record.name}" is missing`))
      }
      count++
    }
  }
  return { tenants: list.map((t) => t.id), documents: count, stores }
}
