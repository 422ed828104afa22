import { join } from 'node:path'
import { DeskError, type Role, type UserView } from '../../../shared/contract'
import { uuidv7 } from '../../../shared/ids'
import {
  DEFAULT_MAX_FAILED_ATTEMPTS,
  sameName,
  secretProblem,
  signatureProblem,
  type SignatureMeaning,
} from '../../../shared/users'
import { AuditLog } from './auditLog'
import { hashSecret, SCRYPT_COST, verifySecret } from './secret'
import { UserStore, viewOf, type StoredUser } from './userStore'

export interface UserPolicy {
  maxFailedAttempts: number
  /** scrypt cost for new hashes (tests lower it; the desk uses SCRYPT_COST). */
  cost?: { N: number; r: number; p: number }
}

export interface UserChange {
  roles?: Role[]
  disabled?: boolean
}

function checkSecret(secret: string): void {
  const problem = secretProblem(secret)
  if (problem) throw new DeskError('INVALID_INPUT', problem, { field: 'secret' })
}

const WRONG = 'wrong name or PIN/passphrase'

/**
 * People at the desk: the first admin, sign-in with lockout, admin-only changes and e-signature
 * re-authentication. Every change and every lockout is an entry in the desk's audit chain with
 * the actor and, for an admin's change, the reason.
 */
export class UserService {
  readonly store: UserStore
  readonly audit: AuditLog
  private readonly policy: UserPolicy

  constructor(dataDir: string, policy: Partial<UserPolicy> = {}) {
    this.store = new UserStore(dataDir)
    this.audit = new AuditLog(join(dataDir, 'audit', 'desk.jsonl'))
    this.policy = { maxFailedAttempts: DEFAULT_MAX_FAILED_ATTEMPTS, cost: SCRYPT_COST, ...policy }
  }

  async list(): Promise<UserView[]> {
    return (await this.store.all()).map(viewOf)
  }

  async setupNeeded(): Promise<boolean> {
    return (await this.store.all()).length === 0
  }

  async get(id: string): Promise<UserView | null> {
    const user = (await this.store.all()).find((u) => u.id === id)
    return user ? viewOf(user) : null
  }

  /** The first start: only while no user exists, and always an admin. */
  async setup(name: string, secret: string): Promise<UserView> {
    checkSecret(secret)
    const stored = await hashSecret(secret, this.policy.cost)
    const user = await this.store.update(async (users) => {
      if (users.length > 0) throw new DeskError('CONFLICT', 'this desk already has an admin; sign in')
      const created = this.newUser(name, ['admin'], stored)
      return { users: [created], result: created }
    })
    await this.audit.append({
      actor: user.name,
      action: 'user.create',
      entityTable: 'users',
      entityId: user.id,
      after: { ...viewOf(user), reason: 'first admin of this desk' },
    })
    return viewOf(user)
  }

  async add(actor: string, name: string, roles: Role[], secret: string, reason: string): Promise<UserView> {
    checkSecret(secret)
    const stored = await hashSecret(secret, this.policy.cost)
    const user = await this.store.update(async (users) => {
      if (users.some((u) => sameName(u.name, name)))
        throw new DeskError('CONFLICT', `a user named "${name}" already exists`)
      const created = this.newUser(name, roles, stored)
      return { users: [...users, created], result: created }
    })
    await this.record(actor, 'user.create', user.id, undefined, viewOf(user), reason)
    return viewOf(user)
  }

  async update(actor: string, id: string, change: UserChange, reason: string): Promise<UserView> {
    const { before, after } = await this.change(id, (user) => ({ ...user, ...change }))
    await this.record(actor, 'user.update', id, viewOf(before), viewOf(after), reason)
    return viewOf(after)
  }

  async resetSecret(actor: string, id: string, secret: string, reason: string): Promise<UserView> {
    checkSecret(secret)
    const stored = await hashSecret(secret, this.policy.cost)
    const { before, after } = await this.change(id, (user) => ({
      ...user,
      secret: stored,
      failedAttempts: 0,
      locked: false,
    }))
    await this.record(actor, 'user.reset-secret', id, viewOf(before), viewOf(after), reason)
    return viewOf(after)
  }

  async unlock(actor: string, id: string, reason: string): Promise<UserView> {
    const { before, after } = await this.change(id, (user) => ({ ...user, locked: false, failedAttempts: 0 }))
    await this.record(actor, 'user.unlock', id, viewOf(before), viewOf(after), reason)
    return viewOf(after)
  }

  /** Checks the name and secret; a wrong secret counts toward the lock, a right one resets the count. */
  async authenticate(name: string, secret: string): Promise<UserView> {
    const user = (await this.store.all()).find((u) => sameName(u.name, name))
    if (!user) {
      // Spend the same time as a real check, so timing does not say which names exist.
      await hashSecret(secret, this.policy.cost)
      throw new DeskError('FORBIDDEN', WRONG, { reason: 'credentials' })
    }
    if (user.disabled)
      throw new DeskError('FORBIDDEN', `${user.name} is disabled; ask an admin`, { reason: 'disabled' })
    if (user.locked)
      throw new DeskError(
        'FORBIDDEN',
        `${user.name} is locked after too many failed attempts; an admin must unlock`,
        {
          reason: 'locked',
        },
      )
    const ok = await verifySecret(secret, user.secret)
    const { after } = await this.change(user.id, (u) => {
      const failedAttempts = ok ? 0 : u.failedAttempts + 1
      return { ...u, failedAttempts, locked: u.locked || failedAttempts >= this.policy.maxFailedAttempts }
    })
    if (ok) return viewOf(after)
    if (after.locked) {
      await this.audit.append({
        actor: user.name,
        action: 'user.lock',
        entityTable: 'users',
        entityId: user.id,
        after: { failedAttempts: after.failedAttempts, locked: true },
      })
      throw new DeskError(
        'FORBIDDEN',
        `${user.name} is now locked after ${after.failedAttempts} failed attempts; an admin must unlock`,
        { reason: 'locked' },
      )
    }
    const left = this.policy.maxFailedAttempts - after.failedAttempts
    throw new DeskError('FORBIDDEN', `${WRONG} (${left} attempt${left === 1 ? '' : 's'} left before lock)`, {
      reason: 'credentials',
    })
  }

  /** An e-signature: re-authenticates the signer and applies the role and second-person rules. */
  async sign(name: string, secret: string, meaning: SignatureMeaning, author?: string): Promise<UserView> {
    const user = await this.authenticate(name, secret)
    const problem = signatureProblem(user, meaning, author)
    if (problem) throw new DeskError('FORBIDDEN', problem, { reason: 'signature-rule' })
    await this.audit.append({
      actor: user.name,
      action: 'signature',
      entityTable: 'users',
      entityId: user.id,
      after: { meaning, ...(author === undefined ? {} : { author }) },
    })
    return user
  }

  private newUser(name: string, roles: Role[], secret: StoredUser['secret']): StoredUser {
    return {
      id: uuidv7(),
      name: name.trim(),
      roles: [...new Set(roles)],
      disabled: false,
      locked: false,
      failedAttempts: 0,
      createdAt: new Date().toISOString(),
      secret,
    }
  }

  private change(
    id: string,
    edit: (user: StoredUser) => StoredUser,
  ): Promise<{ before: StoredUser; after: StoredUser }> {
    return this.store.update(async (users) => {
      const before = users.find((u) => u.id === id)
      if (!before) throw new DeskError('NOT_FOUND', `no user with id "${id}"`)
      const after = edit(before)
      const next = users.map((u) => (u.id === id ? after : u))
      if (!next.some((u) => u.roles.includes('admin') && !u.disabled))
        throw new DeskError('CONFLICT', 'the desk must keep at least one enabled admin')
      return { users: next, result: { before, after } }
    })
  }

  private async record(
    actor: string,
    action: string,
    id: string,
    before: UserView | undefined,
    after: UserView,
    reason: string,
  ): Promise<void> {
    await this.audit.append({
      actor,
      action,
      entityTable: 'users',
      entityId: id,
      ...(before === undefined ? {} : { before }),
      after: { ...after, reason },
    })
  }
}
