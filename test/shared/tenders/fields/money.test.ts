import { describe, expect, it } from 'vitest'
import { parseAmount, parseNumber, parseReference } from '../../../../src/shared/tenders/fields'

/** The amount and the text it was read from. */
function read(text: string) {
  const p = parseAmount(text)
  return p && { amount: p.value, text: text.slice(p.start, p.end) }
}

describe('rupee amounts as Indian documents write them', () => {
  it('reads Indian digit grouping, with or without a currency sign', () => {
    expect(read('in ₹   3,30,500')).toEqual({ amount: 330500, text: '₹   3,30,500' })
    expect(read('₹ 5,00,000')).toEqual({ amount: 500000, text: '₹ 5,00,000' })
    expect(read('12,50,00,000')).toEqual({ amount: 125000000, text: '12,50,00,000' })
    expect(read('40,000')).toEqual({ amount: 40000, text: '40,000' })
    expect(read('1,234,567.50')).toEqual({ amount: 1234567.5, text: '1,234,567.50' })
    expect(read('600000')).toEqual({ amount: 600000, text: '600000' })
  })

  it('keeps the "/-" tail with the amount instead of cutting the grouping short', () => {
    expect(read('INR 2,50,000/-')).toEqual({ amount: 250000, text: 'INR 2,50,000/-' })
    expect(read('Rs. 25,000 /- only')).toEqual({ amount: 25000, text: 'Rs. 25,000 /-' })
    // OCR lost the slash: still the tail, while a range stays no amount of its own.
    expect(read('Rs.41,000-')).toEqual({ amount: 41000, text: 'Rs.41,000-' })
    expect(read('41,000-50,000')?.amount).not.toBe(41000)
  })

  it('reads paise and a currency glued to the number', () => {
    expect(read('Rs.50000.00')).toEqual({ amount: 50000, text: 'Rs.50000.00' })
    expect(read('Rs50,000')).toEqual({ amount: 50000, text: 'Rs50,000' })
    expect(read('INR 1,23,456.75')).toEqual({ amount: 123456.75, text: 'INR 1,23,456.75' })
  })

  it("reads OCR's point for a grouping comma as the comma: rupees have two decimals at most", () => {
    expect(read('#1.43500')).toEqual({ amount: 143500, text: '1.43500' })
    expect(read('₹ 41.500')).toEqual({ amount: 41500, text: '₹ 41.500' })
    expect(read('₹ 1.435 lakh')).toEqual({ amount: 143500, text: '₹ 1.435 lakh' })
  })

  it("skips OCR's digit for a rupee sign before a grouped amount", () => {
    expect(read('3 7,40,000')).toEqual({ amount: 740000, text: '7,40,000' })
    expect(read('3 items of 7')).toEqual({ amount: 3, text: '3' })
  })

  it('reads past marks OCR left between the colon and the figure', () => {
    expect(read('Earnest Money :.1,60,000')).toEqual({ amount: 160000, text: '1,60,000' })
    expect(read('0.5')).toEqual({ amount: 0.5, text: '0.5' })
  })

  it('takes a lone digit in brackets for a heading\'s "(₹)", not an amount', () => {
    expect(read('Tender Fee (3)')).toBeNull()
    expect(read('(3%)')).toBeNull()
    expect(read('EMD (2) 2,80,500')).toEqual({ amount: 280500, text: '2,80,500' })
    expect(read('(5000)')).toEqual({ amount: 5000, text: '5000' })
  })

  it('reads an amount whose comma OCR lost ("INR1,86000")', () => {
    expect(read('| INR1,86000')).toEqual({ amount: 186000, text: 'INR1,86000' })
    expect(read('₹ 12,3456')).toEqual({ amount: 123456, text: '₹ 12,3456' })
  })

  it('multiplies lakh and crore words, to whole rupees and paise', () => {
    expect(read('₹ 5.9 lakh')).toEqual({ amount: 590000, text: '₹ 5.9 lakh' })
    expect(read('Rs. 2.5 Lakhs only')).toEqual({ amount: 250000, text: 'Rs. 2.5 Lakhs' })
    expect(read('Rs 3 lacs')).toEqual({ amount: 300000, text: 'Rs 3 lacs' })
    // OCR's 1 for the l of lakh, glued to the figure.
    expect(read('₹ 7.41akh')).toEqual({ amount: 740000, text: '₹ 7.41akh' })
    expect(read('Rs. 12.50')).toEqual({ amount: 12.5, text: 'Rs. 12.50' })
    expect(read('Rs. 1.2 Cr')).toEqual({ amount: 12000000, text: 'Rs. 1.2 Cr' })
    expect(read('₹ 1.25 crore')).toEqual({ amount: 12500000, text: '₹ 1.25 crore' })
    expect(read('INR 0.07 Cr.')).toEqual({ amount: 700000, text: 'INR 0.07 Cr.' })
  })

  it('does not take a word that starts like a unit, a date or a range for an amount', () => {
    expect(read('Rs 500 credit note')).toEqual({ amount: 500, text: 'Rs 500' })
    expect(read('12/06/2026')).toBeNull()
    expect(read('2025-26')).toBeNull()
    expect(read('no amount')).toBeNull()
  })

  it('does not take the figures of a dotted date or a clock time for an amount', () => {
    expect(read('24.06.2027 upto 18:00 hrs')).toBeNull()
    expect(read('12/02/2027 at 10:00')).toBeNull()
    expect(read('EMD:5000')).toEqual({ amount: 5000, text: '5000' })
    expect(read('INR 3,68,500. Cost of tender document')).toEqual({ amount: 368500, text: 'INR 3,68,500' })
  })
})

describe('quantities and references as OCR reads them', () => {
  it('reads a quantity glued to its unit', () => {
    expect(parseNumber('35Set')).toEqual({ value: 35, start: 0, end: 2 })
    expect(parseNumber(': 1,200Kg')).toEqual({ value: 1200, start: 2, end: 7 })
    expect(parseNumber('3rd floor')).toBeNull()
  })

  it('reads a J read as ")", an I read as "|" and an O read as "0" between capitals of a reference', () => {
    expect(parseReference('D)B/EE/551/2026-27')?.value).toBe('DJB/EE/551/2026-27')
    expect(parseReference('H|L/MM/25/4411')?.value).toBe('HIL/MM/25/4411')
    expect(parseReference('I0CL/ST/428/2026')?.value).toBe('IOCL/ST/428/2026')
    expect(parseReference('2026_IOCL_120045_1')?.value).toBe('2026_IOCL_120045_1')
    expect(parseReference('(see 12/2026-27)')?.value).toBe('12/2026-27')
  })

  it('reads an O read as "0" at either end of a segment of capitals, and leaves real zeros alone', () => {
    expect(parseReference('ENQ-7353/0NGC/2026')?.value).toBe('ENQ-7353/ONGC/2026')
    expect(parseReference('ISR0/PUR/2026/14')?.value).toBe('ISRO/PUR/2026/14')
    expect(parseReference('T-0A1/2026')?.value).toBe('T-0A1/2026')
    expect(parseReference('2026_KWA_0')?.value).toBe('2026_KWA_0')
    expect(parseReference('10/2026')?.value).toBe('10/2026')
  })
})
