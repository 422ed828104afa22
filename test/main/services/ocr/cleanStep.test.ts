import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine, recognizePage, type OcrEngine } from '../../../../src/main/services/ocr'
import { toGray, type GrayImage } from '../../../../src/main/services/vision'
import { characterErrorRate } from '../../../../src/shared/text-metrics'
import { corpusFile } from '../../../support/corpus'
import { corpusPages } from './corpusPages'
import { poorScan } from './poorScan'

/**
 * The clean pass is automatic: a page under a shadow (read from the corpus, spoilt in memory) gets
 * it and reads better for it; a clean page is read once.
 */
const truth = () => readFileSync(corpusFile('tess_phototest.gt.txt'), 'utf8')
let engine: OcrEngine
let page: GrayImage

beforeAll(async () => {
  engine = await createOcrEngine({ langs: 'eng', model: 'best' })
  page = toGray((await corpusPages('tess_phototest.tif'))[0]!)
}, 120_000)

afterAll(() => engine?.terminate())

describe('the clean pass', () => {
  it('cleans a shadowed page by itself, and it reads better than without', async () => {
    const shadowed = poorScan(page, { ink: 60, paper: 240, shadow: 150, grain: 10, seed: 2 })
    const plain = await recognizePage(engine, shadowed, { clean: 'never' })
    const auto = await recognizePage(engine, shadowed)
    const cerPlain = characterErrorRate(plain.text, truth()).cer
    const cerAuto = characterErrorRate(auto.text, truth()).cer
    expect(auto.applied).toContain('clean')
    expect(auto.notes.join('\n')).toMatch(/clean: paper lit unevenly .*kept the cleaned pass/)
    expect(cerAuto).toBeLessThan(cerPlain / 2)
  }, 120_000)

  it('reads a clean page once', async () => {
    const read = await recognizePage(engine, page)
    expect(read.applied).not.toContain('clean')
    expect(read.notes.some((n) => n.startsWith('clean:'))).toBe(false)
    expect(characterErrorRate(read.text, truth()).cer).toBeLessThan(0.03)
  }, 120_000)
})
