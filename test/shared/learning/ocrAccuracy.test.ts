import { expect, it } from 'vitest'
import { characterEdits, ocrAccuracyOf } from '../../../src/shared/learning/ocrAccuracy'

it('counts the characters a person had to change', () => {
  expect(characterEdits('0.O5 %', '0.05 %')).toBe(1)
  expect(characterEdits('Ferric chlonde', 'Ferric chloride')).toBe(2)
  expect(characterEdits('', 'abc')).toBe(3)
  expect(characterEdits('same', 'same')).toBe(0)
})

it('measures OCR accuracy as 1 - corrected / reviewed characters', () => {
  expect(ocrAccuracyOf([])).toEqual({ reviewedCharacters: 0, correctedCharacters: 0, ocrAccuracy: null })
  const accuracy = ocrAccuracyOf([
    { ocrText: '0.O5', correctedText: '0.05' },
    { ocrText: 'Batch FC-2609-31', correctedText: 'Batch FC-2609-31' },
  ])
  expect(accuracy.reviewedCharacters).toBe(20)
  expect(accuracy.correctedCharacters).toBe(1)
  expect(accuracy.ocrAccuracy).toBe(0.95)
})
