import { existsSync, readFileSync, rmSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run'
import { loadSnapshot, saveSnapshot, storeHandlers } from '../../../../src/main/services/backup'
import { hashAuditEntry, GENESIS_HASH, type AuditEntry } from '../../../../src/shared/audit'
import { DeskError, STORE_SNAPSHOT_FORMAT, type StoreSnapshot } from '../../../../src/shared/contract'
import { cliHarness } from '../../../support/cliHarness'
import { useTempDirs } from '../../../support/tempDir'

const tempDir = useTempDirs()

/** Two chained audit entries, as a tenant's IndexedDB holds them. */
function chain(tenant: string): AuditEntry[] {
  const entries: AuditEntry[] = []
  let prevHash = GENESIS_HASH
  for (const seq of [1, 2]) {
    const unhashed = {
      id: `0190a0a0-0000-7000-8000-00000000000${seq}`,
      seq,
      tenant,
      at: `2026-12-05T09:0${seq}:00.000Z`,
      actor: 'Ann Lee',
      action: 'update',
      entityTable: 'coaRecords',
      entityId: 'rec-1',
      after: { status: seq === 1 ? 'checked' : 'approved' },
    }
    const hash = hashAuditEntry(unhashed, prevHash)
    entries.push({ ...unhashed, prevHash, hash })
    prevHash = hash
  }
  return entries
}

function storeOf(tenant: string): StoreSnapshot {
  return {
    format: STORE_SNAPSHOT_FORMAT,
    version: 1,
    tenantId: tenant,
    schemaVersion: 5,
    takenAt: '2026-12-05T09:05:00.000Z',
    tables: {
      coaRecords: [{ id: 'rec-1', batch: 'B-107', status: 'approved' }],
      audit: chain(tenant),
      outbox: [{ id: 'out-1', state: 'pending', kind: 'coa.result' }],
    },
  }
}

async function deskWithStore(tenant = 'acme') {
  const cli = cliHarness(tempDir)
  expect(await runCli(['tenants', 'add', tenant, 'Acme'], cli.io)).toBe(0)
  const folder = join(cli.dataDir, 'tenants', tenant)
  await saveSnapshot(folder, storeOf(tenant))
  return { cli, folder }
}

describe('the tenant stores in a desk backup', () => {
  it('carries each tenant’s records, audit chain and outbox through backup and restore, and marks the restore', async () => {
    const { cli, folder } = await deskWithStore()
    const out = join(tempDir(), 'desk.backup')
    expect(await runCli(['backup', '--out', out], cli.io)).toBe(0)
    rmSync(cli.dataDir, { recursive: true })

    expect(await runCli(['restore', out], cli.io), cli.stderr()).toBe(0)
    expect(cli.stdout()).toMatch(/local stores \(records, audit chain, outbox\) of acme verified/)
    expect(await loadSnapshot(folder)).toEqual(storeOf('acme'))
    const marker = JSON.parse(readFileSync(join(cli.dataDir, 'store-restore.json'), 'utf8')) as { id: string }
    expect(marker.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a backup whose store has an altered audit trail, naming the tenant and entry, and restores nothing', async () => {
    const { cli, folder } = await deskWithStore()
    const altered = storeOf('acme')
    ;(altered.tables.audit as AuditEntry[])[1]!.actor = 'Mallory'
    await saveSnapshot(folder, altered)
    const out = join(tempDir(), 'desk.backup')
    expect(await runCli(['backup', '--out', out], cli.io)).toBe(0)
    const before = readdirSync(cli.dataDir).sort()

    expect(await runCli(['restore', out], cli.io)).toBe(1)
    expect(cli.stderr()).toMatch(
      /tenant acme: the audit chain in its store snapshot is broken at entry 2 \(hash-mismatch, id \S+\); nothing was restored/,
    )
    expect(readdirSync(cli.dataDir).sort()).toEqual(before)
    expect(existsSync(join(cli.dataDir, 'store-restore.json'))).toBe(false)
  })

  it('lets a window save only the store of the tenant it shows', async () => {
    const dataDir = tempDir()
    const handlers = storeHandlers<{ tenantId: string }>({
      dataDir,
      tenantOf: (s) => s.tenantId,
      folderOf: (id) => join(dataDir, 'tenants', id),
    })
    const saved = await handlers['store.save'](storeOf('acme'), { tenantId: 'acme' })
    expect(saved.bytes).toBeGreaterThan(100)
    expect((await handlers['store.load']({}, { tenantId: 'acme' })).snapshot?.tenantId).toBe('acme')
    expect((await handlers['store.load']({}, { tenantId: 'globex' })).snapshot).toBeNull()
    await expect(handlers['store.save'](storeOf('globex'), { tenantId: 'acme' })).rejects.toThrow(DeskError)
    expect((await handlers['store.restored']({}, { tenantId: 'acme' })).restore).toBeNull()
  })
})
