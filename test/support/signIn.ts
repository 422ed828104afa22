import type { DeskApi } from '../../src/shared/contract'

export const TEST_ADMIN = { name: 'Test Admin', secret: 'test admin passphrase' }

/**
 * Hosts with a UI (browser, electron) answer a session only once someone signs in on it: the first
 * admin on a new desk, the same admin on one that has it.
 */
export async function signInAdmin(api: DeskApi): Promise<void> {
  const { setupNeeded } = await api.users.status()
  if (setupNeeded) await api.users.setup(TEST_ADMIN)
  else await api.users.signIn(TEST_ADMIN)
}
