import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

/**
 * PINs and passphrases are kept as scrypt hashes (memory-hard, node:crypto). Cost N = 2^15, r = 8,
 * p = 1 needs 32 MiB and about 50-100 ms a try on a desk PC: cheap for a person signing in, costly
 * for anyone guessing offline against a copied users.json. The parameters are stored with each hash
 * so the cost can be raised later and old hashes still verify.
 */
export const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_BYTES = 32

export const storedSecretSchema = z
  .object({
    kdf: z.literal('scrypt'),
    N: z.number().int().min(2),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
    salt: z.string().min(1),
    hash: z.string().min(1),
  })
  .strict()
export type StoredSecret = z.infer<typeof storedSecretSchema>

function derive(secret: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

export async function hashSecret(
  secret: string,
  cost: { N: number; r: number; p: number } = SCRYPT_COST,
): Promise<StoredSecret> {
  const salt = randomBytes(16)
  const hash = await derive(secret, salt, cost)
  return { kdf: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') }
}

/** Constant-time: the comparison takes as long whichever byte differs first. */
export async function verifySecret(secret: string, stored: StoredSecret): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const actual = await derive(secret, Buffer.from(stored.salt, 'base64'), stored)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
