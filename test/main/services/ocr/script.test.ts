import { describe, expect, it } from 'vitest'
import type { PageText } from '../../../../src/shared/document-text'
import { mergeReadings, OTHER_SCRIPT_SHARE, unsureLatinShare } from '../../../../src/main/services/ocr/script'

const word = (text: string, confidence: number, bbox: [number, number, number, number] = [0, 0, 10, 10]) => ({
  text,
  confidence,
  bbox,
})

function page(words: ReturnType<typeof word>[]): PageText {
  return {
    page: 1,
    source: 'ocr',
    rotation: 0,
    skewDeg: 0,
    width: 1000,
    height: 1000,
    dpi: 300,
    confidence: 0,
    text: '',
    words,
    lines: [{ text: '', bbox: [0, 0, 1000, 40], confidence: 0, wordIndexes: words.map((_, i) => i) }],
    blocks: [{ bbox: [0, 0, 1000, 40], confidence: 0, lineIndexes: [0] }],
    applied: [],
    notes: [],
  }
}

describe('telling a bilingual page from an English one after reading it with English', () => {
  it('finds Hindi labels read as unsure Latin words', () => {
    // How eng reads GeM's "संगठन का नाम Organisation Name": the Hindi half as short unsure words.
    const gem = [
      ...['WA', 'HAA', 'fas', 'faaxor', 'HATTA/ASA', 'ATH'].map((t) => word(t, 21)),
      ...'Organisation Name Indian Oil Corporation Limited Total Quantity 31274 Item Category'
        .split(' ')
        .map((t) => word(t, 93)),
    ]
    expect(unsureLatinShare({ words: gem })).toBeGreaterThan(OTHER_SCRIPT_SHARE)
  })

  it('leaves an English page, even a poor scan with unsure numbers and marks, to English alone', () => {
    const english = [
      ...'NOTICE INVITING TENDER NIT No. NR/EE/232/2026-27 Name of Item Quantity Last Date of Submission'
        .split(' ')
        .map((t) => word(t, 90)),
      word('1:70.00', 12),
      word('|', 5),
      word('Squidated', 55),
    ]
    expect(unsureLatinShare({ words: english })).toBeLessThan(OTHER_SCRIPT_SHARE)
    expect(unsureLatinShare({ words: [] })).toBe(0)
  })
})

describe('a bilingual page from its English and its English+Hindi readings', () => {
  it('keeps the Hindi, and each English word from the reading surer of it', () => {
    const english = page([
      word('WA', 20, [0, 0, 60, 30]),
      word('Item', 95, [100, 0, 160, 30]),
      word('Category', 96, [170, 0, 300, 30]),
      word('563', 71, [600, 0, 660, 30]),
    ])
    const both = page([
      word('वस्तु', 88, [0, 0, 60, 30]),
      word('[[९॥1', 40, [100, 0, 160, 30]),
      word('Category', 96, [170, 0, 300, 30]),
      // A figure whose box ran on along a table rule, read as another figure.
      word('880', 48, [590, 0, 900, 30]),
    ])
    const merged = mergeReadings(english, both)
    expect(merged.words.map((w) => w.text)).toEqual(['वस्तु', 'Item', 'Category', '563'])
    expect(merged.lines[0]!.text).toBe('वस्तु Item Category 563')
    expect(merged.text).toBe('वस्तु Item Category 563')
    expect(merged.words[3]!.bbox).toEqual([600, 0, 660, 30])
  })
})
