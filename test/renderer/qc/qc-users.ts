import type { Role } from '../../../src/shared/contract'
import type { VerifySignature } from '../../../src/renderer/features/qc/desk-signers'
import type { UsersHarness } from '../support/users-harness'

/** Desk PINs: six digits and not a run, as the desk's strength rule wants. */
export const PINS = {
  Ann: '482916',
  Bo: '730185',
  Ray: '591374',
  Rae: '264813',
  Sam: '938271',
} as const
export type QcPerson = keyof typeof PINS

/** Adds a desk user as an admin would on Settings → Users (the harness keeps the desk's rules). */
export function addUser(users: UsersHarness, name: QcPerson, roles: Role[]): void {
  users.users.push({
    id: `u-${name}`,
    name,
    roles,
    disabled: false,
    locked: false,
    createdAt: '2026-12-01T09:00:00.000Z',
    secret: PINS[name],
  })
}

/** Who is signed in when the page loads (renderApp reads it as a reload would). */
export function signInAs(users: UsersHarness, name: QcPerson): void {
  const user = users.users.find((u) => u.name === name)
  if (!user) throw new Error(`no harness user ${name}`)
  const { secret: _secret, ...view } = user
  users.signedIn = view
}

/** users.signature of the harness, as the QC record functions take it. */
export function harnessVerifier(users: UsersHarness): VerifySignature {
  return async (request) => users.handlers['users.signature'](request, null)
}
