import { recordLocalChange, type TenantDb } from '../../db'

export interface QcSettings {
  secondPerson: boolean
}

const KIND = 'qc.settings'
const DEFAULTS: QcSettings = { secondPerson: false }

/** The latest settings decision; settings are decisions so that turning a control off is audited. */
export async function readQcSettings(db: TenantDb): Promise<QcSettings> {
  const rows = await db.decisions.where('[kind+subjectId]').equals([KIND, 'qc']).toArray()
  const latest = rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).at(-1)
  const value = latest?.value
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.secondPerson === 'boolean')
    return { secondPerson: value.secondPerson }
  return DEFAULTS
}

export async function writeQcSettings(db: TenantDb, settings: QcSettings, actor: string): Promise<void> {
  await recordLocalChange(db, {
    table: 'decisions',
    action: 'create',
    actor,
    entity: { kind: KIND, subjectId: 'qc', value: { secondPerson: settings.secondPerson } },
  })
}
