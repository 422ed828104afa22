import type { TenantId } from '../../../shared/contract'

/**
 * The CSP is fixed when the page loads, naming the hubs saved by then. The first hub connection
 * this page saw for a tenant is what its CSP allows; saving another origin needs a reload.
 */
const atLoad = new Map<TenantId, string | null>()

export const originOf = (hubUrl: string | null): string | null =>
  hubUrl === null ? null : new URL(hubUrl).origin

export function noteOriginAtLoad(tenant: TenantId, hubUrl: string | null): void {
  if (!atLoad.has(tenant)) atLoad.set(tenant, originOf(hubUrl))
}

export function needsReload(tenant: TenantId, hubUrl: string): boolean {
  return atLoad.has(tenant) && atLoad.get(tenant) !== originOf(hubUrl)
}
