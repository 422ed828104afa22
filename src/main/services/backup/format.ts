import { z } from 'zod'

/**
 * A desk backup is one gzip stream: a header line, then per file a line naming it and its size,
 * its bytes, and a line with its sha256; then an end line with the file count. Each file's
 * checksum follows its bytes so a backup streams in one pass (document blobs can be large), and
 * a reader verifies each file before it keeps it.
 */
export const BACKUP_FORMAT = 'pebble-desk-backup'

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
})

/** Relative, forward-slashed, never climbing out of the data folder. */
const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').some((s) => s === '..' || s === '' || s === '.'), {
    message: 'not a path inside the data folder',
  })

export const fileLineSchema = z.object({ path: relativePath, size: z.number().int().min(0) })
export const sumLineSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) })
export const endLineSchema = z.object({ end: z.literal(true), files: z.number().int().min(0) })

/** Folders of the data folder that a backup leaves out: derived caches, and backups themselves. */
export const SKIPPED_FOLDERS = new Set(['cache', 'backups'])

/** Names of half-written files (write-then-rename temporaries, partial downloads). */
export const isTemporary = (name: string): boolean => name.endsWith('.tmp') || name.endsWith('.partial')
