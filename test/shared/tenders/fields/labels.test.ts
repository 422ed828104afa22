import { describe, expect, it } from 'vitest'
import { FIELD_LABELS, FIELD_NAMES, fieldLabel } from '../../../../src/shared/tenders/fields'

describe('field labels', () => {
  it('gives every extracted field a label in words', () => {
    for (const name of FIELD_NAMES) {
      expect(fieldLabel(name)).toBe(FIELD_LABELS[name])
      expect(fieldLabel(name)).not.toContain(name)
    }
    expect(fieldLabel('emdAmount')).toBe('EMD amount')
  })

  it('turns an unknown camelCase or snake_case key into words', () => {
    expect(fieldLabel('performanceSecurityAmount')).toBe('Performance security amount')
    expect(fieldLabel('gstNumber')).toBe('Gst number')
    expect(fieldLabel('HSNCode')).toBe('Hsn code')
    expect(fieldLabel('last_date')).toBe('Last date')
  })
})
