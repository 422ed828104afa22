import { create } from 'zustand'
import type { Tenant, TenantId } from '../../shared/contract'

interface TenantState {
  tenants: Tenant[]
  /** The tenant whose data is on screen (or being loaded); null before one is chosen. */
  currentId: TenantId | null
  switching: boolean
  error: string | null
}

export const useTenantStore = create<TenantState>()(() => ({
  tenants: [],
  currentId: null,
  switching: false,
  error: null,
}))

export const currentTenant = (state: TenantState): Tenant | null =>
  state.tenants.find((t) => t.id === state.currentId) ?? null
