import { describe, expect, it } from 'vitest'
import { deskSettingsSchema, pipelineOptionsFrom } from '../../../../src/main/services/config/settings'

describe('settings.ocr.engine', () => {
  it('is tesseract unless settings.json says paddle, and reaches the pipeline', () => {
    const plain = deskSettingsSchema.parse({})
    expect(plain.ocr.engine).toBe('tesseract')
    expect(pipelineOptionsFrom(plain, 'worker.js').ocrEngine).toBe('tesseract')
    const paddle = deskSettingsSchema.parse({ ocr: { engine: 'paddle' } })
    expect(paddle.ocr).toMatchObject({ engine: 'paddle', model: 'best', languages: 'eng' })
    expect(pipelineOptionsFrom(paddle, 'worker.js').ocrEngine).toBe('paddle')
  })

  it('refuses an engine the desk does not have, naming the key', () => {
    const result = deskSettingsSchema.safeParse({ ocr: { engine: 'easyocr' } })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['ocr', 'engine'])
  })
})
