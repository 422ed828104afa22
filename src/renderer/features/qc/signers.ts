import { DeskError } from '../../../shared/contract'
import { recordLocalChange, type Signer, type TenantDb } from '../../db'
import { hashSecret, PIN_ITERATIONS } from './pin-hash'

/** Adds a technician who can sign. The hash is computed before the store's transaction opens. */
export async function addSigner(
  db: TenantDb,
  name: string,
  secret: string,
  iterations = PIN_ITERATIONS,
): Promise<Signer> {
  const trimmed = name.trim()
  if (trimmed === '') throw new DeskError('INVALID_INPUT', 'a signer needs a name')
  if (await db.signers.where('name').equals(trimmed).first())
    throw new DeskError('INVALID_INPUT', `a signer named "${trimmed}" already exists`)
  const stored = await hashSecret(secret, iterations)
  const { entity } = await recordLocalChange(db, {
    table: 'signers',
    action: 'create',
    actor: trimmed,
    entity: { name: trimmed, ...stored },
  })
  return entity!
}
