import { z } from 'zod'
import { FEATURE_EXTRACTOR, FEATURE_EXTRACTOR_ID } from './features'

/**
 * What a decision carries for the hub to learn from instead of the document: the hashed token
 * features of its text (PII scrubbed by hashedFeatures on the desk), tagged with the extractor that
 * produced them. Only the current extractor is accepted, so the hub never mixes feature spaces.
 */
export const decisionFeaturesSchema = z
  .strictObject({
    extractor: z.literal(FEATURE_EXTRACTOR_ID),
    values: z
      .array(
        z.tuple([
          z
            .number()
            .int()
            .min(0)
            .max(FEATURE_EXTRACTOR.dimensions - 1),
          z.number().min(-1).max(1),
        ]),
      )
      .max(FEATURE_EXTRACTOR.dimensions),
  })
  .refine((f) => f.values.every(([index], i) => i === 0 || index > (f.values[i - 1]?.[0] ?? -1)), {
    message: 'feature indexes must be strictly increasing (one value per hash slot)',
    path: ['values'],
  })
export type DecisionFeatures = z.infer<typeof decisionFeaturesSchema>
