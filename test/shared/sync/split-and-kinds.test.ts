import { describe, expect, it } from 'vitest'
import { splitBucket, splitOf } from '../../../src/shared/sync/split'
import { GROUND_TRUTH_KINDS } from '../../../src/shared/sync/kinds'

describe('ground-truth split', () => {
  it('is a pure function of the document id', () => {
    expect(splitBucket('doc-1')).toBe(splitBucket('doc-1'))
    expect(splitOf('doc-1')).toBe(splitOf('doc-1'))
  })
  it('sends about 80% to training', () => {
    const n = 5000
    const train = Array.from({ length: n }, (_, i) => splitOf(`document-${i}`)).filter((s) => s === 'train')
    expect(train.length / n).toBeGreaterThan(0.77)
    expect(train.length / n).toBeLessThan(0.83)
  })
})

describe('ground-truth kinds', () => {
  it('keeps original and corrected values, who and when on a correction', () => {
    const parsed = GROUND_TRUTH_KINDS['field.correction'].safeParse({
      documentId: 'd',
      documentHash: 'a'.repeat(64),
      field: 'expiry',
      originalValue: '2026-13-01',
      correctedValue: '2026-12-01',
      modelVersion: 'm@1',
      confidence: 0.4,
      correctedBy: 'qa',
      correctedAt: '2026-03-02T09:00:00Z',
      extra: true,
    })
    expect(parsed.success).toBe(false) // strict: a renamed field is an error, not silently dropped
  })
})

describe('tender decisions', () => {
  const decision = (value: string) =>
    GROUND_TRUTH_KINDS['tender.decision'].safeParse({
      documentId: 'd',
      tenderId: 'GEM/2026/B/1',
      decision: value,
      decidedBy: 'asha',
      decidedAt: '2026-03-02T09:00:00Z',
    })

  it('accepts relevant, irrelevant and needs-review', () => {
    for (const value of ['relevant', 'irrelevant', 'needs-review']) expect(decision(value).success).toBe(true)
  })

  it('rejects any other decision, including the desk-side spelling of not relevant', () => {
    for (const value of ['maybe', 'not-relevant', 'Needs review', '']) {
      const parsed = decision(value)
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0]?.path).toEqual(['decision'])
    }
  })
})
