import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { bundleForNode } from '../../../server/build.mjs'
import { uuidv7 } from '../../../src/shared/ids'
import { FEATURE_EXTRACTOR_ID, hashedFeatures } from '../../../src/shared/learning'
import type { IngestRecord } from '../../../src/shared/sync/wire'
import type { LabelledBid } from '../../support/documents/relevance/bids'

const root = resolve(import.meta.dirname, '..', '..', '..')

/** Bundles the training worker the way server/build.mjs does, so tests run the real worker thread. */
export async function buildTrainWorker(): Promise<{ path: string; cleanup: () => void }> {
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'pebble-train-worker-'))
  const out = await bundleForNode(
    { 'train-worker': join(root, 'server', 'learning', 'train-worker.ts') },
    dir,
  )
  return { path: out['train-worker'] ?? '', cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** An analyst's decision on a generated bid, with the hashed features a desk sends (never the text). */
export function bidDecision(
  tenant: string,
  bid: LabelledBid,
  decision: 'relevant' | 'irrelevant' | 'needs-review',
  at: string,
  extra: { modelVersion?: string; learnedProbability?: number; confidence?: number } = {},
): IngestRecord {
  return {
    id: uuidv7(),
    tenant,
    kind: 'tender.decision',
    entityTable: 'decisions',
    entityId: uuidv7(),
    createdAt: at,
    payload: {
      documentId: bid.id,
      tenderId: bid.id,
      decision,
      ...extra,
      features: { extractor: FEATURE_EXTRACTOR_ID, values: hashedFeatures(bid.text) },
      decidedBy: 'buyer.anna',
      decidedAt: at,
    },
  }
}
