import { z } from 'zod'
import { deskUserNameSchema } from './schemas'

export const ROLES = ['admin', 'qc-technician', 'qc-reviewer', 'tender-analyst', 'scanner-operator'] as const
export const roleSchema = z.enum(ROLES)
export type Role = z.infer<typeof roleSchema>

/** A PIN or passphrase on the wire; strength is judged by `secretProblem` (src/shared/users). */
export const secretSchema = z.string().min(1, 'enter the PIN or passphrase').max(1024)

/** Why an admin changed a user: Part 11 wants the reason in the trail, so it cannot be blank. */
export const reasonSchema = z
  .string()
  .trim()
  .min(3, 'say why (at least 3 characters)')
  .max(500, 'a reason is at most 500 characters')

export const userIdSchema = z.string().min(1).max(100)

/** A desk user as every host sees it: never the secret's hash. */
export const userViewSchema = z.object({
  id: userIdSchema,
  name: deskUserNameSchema,
  roles: z.array(roleSchema).min(1),
  disabled: z.boolean(),
  /** Set by too many failed PIN/passphrase attempts; only an admin clears it. */
  locked: z.boolean(),
  createdAt: z.string(),
})
export type UserView = z.infer<typeof userViewSchema>

export const usersStatusSchema = z.object({
  /** No user exists yet: the first start must create the first admin. */
  setupNeeded: z.boolean(),
  /** Who is signed in on this session (window, browser tab), or null. */
  user: userViewSchema.nullable(),
  /** Minutes without a call after which the session is signed out; 0 = never. */
  idleLockMinutes: z.number().nonnegative(),
  /**
   * Given on sign-in: lets a reload of the same tab or window (a new connection) take the sign-in
   * back with users.resume until it signs out or idles past the lock. Kept in sessionStorage.
   */
  resumeToken: z.string().optional(),
})
export type UsersStatus = z.infer<typeof usersStatusSchema>

export const signInRequestSchema = z.object({ name: deskUserNameSchema, secret: secretSchema }).strict()

export const signatureMeaningSchema = z.enum(['reviewed', 'approved', 'rejected'])

/**
 * An e-signature re-authenticates the signer whatever session is open. `author` names whoever did
 * the work being verified, so the desk can refuse the same person verifying it.
 */
export const signatureRequestSchema = z
  .object({
    name: deskUserNameSchema,
    secret: secretSchema,
    meaning: signatureMeaningSchema,
    author: deskUserNameSchema.optional(),
  })
  .strict()

export const userAuditEntrySchema = z.object({
  id: z.string(),
  tenant: z.string(),
  entityTable: z.string(),
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityId: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  hash: z.string(),
  prevHash: z.string(),
})

const noParams = z.object({}).strict()
const userResponse = userViewSchema

/** The users.* methods, spread into the contract's method map (methods.ts). */
export const usersMethods = {
  /** Whether the desk needs its first admin, and who is signed in on this session. */
  'users.status': { request: noParams, response: usersStatusSchema },
  /** First start only (no user exists): creates the first admin and signs them in. */
  'users.setup': { request: signInRequestSchema, response: usersStatusSchema },
  /** FORBIDDEN with details.reason 'credentials' | 'locked' | 'disabled' when refused. */
  'users.signIn': { request: signInRequestSchema, response: usersStatusSchema },
  'users.signOut': { request: noParams, response: usersStatusSchema },
  /** FORBIDDEN when the token is unknown, signed out, or idle past the lock. */
  'users.resume': {
    request: z.object({ token: z.string().min(1).max(200) }).strict(),
    response: usersStatusSchema,
  },
  /** Re-authenticates a signer for an e-signature and applies the role and second-person rules. */
  'users.signature': {
    request: signatureRequestSchema,
    response: z.object({ user: userViewSchema, at: z.string() }),
  },
  'users.list': { request: noParams, response: z.object({ users: z.array(userViewSchema) }) },
  'users.add': {
    request: z
      .object({
        name: deskUserNameSchema,
        roles: z.array(roleSchema).min(1),
        secret: secretSchema,
        reason: reasonSchema,
      })
      .strict(),
    response: userResponse,
  },
  /** Changes roles or disables/enables a user; the desk always keeps one enabled admin. */
  'users.update': {
    request: z
      .object({
        userId: userIdSchema,
        roles: z.array(roleSchema).min(1).optional(),
        disabled: z.boolean().optional(),
        reason: reasonSchema,
      })
      .strict(),
    response: userResponse,
  },
  'users.resetSecret': {
    request: z.object({ userId: userIdSchema, secret: secretSchema, reason: reasonSchema }).strict(),
    response: userResponse,
  },
  'users.unlock': {
    request: z.object({ userId: userIdSchema, reason: reasonSchema }).strict(),
    response: userResponse,
  },
  /** The desk's own audit chain (users, lockouts, signatures) and whether it is intact. */
  'users.audit': {
    request: noParams,
    response: z.object({
      entries: z.array(userAuditEntrySchema),
      chain: z.union([
        z.object({ ok: z.literal(true), count: z.number() }),
        z.object({ ok: z.literal(false), index: z.number(), entryId: z.string(), reason: z.string() }),
      ]),
    }),
  },
} as const
