import { z } from 'zod'
import { bboxSchema, pageBoxSchema } from '../../document-text/schema'
import { MATCH_MODES } from './profile'

/**
 * Screening results as they come back from a worker thread. The interfaces in ./types.ts stay the
 * source of truth: parsed values are handed on as those types, so the compiler notices any drift.
 */

export const hitSchema = z.object({
  term: z.string(),
  variant: z.string(),
  mode: z.enum(MATCH_MODES),
  text: z.string(),
  page: z.number().int().positive(),
  bbox: bboxSchema,
  boxes: z.array(pageBoxSchema),
  words: z.array(z.object({ page: z.number().int().positive(), indexes: z.array(z.number().int()) })),
  confidence: z.number(),
  edits: z.number(),
})

export const termScoreSchema = z.object({
  term: z.string(),
  category: z.string().optional(),
  mode: z.enum(MATCH_MODES),
  weight: z.number(),
  veto: z.boolean(),
  exclusion: z.boolean(),
  count: z.number().int().nonnegative(),
  pages: z.array(z.number().int()),
  points: z.number(),
  hits: z.array(hitSchema),
})

export const profileResultSchema = z.object({
  profile: z.string(),
  category: z.string().optional(),
  threshold: z.number(),
  score: z.number(),
  relevant: z.boolean(),
  reasons: z.array(z.string()),
  vetoedBy: z.array(z.string()),
  missingGroups: z.array(z.string()),
  terms: z.array(termScoreSchema),
})
