import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { TenantId } from '../../../../shared/contract'
import {
  fieldTemplateFileSchema,
  type FieldTemplate,
  type ForgottenTemplate,
} from '../../../../shared/tenders/templates'
import { readJsonFile, SerialQueue, writeJsonFile } from '../../storage/jsonFile'

/** Removals kept so the hub cannot bring a template back (oldest dropped beyond this). */
const FORGOTTEN_KEPT = 5_000

export interface FieldTemplateSet {
  templates: FieldTemplate[]
  /** Removed on this desk: the hub's copies of these are never adopted. */
  forgotten: ForgottenTemplate[]
  /** Changes whenever a template does: part of the key screening results are cached under. */
  hash: string
}

/** One template adopted from the hub: `before` is what it replaced, `after` null for a removal. */
export interface AdoptedChange {
  before: FieldTemplate | null
  after: FieldTemplate | null
}

/** A tenant's learned bid-portal templates, one file in the tenant's folder. */
export class FieldTemplateStore {
  private readonly queue = new SerialQueue()

  constructor(private readonly folderOf: (tenantId: TenantId) => string) {}

  private file(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'tenders', 'field-templates.json')
  }

  async load(tenantId: TenantId): Promise<FieldTemplateSet> {
    const file = await readJsonFile(this.file(tenantId), fieldTemplateFileSchema, { templates: [] })
    const { templates } = file
    const hash = createHash('sha256').update(JSON.stringify(templates)).digest('hex').slice(0, 16)
    return { templates, forgotten: file.forgotten ?? [], hash }
  }

  private write(tenantId: TenantId, templates: FieldTemplate[], forgotten: ForgottenTemplate[]) {
    return writeJsonFile(this.file(tenantId), {
      templates,
      ...(forgotten.length > 0 ? { forgotten: forgotten.slice(-FORGOTTEN_KEPT) } : {}),
    })
  }

  /** Keeps `template` as the portal's one template for its field (a new lesson replaces the old). */
  save(tenantId: TenantId, template: FieldTemplate): Promise<{ replaced: FieldTemplate | null }> {
    return this.queue.run(async () => {
      const { templates, forgotten } = await this.load(tenantId)
      const replaced =
        templates.find((t) => t.portal.key === template.portal.key && t.field === template.field) ?? null
      const kept = templates.filter((t) => t !== replaced)
      await this.write(tenantId, [...kept, template], forgotten)
      return { replaced }
    })
  }

  /**
   * Takes templates another desk taught (through the hub) and forgets the ids it forgot, in one
   * write. A template is kept only if it is newer than this desk's copy of the same id and than
   * this desk's template for the same portal and field (the newest lesson wins either way).
   * Returns what changed, for the audit chain.
   */
  adopt(
    tenantId: TenantId,
    incoming: readonly FieldTemplate[],
    removedIds: readonly string[],
  ): Promise<AdoptedChange[]> {
    return this.queue.run(async () => {
      const loaded = await this.load(tenantId)
      let templates = loaded.templates
      const forgotten = new Set(loaded.forgotten.map((f) => f.id))
      const changes: AdoptedChange[] = []
      const oldestFirst = [...incoming].sort((a, b) => a.learnedAt.localeCompare(b.learnedAt))
      for (const template of oldestFirst) {
        const same = templates.find((t) => t.id === template.id)
        const rival = templates.find(
          (t) => t.id !== template.id && t.portal.key === template.portal.key && t.field === template.field,
        )
        if (forgotten.has(template.id)) continue
        if (same && same.learnedAt >= template.learnedAt) continue
        if (rival && rival.learnedAt >= template.learnedAt) continue
        templates = [...templates.filter((t) => t !== same && t !== rival), template]
        changes.push({ before: same ?? rival ?? null, after: template })
      }
      for (const id of new Set(removedIds)) {
        const found = templates.find((t) => t.id === id)
        if (!found) continue
        templates = templates.filter((t) => t !== found)
        changes.push({ before: found, after: null })
      }
      if (changes.length > 0) await this.write(tenantId, templates, loaded.forgotten)
      return changes
    })
  }

  /** Removes a template on this desk's word, and remembers it so the hub cannot bring it back. */
  remove(tenantId: TenantId, id: string, by: string, at = new Date()): Promise<FieldTemplate | null> {
    return this.queue.run(async () => {
      const { templates, forgotten } = await this.load(tenantId)
      const found = templates.find((t) => t.id === id) ?? null
      if (found)
        await this.write(
          tenantId,
          templates.filter((t) => t !== found),
          [...forgotten, { id, by, at: at.toISOString() }],
        )
      return found
    })
  }
}
