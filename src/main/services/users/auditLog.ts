import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import {
  GENESIS_HASH,
  hashAuditEntry,
  verifyChain,
  type AuditEntry,
  type ChainVerdict,
  type JsonValue,
} from '../../../shared/audit'
import { DeskError } from '../../../shared/contract'
import { uuidv7 } from '../../../shared/ids'
import { SerialQueue } from '../storage/jsonFile'

/** Desk-wide records (users) are not a tenant's; their chain names this pseudo-tenant. */
export const DESK_AUDIT_TENANT = '(desk)'

export interface AuditChange {
  actor: string
  action: string
  entityTable: string
  entityId: string
  before?: JsonValue
  after?: JsonValue
}

/**
 * The desk's own hash-chained audit trail, one JSON entry a line (<dataDir>/audit/desk.jsonl):
 * user and signer administration, sign-in failures, lockouts and e-signatures. Append-only; the
 * chain is the same as the tenants' (src/shared/audit), so one verifier checks both.
 */
export class AuditLog {
  private readonly queue = new SerialQueue()

  constructor(readonly file: string) {}

  async entries(): Promise<AuditEntry[]> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw new DeskError('IO_ERROR', `${this.file}: ${(error as Error).message}`, { file: this.file })
    }
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        try {
          return JSON.parse(line) as AuditEntry
        } catch {
          throw new DeskError('CORRUPT_FILE', `${this.file}: line ${i + 1} is not JSON`, { file: this.file })
        }
      })
  }

  async verify(): Promise<ChainVerdict> {
    return verifyChain(await this.entries())
  }

  append(change: AuditChange, at: Date = new Date()): Promise<AuditEntry> {
    return this.queue.run(async () => {
      const all = await this.entries()
      const last = all.at(-1)
      const unhashed = {
        id: uuidv7(),
        seq: (last?.seq ?? 0) + 1,
        tenant: DESK_AUDIT_TENANT,
        at: at.toISOString(),
        ...change,
      }
      const prevHash = last?.hash ?? GENESIS_HASH
      const entry: AuditEntry = { ...unhashed, prevHash, hash: hashAuditEntry(unhashed, prevHash) }
      await mkdir(dirname(this.file), { recursive: true })
      await appendFile(this.file, JSON.stringify(entry) + '\n', 'utf8')
      return entry
    })
  }
}
