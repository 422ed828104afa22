import { describe, expect, it } from 'vitest'
import { digitsOf, oneSlip } from '../../../../src/main/services/ocr/slips'

describe('OCR slips between two readings of a number', () => {
  it('knows the OCR slips that turn one number into another', () => {
    expect(oneSlip('10.10', '0.10')).toBe(true) // a speck read as a leading 1
    expect(oneSlip('243', '2.43')).toBe(true) // a lost decimal point
    expect(oneSlip('<250', '<2.50')).toBe(true)
    expect(oneSlip('0.021', '0.0021')).toBe(true)
    expect(oneSlip('5.2', '3.7')).toBe(false)
    expect(oneSlip('1.62', '1.52')).toBe(false)
    expect(oneSlip('0.10', '0.10')).toBe(false)
  })

  it('compares digit strings: one digit more or fewer is a slip, the same digits are not', () => {
    expect(oneSlip(digitsOf('17,40,000'), digitsOf('7,40,000'))).toBe(true) // a rule read as a "1"
    expect(oneSlip(digitsOf('7250'), digitsOf('725'))).toBe(true)
    expect(oneSlip(digitsOf('1,90,500'), digitsOf('1.90500'))).toBe(false)
    expect(oneSlip(digitsOf('74410'), digitsOf('74470'))).toBe(false)
  })
})
