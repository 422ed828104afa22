import { describe, expect, it } from 'vitest'
import { FEATURE_EXTRACTOR, hashedFeatures, scrubPii, tokens } from '../../../src/shared/learning'

describe('the features a decision sends to the hub', () => {
  it('carry no e-mail, phone, PAN, GSTIN or Aadhaar-like id', () => {
    const text =
      'Contact purchase.officer@nic.in or +91 98765 43210, landline 0265-2345678. PAN ABCDE1234F, GSTIN 24ABCDE1234F1Z5, Aadhaar 1234 5678 9012. Ferric chloride 40%.'
    const scrubbed = scrubPii(text)
    for (const pii of [
      'purchase.officer@nic.in',
      '98765',
      '2345678',
      'ABCDE1234F',
      '24ABCDE1234F1Z5',
      '9012',
    ]) {
      expect(scrubbed).not.toContain(pii)
    }
    expect(tokens(text)).toEqual(expect.arrayContaining(['ferric', 'chloride']))
    expect(tokens(text).join(' ')).not.toMatch(/abcde|officer|nic/)
  })

  it('are the same for the same text, whatever the case or Unicode form', () => {
    expect(hashedFeatures('FERRIC Chloride')).toEqual(hashedFeatures('ferric chloride'))
    expect(hashedFeatures('ﬁre clay')).toEqual(hashedFeatures('fire clay'))
  })

  it('are hashed slots of unit length, not words', () => {
    const features = hashedFeatures('Supply of poly aluminium chloride for water treatment plant')
    const length = Math.sqrt(features.reduce((s, [, v]) => s + v * v, 0))
    expect(length).toBeCloseTo(1, 6)
    for (const [index] of features) expect(index).toBeLessThan(FEATURE_EXTRACTOR.dimensions)
    expect(JSON.stringify(features)).not.toMatch(/[a-z]{3}/)
  })
})
