import { describe, expect, it } from 'vitest'
import type { DocumentText, PageText } from '../../../../src/shared/document-text'
import type { CoaReport } from '../../../../src/main/services/qc'
import {
  judgeReread,
  judgeUnit,
  numericRuns,
  rereadResults,
} from '../../../../src/main/services/qc/rereadResults'
import { cropTurned, dropSpecks, eraseRules } from '../../../../src/main/services/vision/crop'

const sure = (text: string, confidence = 95) => ({ text, confidence })

describe('reading a result cell again', () => {
  it('confirms, corrects, disputes or stays unsure', () => {
    expect(judgeReread(sure('0.005%', 30), [sure('0.005 %'), sure('0.005 %', 91), sure('0.005')])).toEqual({
      outcome: 'confirmed',
      taken: { text: '0.005%', confidence: 91 },
    })
    expect(judgeReread(sure('10.10', 73), [sure('0.10', 87), sure('0.10.', 97), sure('0.10', 90)])).toEqual({
      outcome: 'corrected',
      taken: { text: '0.10', confidence: 87 },
    })
    // Three sure looks outweigh a sure page reading only where one slip explains the difference.
    expect(
      judgeReread(sure('243%', 96), [sure('2.43 %', 89), sure('2.43 %', 91), sure('2.43%', 90)]).outcome,
    ).toBe('corrected')
    expect(judgeReread(sure('243%', 96), [sure('2.43 %', 89), sure('2.43 %', 91)]).outcome).toBe('disputed')
    // ...or where the page's reading gave no verdict anyway ("243 %" of a mass fraction is a misread).
    expect(judgeReread(sure('243%', 96), [sure('2.43 %', 89), sure('2.43 %', 91)], true).outcome).toBe(
      'corrected',
    )
    expect(judgeReread(sure('5.2', 96), [sure('3.7', 89), sure('3.7', 91)], true).outcome).toBe('disputed')
    expect(judgeReread(sure('5.2', 60), [sure('3.7'), sure('3.7'), sure('3.7')]).outcome).toBe('disputed')
    // Looks that disagree with each other, or are unsure, leave the page's reading alone.
    expect(
      judgeReread(sure('0.005', 87), [sure('0.005'), sure('6.005', 62), sure('6.005', 71)]).outcome,
    ).toBe('unsure')
    expect(judgeReread(sure('1.4', 50), [sure('1.4'), sure('7.4')]).outcome).toBe('unsure')
    expect(judgeReread(sure('1.4', 50), []).outcome).toBe('unsure')
  })

  it('confirms a unit read unsure only when every closer look reads the same known unit', () => {
    expect(judgeUnit(sure('cfulg', 23), [sure('cfu/g', 93), sure('cfu/g', 95), sure('cfulg', 90)])).toEqual({
      outcome: 'confirmed',
      taken: { text: 'cfulg', confidence: 90 },
    })
    expect(
      judgeUnit(sure('mg/kg', 40), [sure('mg/g', 93), sure('mg/kg', 95), sure('mg/kg', 90)]).outcome,
    ).toBe('unsure')
    expect(judgeUnit(sure('cfu/g', 40), [sure('cfu/g', 93), sure('cfu/g', 50)]).outcome).toBe('unsure')
  })

  const page = (
    words: { text: string; bbox: [number, number, number, number]; confidence: number }[],
  ): PageText => ({
    page: 1,
    source: 'ocr',
    rotation: 0,
    skewDeg: 0,
    width: 1000,
    height: 1000,
    dpi: 300,
    confidence: 80,
    text: words.map((w) => w.text).join(' '),
    words,
    lines: [
      {
        text: words.map((w) => w.text).join(' '),
        bbox: [0, 0, 1000, 40],
        confidence: 80,
        wordIndexes: words.map((_, i) => i),
      },
    ],
    blocks: [],
    applied: [],
    notes: [],
  })

  it('reads the numeric words of a cell as runs, a bound or % with its number', () => {
    const p = page([
      { text: 'Lead', bbox: [10, 10, 60, 30], confidence: 96 },
      { text: '<', bbox: [500, 10, 510, 30], confidence: 90 },
      { text: '2.50', bbox: [515, 10, 560, 30], confidence: 70 },
      { text: 'ppm', bbox: [570, 10, 610, 30], confidence: 90 },
      { text: '0.115', bbox: [700, 10, 760, 30], confidence: 70 },
      { text: '%', bbox: [765, 10, 780, 30], confidence: 40 },
    ])
    expect(numericRuns(p, [490, 5, 620, 35])).toEqual([[1, 2]])
    expect(numericRuns(p, [690, 5, 800, 35])).toEqual([[4, 5]])
    expect(numericRuns(p, [0, 5, 100, 35])).toEqual([])
  })

  it('rewrites the runs it confirmed or corrected, and only OCR pages of suspect results', async () => {
    const p = page([
      { text: 'Free', bbox: [10, 10, 60, 30], confidence: 96 },
      { text: '10.10', bbox: [500, 10, 560, 30], confidence: 73 },
      { text: '1.14', bbox: [700, 10, 760, 30], confidence: 97 },
    ])
    const text: DocumentText = {
      sha256: 'x',
      mediaType: 'application/pdf',
      pipelineVersion: '3',
      mode: 'auto',
      pages: [p],
    }
    const cell = (t: string, bbox: [number, number, number, number], confidence: number) => ({
      text: t,
      page: 1,
      bbox,
      confidence,
    })
    const report = {
      parameters: [
        {
          specName: 'Free acid',
          verdict: 'fail',
          confidence: 73,
          cells: { result: cell('10.10', [500, 10, 560, 30], 73) },
        },
        // A sure pass is not read again.
        {
          specName: 'Iron',
          verdict: 'pass',
          confidence: 97,
          parsed: { kind: 'number', value: 1.14, text: '1.14' },
          cells: { result: cell('1.14', [700, 10, 760, 30], 97) },
        },
      ],
    } as unknown as CoaReport
    const asked: number[][][] = []
    const { text: revised, rereads } = await rereadResults(text, report, async (_page, boxes) => {
      asked.push(boxes.map((b) => [...b]))
      return boxes.map(() => [sure('0.10', 90), sure('0.10', 92), sure('0.10', 91)])
    })
    expect(asked).toEqual([[[500, 10, 560, 30]]])
    expect(rereads.map((r) => [r.outcome, r.detail])).toEqual([
      ['corrected', 'read "10.10" on the page, "0.10" from the cell alone'],
    ])
    expect(revised.pages[0]!.words[1]).toMatchObject({ text: '0.10', confidence: 90 })
    expect(revised.pages[0]!.lines[0]!.text).toBe('Free 0.10 1.14')
    expect(text.pages[0]!.words[1]!.text).toBe('10.10')
  })
})

describe('cleaning a cell crop', () => {
  const blank = (w: number, h: number) => ({
    width: w,
    height: h,
    channels: 1 as const,
    dpi: 600,
    data: new Uint8Array(w * h).fill(255),
  })
  const ink = (img: ReturnType<typeof blank>, x0: number, y0: number, x1: number, y1: number, v = 0) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * img.width + x] = v
  }

  it('erases a slightly tilted ruling line across the crop, not the glyphs beside it', () => {
    const img = blank(100, 60)
    for (let y = 0; y < 60; y++) ink(img, 10 + Math.floor(y / 30), y, 12 + Math.floor(y / 30), y + 1, 120)
    ink(img, 40, 15, 46, 45) // a glyph stem
    eraseRules(img)
    expect(img.data[30 * 100 + 11]).toBe(255)
    expect(img.data[30 * 100 + 43]).toBe(0)
  })

  it('turns a crop the way the page was read', () => {
    // A page scanned a quarter turn off: a word 60 px along, 20 px across, stands upright on it.
    const page = blank(200, 300)
    ink(page, 90, 100, 110, 160)
    const crop = cropTurned(page, [90, 100, 110, 160], { rotation: 90, skewDeg: 0, scale: 2, margin: [5, 5] })
    expect([crop.width, crop.height]).toEqual([140, 60])
    expect(crop.data[30 * 140 + 70]).toBeLessThan(50)
    expect(crop.data[2 * 140 + 2]).toBe(255)
    const level = cropTurned(page, [90, 100, 110, 160], { rotation: 0, skewDeg: 1, scale: 1, margin: [4, 4] })
    expect([level.width, level.height]).toEqual([28, 68])
    expect(level.data[34 * 28 + 14]).toBeLessThan(50)
  })

  it('drops specks outside the text band and keeps a decimal point inside it', () => {
    const img = blank(120, 60)
    ink(img, 30, 15, 40, 45) // digits
    ink(img, 60, 15, 70, 45)
    ink(img, 48, 41, 52, 45) // the decimal point
    ink(img, 5, 28, 8, 31) // dust in the left margin
    ink(img, 50, 2, 53, 5) // dust above the line
    dropSpecks(img)
    expect(img.data[43 * 120 + 50]).toBe(0)
    expect(img.data[29 * 120 + 6]).toBe(255)
    expect(img.data[3 * 120 + 51]).toBe(255)
    expect(img.data[30 * 120 + 35]).toBe(0)
  })
})
