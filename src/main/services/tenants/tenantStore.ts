import { join } from 'node:path'
import { z } from 'zod'
import { DeskError, tenantSchema, type Tenant, type TenantId } from '../../../shared/contract'
import { readJsonFile, SerialQueue, writeJsonFile } from '../storage/jsonFile'

const tenantsFileSchema = z.object({ tenants: z.array(tenantSchema) })

export const DEFAULT_TENANT: Tenant = { id: 'default', name: 'Default' }

/** The tenants this desk serves, kept in <dataDir>/tenants.json; each has its own folder. */
export class TenantStore {
  private readonly file: string
  private readonly queue = new SerialQueue()

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'tenants.json')
  }

  folderOf(tenantId: TenantId): string {
    return join(this.dataDir, 'tenants', tenantId)
  }

  async list(): Promise<Tenant[]> {
    const { tenants } = await readJsonFile(this.file, tenantsFileSchema, { tenants: [] })
    return tenants.length > 0 ? tenants : [DEFAULT_TENANT]
  }

  async get(tenantId: TenantId): Promise<Tenant> {
    const tenant = (await this.list()).find((t) => t.id === tenantId)
    if (!tenant) throw new DeskError('NOT_FOUND', `no tenant "${tenantId}"`, { tenantId })
    return tenant
  }

  async create(tenant: Tenant): Promise<Tenant> {
    return this.queue.run(async () => {
      const tenants = await this.list()
      if (tenants.some((t) => t.id === tenant.id)) {
        throw new DeskError('INVALID_INPUT', `a tenant "${tenant.id}" already exists`, {
          tenantId: tenant.id,
        })
      }
      await writeJsonFile(this.file, { tenants: [...tenants, tenant] })
      return tenant
    })
  }
}
