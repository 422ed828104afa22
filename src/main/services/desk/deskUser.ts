import { join } from 'node:path'
import { z } from 'zod'
import { deskUserNameSchema, type DeskUser } from '../../../shared/contract'
import { readJsonFile, SerialQueue, writeJsonFile } from '../storage/jsonFile'

const deskUserFileSchema = z.object({ name: deskUserNameSchema, since: z.string() })

/**
 * Who is at this desk, kept in <dataDir>/desk-user.json so every host of the desk (the app, the
 * browser bridge, a reload, a restart) credits work to the same person. A malformed file is an error
 * naming the file, like every other store of the desk.
 */
export class DeskUserStore {
  private readonly file: string
  private readonly queue = new SerialQueue()

  constructor(dataDir: string) {
    this.file = join(dataDir, 'desk-user.json')
  }

  async get(): Promise<DeskUser> {
    const stored = await readJsonFile(this.file, deskUserFileSchema.nullable(), null)
    return { name: stored?.name ?? null }
  }

  async set(name: string): Promise<DeskUser> {
    const clean = deskUserNameSchema.parse(name)
    return this.queue.run(async () => {
      await writeJsonFile(this.file, { name: clean, since: new Date().toISOString() })
      return { name: clean }
    })
  }
}
