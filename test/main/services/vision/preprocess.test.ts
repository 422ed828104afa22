import { describe, expect, it } from 'vitest'
import {
  detectOrientation,
  enlargement,
  estimateSkew,
  MAX_ENLARGED_PIXELS,
  preprocess,
  toGray,
  type GrayImage,
} from '../../../../src/main/services/vision'
import {
  apply,
  compose,
  deskewMap,
  invert,
  quarterTurn,
  renderAffine,
} from '../../../../src/main/services/vision/transform'
import { corpusGray, turnClockwise } from './pages'

describe('vision transforms', () => {
  it('quarter turns and deskew invert exactly', () => {
    for (const r of [0, 90, 180, 270] as const) {
      const [turn, w, h] = quarterTurn(r, 300, 200)
      const [skew] = deskewMap(3, w, h)
      const m = compose(skew, turn)
      const [x, y] = apply(invert(m), ...apply(m, 17, 42))
      expect(x).toBeCloseTo(17, 6)
      expect(y).toBeCloseTo(42, 6)
    }
    // Edges: a 90° clockwise turn sends the top-left corner to the top-right.
    expect(apply(quarterTurn(90, 300, 200)[0], 0, 0)).toEqual([200, 0])
  })

  it('converts colour to gray and keeps gray without a copy', () => {
    const rgba = {
      width: 2,
      height: 1,
      channels: 4 as const,
      data: new Uint8Array([255, 255, 255, 255, 0, 0, 0, 0]),
      dpi: 300,
    }
    expect(Array.from(toGray(rgba).data)).toEqual([255, 255])
    const g: GrayImage = { width: 1, height: 1, channels: 1, data: new Uint8Array([7]), dpi: 300 }
    expect(toGray(g)).toBe(g)
  })
})

describe('orientation and skew on a scanned page', () => {
  it('finds the quarter turn that makes each turned copy upright', async () => {
    const upright = await corpusGray('tess_phototest.tif')
    expect(detectOrientation(upright).rotation).toBe(0)
    for (const q of [1, 2, 3] as const) {
      const page = turnClockwise(upright, q)
      const found = detectOrientation(page)
      expect(found.rotation).toBe(((4 - q) % 4) * 90)
      expect(found.confidence).toBeGreaterThan(0.5)
    }
  })

  it('measures a synthetic skew and undoes it, mapping points back onto the page', async () => {
    const upright = await corpusGray('tess_phototest.tif')
    for (const deg of [-4, 2.5]) {
      const [m, w, h] = deskewMap(deg, upright.width, upright.height)
      const page = renderAffine(upright, m, 0, w, h, true)
      expect(estimateSkew(page)).toBeCloseTo(-deg, 0)
      const out = preprocess(page)
      expect(out.applied).toContain('deskew')
      expect(out.skewDeg).toBeCloseTo(-deg, 0)
      // The processed image centre is the page centre (rotation about the centre).
      const [cx, cy] = out.toPage(out.image.width / 2, out.image.height / 2)
      expect(cx).toBeCloseTo(page.width / 2, 3)
      expect(cy).toBeCloseTo(page.height / 2, 3)
    }
  })

  it('turns a sideways page upright without resampling and maps corners back', async () => {
    const upright = await corpusGray('tess_phototest.tif')
    const page = turnClockwise(upright, 1)
    const out = preprocess(page, { deskew: false })
    expect(out.rotation).toBe(270)
    expect(out.applied).toEqual(['rotate-270'])
    expect(out.image.width).toBe(upright.width)
    expect(Buffer.compare(Buffer.from(out.image.data), Buffer.from(upright.data))).toBe(0)
    // The upright top-left corner sits at the page's top-right after the clockwise turn.
    expect(out.toPage(0, 0)).toEqual([page.width, 0])
  })

  it('scales print taller than the OCR needs down, telling the dpi and mapping points back', async () => {
    const page = await corpusGray('tess_phototest.tif') // 200 dpi, glyphs about 18 px tall
    // At the desk's target (15 px) a 200-dpi scan is read as it is: the saving would be too small.
    expect(preprocess(page, { glyphTargetPx: 15 }).applied).not.toContain('shrink')
    const out = preprocess(page, { glyphTargetPx: 10 })
    expect(out.applied).toContain('shrink')
    expect(out.geometry?.glyphHeightPx).toBeGreaterThan(15)
    expect(out.scale).toBeCloseTo(10 / out.geometry!.glyphHeightPx, 2)
    expect(out.image.width).toBeLessThan(page.width * 0.6)
    expect(out.image.dpi).toBeCloseTo(page.dpi * out.scale, 0)
    // The centre of the smaller image is the centre of the page as scanned.
    const [x, y] = out.toPage(out.image.width / 2, out.image.height / 2)
    expect(x).toBeCloseTo(page.width / 2, 0)
    expect(y).toBeCloseTo(page.height / 2, 0)
  })

  it('never scales below half size, and deskews before scaling', async () => {
    const upright = await corpusGray('tess_phototest.tif')
    const [m, w, h] = deskewMap(3, upright.width, upright.height)
    const page = renderAffine(upright, m, 0, w, h, true)
    const out = preprocess(page, { glyphTargetPx: 2 })
    expect(out.applied).toEqual(['deskew', 'shrink'])
    expect(out.scale).toBeCloseTo(0.5, 2)
    const [cx, cy] = out.toPage(out.image.width / 2, out.image.height / 2)
    expect(cx).toBeCloseTo(page.width / 2, 0)
    expect(cy).toBeCloseTo(page.height / 2, 0)
  })

  it('leaves a blank page alone', () => {
    const blank: GrayImage = {
      width: 400,
      height: 300,
      channels: 1,
      data: new Uint8Array(400 * 300).fill(255),
      dpi: 300,
    }
    const out = preprocess(blank)
    expect(out.rotation).toBe(0)
    expect(out.skewDeg).toBe(0)
    expect(out.image).toBe(blank)
    expect(out.applied).toEqual([])
  })

  it('denoises and binarises on request', async () => {
    const page = await corpusGray('tess_phototest.tif')
    const out = preprocess(page, { orientation: false, deskew: false, denoise: true, binarise: true })
    expect(out.applied).toEqual(['denoise', 'binarise'])
    expect(out.image.data.every((v) => v === 0 || v === 255)).toBe(true)
  })
})

describe('how much small print is enlarged', () => {
  it('doubles an A4 page scanned at 150 dpi, and never takes a low-resolution poster past the pixel budget', () => {
    expect(enlargement(12, 30, 1240, 1754)).toBe(2)
    expect(enlargement(14, 30, 1654, 2339)).toBe(2)
    // 12 MP may grow to the 36 MP budget, not to twice its size.
    const large = enlargement(12, 30, 3000, 4000)
    expect(large).toBeCloseTo(Math.sqrt(3), 5)
    expect(large * large * 3000 * 4000).toBeLessThanOrEqual(MAX_ENLARGED_PIXELS * 1.0001)
    expect(enlargement(12, 30, 9000, 9000)).toBe(1)
  })
})
