import { useEffect, useState } from 'react'
import type { DeskApi, UserView } from '../../../shared/contract'
import { SIGNING_ROLES } from '../../../shared/users'
import { describeError } from '../../bridge/errors'
import type { SignatureMeaning } from '../../db'
import { useSessionStore } from '../identity/session'
import { useServices } from '../services/context'

export interface SignatureRequest {
  name: string
  secret: string
  meaning: SignatureMeaning
  /** Whoever did the work being verified: the desk refuses them approving or rejecting it. */
  author?: string
}

/**
 * Re-authenticates a signer and applies the desk's role, second-person and lockout rules; throws
 * the desk's refusal. Passed in (not imported) so the record functions are testable without a desk.
 */
export type VerifySignature = (request: SignatureRequest) => Promise<{ user: { name: string }; at: string }>

export function deskVerifier(desk: DeskApi): VerifySignature {
  return (request) => desk.users.signature(request)
}

const SIGNING = new Set(Object.values(SIGNING_ROLES).flat())

/** A desk user who may sign something on a COA record (disabled users never can). */
export function canSign(user: Pick<UserView, 'roles' | 'disabled'>): boolean {
  return !user.disabled && user.roles.some((r) => SIGNING.has(r))
}

export interface DeskSigners {
  /** Null while the desk has not answered. */
  signers: UserView[] | null
  error: string | null
}

/**
 * The desk users who can sign, read from the desk (users.list). Where the desk refuses the list,
 * the signed-in person alone is offered if they can sign, so they can still sign their own work.
 */
export function useDeskSigners(): DeskSigners {
  const { desk } = useServices()
  const me = useSessionStore((s) => s.status?.user ?? null)
  const [state, setState] = useState<DeskSigners>({ signers: null, error: null })
  useEffect(() => {
    let alive = true
    desk.users.list().then(
      ({ users }) => {
        if (alive) setState({ signers: users.filter(canSign), error: null })
      },
      (e: unknown) => {
        if (alive) setState({ signers: me && canSign(me) ? [me] : [], error: describeError(e).message })
      },
    )
    return () => {
      alive = false
    }
  }, [desk, me])
  return state
}
