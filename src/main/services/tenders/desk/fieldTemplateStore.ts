import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { TenantId } from '../../../../shared/contract'
import { fieldTemplateFileSchema, type FieldTemplate } from '../../../../shared/tenders/templates'
import { readJsonFile, SerialQueue, writeJsonFile } from '../../storage/jsonFile'

export interface FieldTemplateSet {
  templates: FieldTemplate[]
  /** Changes whenever a template does: part of the key screening results are cached under. */
  hash: string
}

/** A tenant's learned bid-portal templates, one file in the tenant's folder. */
export class FieldTemplateStore {
  private readonly queue = new SerialQueue()

  constructor(private readonly folderOf: (tenantId: TenantId) => string) {}

  private file(tenantId: TenantId): string {
    return join(this.folderOf(tenantId), 'tenders', 'field-templates.json')
  }

  async load(tenantId: TenantId): Promise<FieldTemplateSet> {
    const { templates } = await readJsonFile(this.file(tenantId), fieldTemplateFileSchema, { templates: [] })
    const hash = createHash('sha256').update(JSON.stringify(templates)).digest('hex').slice(0, 16)
    return { templates, hash }
  }

  /** Keeps `template` as the portal's one template for its field (a new lesson replaces the old). */
  save(tenantId: TenantId, template: FieldTemplate): Promise<{ replaced: FieldTemplate | null }> {
    return this.queue.run(async () => {
      const { templates } = await this.load(tenantId)
      const replaced =
        templates.find((t) => t.portal.key === template.portal.key && t.field === template.field) ?? null
      const kept = templates.filter((t) => t !== replaced)
      await writeJsonFile(this.file(tenantId), { templates: [...kept, template] })
      return { replaced }
    })
  }

  remove(tenantId: TenantId, id: string): Promise<FieldTemplate | null> {
    return this.queue.run(async () => {
      const { templates } = await this.load(tenantId)
      const found = templates.find((t) => t.id === id) ?? null
      if (found) await writeJsonFile(this.file(tenantId), { templates: templates.filter((t) => t !== found) })
      return found
    })
  }
}
