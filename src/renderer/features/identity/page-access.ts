import type { Role } from '../../../shared/contract'
import type { PageId } from '../../state'

/**
 * Pages a role has no work on are left out of the navigation. The desk refuses the calls anyway
 * (src/shared/contract/roles.ts); this keeps people from walking into pages that can only refuse.
 */
const HIDDEN_FROM: Partial<Record<PageId, readonly Role[]>> = {
  tenders: ['scanner-operator'],
  qc: ['tender-analyst'],
  scanner: ['tender-analyst'],
}

/** A page is shown when any of the user's roles is not one it is hidden from. */
export function pageAllowed(page: PageId, roles: readonly Role[]): boolean {
  const hidden = HIDDEN_FROM[page] ?? []
  return roles.some((r) => !hidden.includes(r))
}
