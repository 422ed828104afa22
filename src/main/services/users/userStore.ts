import { join } from 'node:path'
import { z } from 'zod'
import { deskUserNameSchema, roleSchema, type UserView } from '../../../shared/contract'
import { readJsonFile, SerialQueue, writeJsonFile } from '../storage/jsonFile'
import { storedSecretSchema } from './secret'

export const storedUserSchema = z
  .object({
    id: z.string().min(1),
    name: deskUserNameSchema,
    roles: z.array(roleSchema).min(1),
    disabled: z.boolean(),
    locked: z.boolean(),
    /** Failed attempts since the last success; reaching the limit locks the user. */
    failedAttempts: z.number().int().nonnegative(),
    createdAt: z.string(),
    secret: storedSecretSchema,
  })
  .strict()
export type StoredUser = z.infer<typeof storedUserSchema>

const usersFileSchema = z.object({ users: z.array(storedUserSchema) }).strict()

export function viewOf(user: StoredUser): UserView {
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    disabled: user.disabled,
    locked: user.locked,
    createdAt: user.createdAt,
  }
}

/**
 * The desk's users in <dataDir>/users.json, on the main side so every host (window, browser tab)
 * is checked against the same list. Writes are serialised; a malformed file is an error naming it.
 */
export class UserStore {
  readonly file: string
  private readonly queue = new SerialQueue()

  constructor(dataDir: string) {
    this.file = join(dataDir, 'users.json')
  }

  async all(): Promise<StoredUser[]> {
    return (await readJsonFile(this.file, usersFileSchema, { users: [] })).users
  }

  /** Runs `change` on the current list and saves what it returns, one change at a time. */
  update<T>(change: (users: StoredUser[]) => Promise<{ users: StoredUser[]; result: T }>): Promise<T> {
    return this.queue.run(async () => {
      const { users, result } = await change(await this.all())
      await writeJsonFile(this.file, { users })
      return result
    })
  }
}
