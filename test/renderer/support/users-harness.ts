import {
  DeskError,
  type Handler,
  type MethodName,
  type Role,
  type UserView,
} from '../../../src/shared/contract'
import { DEFAULT_MAX_FAILED_ATTEMPTS, secretProblem, signatureProblem } from '../../../src/shared/users'

/**
 * users.* in memory for renderer tests: the same rules as the desk (secret strength, signature
 * roles, second person, lock after DEFAULT_MAX_FAILED_ATTEMPTS wrong secrets in a row, with the
 * desk's messages), secrets kept in plain text because nothing here is persisted. Starts with
 * one admin signed in, so pages render as they do for a signed-in person.
 */
export interface UsersHarness {
  users: Array<UserView & { secret: string }>
  signedIn: UserView | null
  setupNeeded: boolean
  handlers: { [M in Extract<MethodName, `users.${string}`>]: Handler<M, null> }
}

export const HARNESS_ADMIN = 'Harness Admin'
export const HARNESS_SECRET = 'harness passphrase'

export function createUsersHarness(): UsersHarness {
  const view = ({ secret: _s, ...rest }: UserView & { secret: string }): UserView => rest
  const admin = {
    id: 'u-1',
    name: HARNESS_ADMIN,
    roles: ['admin'] as Role[],
    disabled: false,
    locked: false,
    createdAt: '2026-12-01T09:00:00.000Z',
    secret: HARNESS_SECRET,
  }
  const h: UsersHarness = {
    users: [admin],
    signedIn: view(admin),
    setupNeeded: false,
    handlers: null as never,
  }
  const status = () => ({ setupNeeded: h.setupNeeded, user: h.signedIn, idleLockMinutes: 15 })
  const find = (id: string) => {
    const user = h.users.find((u) => u.id === id)
    if (!user) throw new DeskError('NOT_FOUND', `no user with id "${id}"`)
    return user
  }
  // Wrong secrets in a row, by user id (UserService keeps the same count in users.json).
  const failures = new Map<string, number>()
  const authenticate = (name: string, secret: string) => {
    const user = h.users.find((u) => u.name === name)
    if (!user) throw new DeskError('FORBIDDEN', 'wrong name or PIN/passphrase', { reason: 'credentials' })
    if (user.disabled) throw new DeskError('FORBIDDEN', `${name} is disabled; ask an admin`)
    if (user.locked)
      throw new DeskError(
        'FORBIDDEN',
        `${name} is locked after too many failed attempts; an admin must unlock`,
      )
    if (user.secret === secret) {
      failures.delete(user.id)
      return view(user)
    }
    const failed = (failures.get(user.id) ?? 0) + 1
    failures.set(user.id, failed)
    if (failed >= DEFAULT_MAX_FAILED_ATTEMPTS) {
      user.locked = true
      throw new DeskError(
        'FORBIDDEN',
        `${name} is now locked after ${failed} failed attempts; an admin must unlock`,
      )
    }
    const left = DEFAULT_MAX_FAILED_ATTEMPTS - failed
    throw new DeskError(
      'FORBIDDEN',
      `wrong name or PIN/passphrase (${left} attempt${left === 1 ? '' : 's'} left before lock)`,
    )
  }
  const strong = (secret: string) => {
    const problem = secretProblem(secret)
    if (problem) throw new DeskError('INVALID_INPUT', problem)
  }
  h.handlers = {
    'users.status': () => status(),
    'users.setup': ({ name, secret }) => {
      strong(secret)
      const user = { ...admin, id: `u-${h.users.length + 1}`, name, secret }
      h.users = [user]
      h.setupNeeded = false
      h.signedIn = view(user)
      return status()
    },
    'users.signIn': ({ name, secret }) => {
      h.signedIn = authenticate(name, secret)
      return status()
    },
    'users.resume': () => {
      throw new DeskError('FORBIDDEN', 'sign in again')
    },
    'users.signOut': () => {
      h.signedIn = null
      return status()
    },
    'users.signature': ({ name, secret, meaning, author }) => {
      const user = authenticate(name, secret)
      const problem = signatureProblem(user, meaning, author)
      if (problem) throw new DeskError('FORBIDDEN', problem)
      return { user, at: new Date().toISOString() }
    },
    'users.list': () => ({ users: h.users.map(view) }),
    'users.add': ({ name, roles, secret }) => {
      strong(secret)
      const user = { ...admin, id: `u-${h.users.length + 1}`, name, roles, secret }
      h.users.push(user)
      return view(user)
    },
    'users.update': ({ userId, roles, disabled }) => {
      const user = find(userId)
      if (roles) user.roles = roles
      if (disabled !== undefined) user.disabled = disabled
      return view(user)
    },
    'users.resetSecret': ({ userId, secret }) => {
      strong(secret)
      const user = find(userId)
      Object.assign(user, { secret, locked: false })
      failures.delete(userId)
      return view(user)
    },
    'users.unlock': ({ userId }) => {
      const user = find(userId)
      user.locked = false
      failures.delete(userId)
      return view(user)
    },
    'users.audit': () => ({ entries: [], chain: { ok: true as const, count: 0 } }),
  }
  return h
}
