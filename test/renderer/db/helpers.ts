import Dexie from 'dexie'
import { afterEach } from 'vitest'
import { openTenantDb, type TenantDb, type TenantDbOptions } from '../../../src/renderer/db'

let counter = 0
const opened: TenantDb[] = []

/** A tenant id no other test uses, so every test gets its own database. */
export function freshTenant(label = 't'): string {
  counter += 1
  return `${label}-${counter}-${Math.random().toString(36).slice(2, 8)}`
}

export async function openFresh(label?: string, options?: TenantDbOptions): Promise<TenantDb> {
  const db = await openTenantDb(freshTenant(label), options)
  opened.push(db)
  return db
}

/** A clock that advances 1 s per reading, so timestamps differ and are predictable. */
export function steppingClock(start = Date.parse('2026-03-01T08:00:00.000Z')): () => Date {
  let t = start
  return () => new Date((t += 1000))
}

export function trackForCleanup(db: TenantDb): TenantDb {
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})
