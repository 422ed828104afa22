import type { Role } from '../contract/users'

export const MIN_PIN_DIGITS = 6
export const MIN_PASSPHRASE_LENGTH = 12
/** Failed attempts in a row before a user is locked (settings can change it). */
export const DEFAULT_MAX_FAILED_ATTEMPTS = 5

function isRun(digits: string): boolean {
  const steps = new Set<number>()
  for (let i = 1; i < digits.length; i++) steps.add(digits.charCodeAt(i) - digits.charCodeAt(i - 1))
  return steps.size === 1 && [...steps].every((s) => Math.abs(s) <= 1)
}

/**
 * Null for a strong enough secret, otherwise what is wrong with it. A PIN is all digits, at least
 * six, and not one digit repeated or a run like 123456 (the first guesses anyone tries); anything
 * else is a passphrase of at least twelve characters that is not one character repeated.
 */
export function secretProblem(secret: string): string | null {
  if (/^\d+$/.test(secret)) {
    if (secret.length < MIN_PIN_DIGITS) return `a PIN needs at least ${MIN_PIN_DIGITS} digits`
    if (isRun(secret)) return 'a PIN cannot be one digit repeated or a run like 123456'
    return null
  }
  if (secret.length < MIN_PASSPHRASE_LENGTH)
    return `a passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters (or use a PIN of ${MIN_PIN_DIGITS}+ digits)`
  if (new Set(secret).size === 1) return 'a passphrase cannot be one character repeated'
  return null
}

export type SignatureMeaning = 'reviewed' | 'approved' | 'rejected'

/** Reviewing is the technician's signature; approving or rejecting a batch is a reviewer's verification. */
export const SIGNING_ROLES: Record<SignatureMeaning, readonly Role[]> = {
  reviewed: ['qc-technician', 'qc-reviewer'],
  approved: ['qc-reviewer'],
  rejected: ['qc-reviewer'],
}

/**
 * Null when `signer` may sign with `meaning`; otherwise why not. Approving or rejecting verifies
 * someone else's work, so the verifier must be a different person from `author` (second-person
 * verification) and hold the qc-reviewer role.
 */
export function signatureProblem(
  signer: { name: string; roles: readonly Role[] },
  meaning: SignatureMeaning,
  author?: string,
): string | null {
  const allowed = SIGNING_ROLES[meaning]
  if (!signer.roles.some((r) => allowed.includes(r)))
    return `${signer.name} cannot sign as ${meaning}: that needs the role ${allowed.join(' or ')}`
  if (meaning !== 'reviewed' && author !== undefined && sameName(author, signer.name))
    return `${signer.name} did this work, so a different person with the qc-reviewer role must verify it`
  return null
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}
