import { describe, expect, it } from 'vitest'
import {
  allAis,
  gs1CheckDigit,
  Gs1ParseError,
  hasValidCheckDigit,
  lookupAi,
  parseGs1,
  resolveYear,
  toDigitalLinkUri,
  toHri,
} from '../../../src/shared/gs1'

const NOW = new Date(Date.UTC(2025, 5, 1))
const parse = (input: string) => parseGs1(input, { now: NOW })

function errorOf(run: () => unknown): Gs1ParseError {
  try {
    run()
  } catch (error) {
    if (error instanceof Gs1ParseError) return error
    throw error
  }
  throw new Error('expected a Gs1ParseError')
}

describe('GS1 parser', () => {
  it('parses a GS1 DataMatrix scan with batch, expiry and serial', () => {
    const result = parse(']d20109520123456788172512311010A23\x1D21SN-7')
    expect(result.symbology).toBe('GS1 DataMatrix')
    expect(result.symbologyId).toBe(']d2')
    expect(result.elements).toEqual([
      { ai: '01', title: 'GTIN', value: '09520123456788' },
      { ai: '17', title: 'USE BY or EXPIRY', value: '251231', date: '2025-12-31' },
      { ai: '10', title: 'BATCH/LOT', value: '10A23' },
      { ai: '21', title: 'SERIAL', value: 'SN-7' },
    ])
  })

  it('reads DD=00 as the last day of the month, leap years included', () => {
    expect(parse('(17)240200').elements[0]?.date).toBe('2024-02-29')
    expect(parse('(17)250200').elements[0]?.date).toBe('2025-02-28')
    expect(parse('(15)251100').elements[0]?.date).toBe('2025-11-30')
    expect(() => parse('(7006)250200')).toThrow(/day 00/)
    expect(() => parse('(17)251301')).toThrow(/month 13/)
    expect(() => parse('(17)250231')).toThrow(/day 31/)
  })

  it('applies the GS1 century rule to two-digit years', () => {
    expect(resolveYear(25, NOW)).toBe(2025)
    expect(resolveYear(74, NOW)).toBe(2074)
    expect(resolveYear(76, NOW)).toBe(1976)
    expect(resolveYear(99, NOW)).toBe(1999)
    expect(resolveYear(0, new Date(Date.UTC(2099, 0, 1)))).toBe(2100)
  })

  it('turns 310n–369n and 390n–395n into decimals', () => {
    expect(parse('(3103)000195').elements[0]).toMatchObject({ decimal: 0.195, title: 'NET WEIGHT (kg)' })
    expect(parse('(3302)012345').elements[0]?.decimal).toBe(123.45)
    expect(parse('(3920)0299').elements[0]?.decimal).toBe(299)
    expect(parse('(3922)0299').elements[0]?.decimal).toBe(2.99)
    expect(parse('(3932)97812345').elements[0]).toMatchObject({ currency: '978', decimal: 123.45 })
  })

  it('computes and checks GS1 mod-10 check digits', () => {
    expect(gs1CheckDigit('950110153000')).toBe(3) // GTIN-13 9501101530003
    expect(gs1CheckDigit('0952012345678')).toBe(8) // GTIN-14
    expect(hasValidCheckDigit('02345673')).toBe(true) // GTIN-8
    expect(hasValidCheckDigit('416000336108')).toBe(true) // GTIN-12
    expect(hasValidCheckDigit('106141412345678908')).toBe(true) // SSCC
    expect(() => parse('(00)106141412345678907')).toThrow(/check digit should be 8/)
    expect(() => parse('(414)9520123456789')).toThrow(/check digit/)
  })

  it('names the position and the reason of an error', () => {
    const error = errorOf(() => parse('0109520123456788172512'))
    expect(error.position).toBe(18)
    expect(error.message).toBe('at 18: AI (17) expects 6 digits, got "2512"')
    expect(errorOf(() => parse(']d2010952012345678810AB\x1D99')).position).toBe(26)
    expect(errorOf(() => parse('(10)ABC(17)2501')).message).toMatch(/^at 11: AI \(17\)/)
  })

  it('needs GS after a variable-length AI but not after a predefined-length one', () => {
    const data = '0109520123456788' + '3103000195' + '10LOT1\x1D' + '17251231'
    expect(toHri(parse(data).elements)).toBe('(01)09520123456788(3103)000195(10)LOT1(17)251231')
    // Without the GS the batch swallows what follows, as on the wire.
    expect(parse('10LOT117251231').elements).toHaveLength(1)
  })

  it('reads EAN-13, EAN-8 and UPC scans as GTINs', () => {
    expect(parse(']E09501101530003').elements[0]).toMatchObject({ ai: '01', value: '09501101530003' })
    expect(parse(']E402345673').elements[0]?.value).toBe('00000002345673')
    expect(() => parse(']E09501101530004')).toThrow(/check digit/)
  })

  it('keeps plain (non-GS1) symbol data as text', () => {
    expect(parse(']Q1hello world')).toMatchObject({ symbology: 'QR Code', elements: [], text: 'hello world' })
  })

  it('parses Digital Link URIs on any domain, with percent-decoding and short names', () => {
    const uri = 'https://qc.example.org/dl/01/09520123456788/10/AB%2F12?17=251231&3103=000195'
    expect(parse(uri).elements.map((e) => [e.ai, e.value])).toEqual([
      ['01', '09520123456788'],
      ['10', 'AB/12'],
      ['17', '251231'],
      ['3103', '000195'],
    ])
    expect(parse('https://a/gtin/09520123456788/lot/X1').elements[1]).toMatchObject({ ai: '10', value: 'X1' })
    expect(() => parseGs1('https://a/gtin/09520123456788', { permitConvenienceAlphas: false })).toThrow()
  })

  it('writes Digital Link URIs with qualifiers in the path and the rest in the query', () => {
    const elements = parse('(01)09520123456788(17)251231(10)AB/1(21)S*1(3922)0299').elements
    expect(toDigitalLinkUri(elements)).toBe(
      'https://id.gs1.org/01/09520123456788/10/AB%2F1/21/S%2A1?17=251231&3922=0299',
    )
    expect(toDigitalLinkUri(parse('(10)X').elements)).toBeUndefined()
  })

  it('holds the logistics and pharma AIs from the GS1 General Specifications', () => {
    const wanted = ['00', '01', '02', '10', '11', '12', '13', '15', '16', '17', '20', '21', '22', '30', '37']
    wanted.push('3100', '3695', '3900', '3955', '400', '403', '410', '417', '420', '427', '7001', '7010')
    wanted.push(
      '7020',
      '7023',
      '7030',
      '7039',
      '710',
      '715',
      '7240',
      '8001',
      '8020',
      '8110',
      '8200',
      '90',
      '99',
    )
    for (const ai of wanted) expect(lookupAi(ai), ai).toBeDefined()
    expect(lookupAi('3106')).toBeUndefined()
    expect(lookupAi('17')).toMatchObject({
      fixedLength: true,
      maxLength: 6,
      separatorRequired: false,
      date: 'yymmd0',
    })
    expect(lookupAi('10')).toMatchObject({ fixedLength: false, maxLength: 20, separatorRequired: true })
    expect(lookupAi('422')).toMatchObject({ fixedLength: true, separatorRequired: true })
    expect(lookupAi('00')?.checkDigit).toBe(true)
    // No AI may be a prefix of another, or element strings would be ambiguous.
    const ais = allAis().map((d) => d.ai)
    for (const a of ais)
      expect(
        ais.filter((b) => b !== a && b.startsWith(a)),
        a,
      ).toEqual([])
  })
})
