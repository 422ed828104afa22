import { randomBytes } from 'node:crypto'
import {
  accessProblem,
  DeskError,
  methodAccess,
  type Handler,
  type MethodName,
  type UserView,
} from '../../../shared/contract'
import type { UserService } from './userService'

/** What the users handlers need of a session: who is signed in on it and when it last did anything. */
export interface SignedInSession {
  user: UserView | null
  lastActive: number
}

export interface UsersDeskOptions {
  users: UserService
  /** 0: never lock an idle session. */
  idleLockMinutes: number
  now?: () => number
}

/**
 * The role check every host's calls pass through (HandlerRegistry's guard): refreshes the session's
 * user from the store (an admin's disable or a lockout takes effect on the next call), signs out a
 * session idle for longer than the setting, then applies the method's role map.
 */
export function accessGuard({ users, idleLockMinutes, now = Date.now }: UsersDeskOptions) {
  return async (method: MethodName, session: SignedInSession): Promise<void> => {
    const at = now()
    if (session.user) {
      const idle = idleLockMinutes > 0 && at - session.lastActive > idleLockMinutes * 60_000
      const fresh = idle ? null : await users.get(session.user.id)
      session.user = fresh && !fresh.disabled && !fresh.locked ? fresh : null
    }
    // Only a signed-in user's calls count as activity: polling the status must not hold off the lock.
    if (session.user && methodAccess(method) !== 'public') session.lastActive = at
    const problem = accessProblem(method, session.user?.roles ?? null)
    if (problem)
      throw new DeskError('FORBIDDEN', problem, { method, reason: session.user ? 'role' : 'signed-out' })
  }
}

type UsersMethod =
  | 'users.status'
  | 'users.setup'
  | 'users.signIn'
  | 'users.signOut'
  | 'users.resume'
  | 'users.signature'
  | 'users.list'
  | 'users.add'
  | 'users.update'
  | 'users.resetSecret'
  | 'users.unlock'
  | 'users.audit'

function actorOf(session: SignedInSession): string {
  if (!session.user) throw new DeskError('FORBIDDEN', 'sign in first', { reason: 'signed-out' })
  return session.user.name
}

export function usersHandlers<Ctx extends SignedInSession>({
  users,
  idleLockMinutes,
  now = Date.now,
}: UsersDeskOptions): { [M in UsersMethod]: Handler<M, Ctx> } {
  const status = async (session: SignedInSession) => ({
    setupNeeded: await users.setupNeeded(),
    user: session.user,
    idleLockMinutes,
  })
  // Resume token -> the session it was last used by (its lastActive decides the idle lock).
  const resumable = new Map<string, SignedInSession>()
  const forget = (session: SignedInSession) => {
    for (const [token, owner] of resumable) if (owner === session) resumable.delete(token)
  }
  const signedIn = async (session: SignedInSession, user: UserView) => {
    forget(session)
    session.user = user
    session.lastActive = now()
    const resumeToken = randomBytes(32).toString('base64url')
    resumable.set(resumeToken, session)
    return { ...(await status(session)), resumeToken }
  }
  return {
    'users.status': (_params, session) => status(session),
    'users.setup': async ({ name, secret }, session) => signedIn(session, await users.setup(name, secret)),
    'users.signIn': async ({ name, secret }, session) =>
      signedIn(session, await users.authenticate(name, secret)),
    'users.signOut': (_params, session) => {
      forget(session)
      session.user = null
      return status(session)
    },
    'users.resume': async ({ token }, session) => {
      const previous = resumable.get(token)
      resumable.delete(token)
      const idle = idleLockMinutes > 0 && now() - (previous?.lastActive ?? 0) > idleLockMinutes * 60_000
      const user = previous?.user ? await users.get(previous.user.id) : null
      if (!previous || idle || !user || user.disabled || user.locked)
        throw new DeskError('FORBIDDEN', 'sign in again', { reason: 'signed-out' })
      // The old connection is gone (a reload); it must not stay signed in beside the new one.
      previous.user = null
      return signedIn(session, user)
    },
    'users.signature': async ({ name, secret, meaning, author }) => ({
      user: await users.sign(name, secret, meaning, author),
      at: new Date(now()).toISOString(),
    }),
    'users.list': async () => ({ users: await users.list() }),
    'users.add': async ({ name, roles, secret, reason }, session) =>
      users.add(actorOf(session), name, roles, secret, reason),
    'users.update': async ({ userId, roles, disabled, reason }, session) =>
      users.update(
        actorOf(session),
        userId,
        { ...(roles === undefined ? {} : { roles }), ...(disabled === undefined ? {} : { disabled }) },
        reason,
      ),
    'users.resetSecret': async ({ userId, secret, reason }, session) =>
      users.resetSecret(actorOf(session), userId, secret, reason),
    'users.unlock': async ({ userId, reason }, session) => users.unlock(actorOf(session), userId, reason),
    'users.audit': async () => {
      const entries = await users.audit.entries()
      return { entries, chain: await users.audit.verify() }
    },
  }
}
