// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { PagePicture } from '../../../src/renderer/features/documents/PagePicture'
import { boxRect } from '../../../src/renderer/features/documents/WordOverlay'
import { ServicesProvider, type DeskServices } from '../../../src/renderer/features/services/context'
import { EvidenceView } from '../../../src/renderer/features/tenders/evidence/EvidenceView'
import { stepZoom, zoomKey, ZOOM_LEVELS } from '../../../src/renderer/features/tenders/evidence/zoom'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, doc } from '../support/desk-harness'
import { ocrPage, page1Words, PAGE_WIDTH } from '../support/document-text'

afterEach(() => {
  cleanup()
  resetAllState()
  document.head.querySelectorAll('style[data-test]').forEach((s) => s.remove())
})

const picture = { page: 1, width: 1000, height: 1500, mediaType: 'image/png' as const, dataBase64: 'AA==' }
const pageText = ocrPage(1, { words: page1Words })

function showPicture(zoom?: number, marks?: Map<number, string>) {
  return render(
    <PagePicture
      picture={{ state: 'ready', value: picture }}
      pageText={pageText}
      showBoxes
      label="page 1 of 1"
      {...(marks ? { marks, marksOnly: true } : {})}
      {...(zoom !== undefined ? { zoom } : {})}
    />,
  )
}

const rects = (c: HTMLElement) =>
  Array.from(c.querySelectorAll('rect')).map((r) =>
    ['x', 'y', 'width', 'height'].map((a) => r.getAttribute(a)),
  )

describe('word box geometry', () => {
  it('scales page coordinates to the picture’s pixels without shifting them', () => {
    // A 2000-unit page drawn 1000 px wide halves every box; the origin stays the origin.
    expect(boxRect([200, 300, 320, 360], 0.5, 0.5)).toEqual({ x: 100, y: 150, width: 60, height: 30 })
    expect(boxRect([0, 0, 10, 10], 0.5, 0.5)).toEqual({ x: 0, y: 0, width: 5, height: 5 })
    // Uneven scales (a 2481-unit page at 1000 px) round to hundredths, not whole pixels.
    expect(boxRect([1240.5, 100, 1250, 110], 1000 / 2481, 1)).toEqual({
      x: 500,
      y: 100,
      width: 3.83,
      height: 10,
    })
  })

  it('draws the overlay in the picture’s own box: same parent, viewBox the picture’s size', () => {
    const { container } = showPicture()
    const img = container.querySelector('img')!
    const overlay = container.querySelector('.word-overlay')!
    expect(overlay.parentElement).toBe(img.parentElement)
    expect(container.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 1000 1500')
    expect(rects(container)[0]).toEqual(['100', '150', '60', '30'])
    expect(PAGE_WIDTH / picture.width).toBe(2)
  })

  it('keeps every box where it was at every zoom: the picture and overlay grow together', () => {
    const { container, rerender } = showPicture()
    const at1 = rects(container)
    for (const zoom of ZOOM_LEVELS) {
      rerender(
        <PagePicture
          picture={{ state: 'ready', value: picture }}
          pageText={pageText}
          showBoxes
          label="p"
          zoom={zoom}
        />,
      )
      const canvas = container.querySelector<HTMLElement>('.page-canvas')!
      expect(canvas.style.width).toBe(zoom === 1 ? '' : `${zoom * 100}%`)
      expect(canvas.querySelector('img')).not.toBeNull()
      expect(canvas.querySelector('.word-overlay svg')?.getAttribute('viewBox')).toBe('0 0 1000 1500')
      expect(rects(container)).toEqual(at1)
    }
  })
})

describe('highlights', () => {
  it('tint the words instead of covering them', () => {
    const style = document.createElement('style')
    style.dataset.test = ''
    style.textContent = readFileSync('src/renderer/features/tenders/screening/screening.css', 'utf8')
    document.head.append(style)
    const marks = new Map([
      [0, 'mark field current'],
      [1, 'mark term-0'],
      [2, 'mark term-1 current'],
    ])
    const { container } = showPicture(1, marks)
    const drawn = Array.from(container.querySelectorAll('rect'))
    expect(drawn).toHaveLength(3)
    for (const rect of drawn) {
      const computed = getComputedStyle(rect)
      expect(Number(computed.getPropertyValue('fill-opacity'))).toBeGreaterThan(0)
      expect(Number(computed.getPropertyValue('fill-opacity'))).toBeLessThanOrEqual(0.3)
      expect(computed.getPropertyValue('mix-blend-mode')).toBe('multiply')
      expect(computed.getPropertyValue('opacity') || '1').toBe('1')
    }
  })
})

describe('zoom', () => {
  it('steps through the levels and stops at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.25)
    expect(stepZoom(1, -1)).toBe(0.75)
    expect(stepZoom(3, 1)).toBe(3)
    expect(stepZoom(0.5, -1)).toBe(0.5)
    expect(stepZoom(1.1, -1)).toBe(1)
  })

  it('reads Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0 and nothing else', () => {
    const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
      zoomKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods })
    expect(k('=', { ctrlKey: true })).toBe(1)
    expect(k('+', { metaKey: true })).toBe(1)
    expect(k('-', { ctrlKey: true })).toBe(-1)
    expect(k('0', { ctrlKey: true })).toBe(0)
    expect(k('=')).toBeNull()
    expect(k('=', { ctrlKey: true, altKey: true })).toBeNull()
    expect(k('n', { ctrlKey: true })).toBeNull()
  })

  it('zooms the evidence page with its buttons and with the keys while the page has focus', async () => {
    const t = createTestDesk({ tenants: [{ id: 'acme', name: 'Acme' }], current: 'acme' })
    const services = { desk: t.desk, connection: t.connection } as unknown as DeskServices
    render(
      <ServicesProvider services={services}>
        <EvidenceView tenantId="acme" document={doc('acme', 'bid.pdf')} row={undefined} />
      </ServicesProvider>,
    )
    const canvas = () => document.querySelector<HTMLElement>('.page-canvas')
    await waitFor(() => expect(canvas()).not.toBeNull())
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' })
    const zoomOut = screen.getByRole('button', { name: 'Zoom out' })
    const reset = screen.getByRole('button', { name: /Reset zoom/ })
    expect(reset.textContent).toContain('100%')

    fireEvent.click(zoomIn)
    expect(canvas()!.style.width).toBe('125%')
    expect(reset.textContent).toContain('125%')
    fireEvent.click(zoomOut)
    fireEvent.click(zoomOut)
    expect(canvas()!.style.width).toBe('75%')
    fireEvent.click(reset)
    expect(canvas()!.style.width).toBe('')

    // Keys, from inside the page.
    const figure = document.querySelector<HTMLElement>('.page-figure')!
    act(() => void fireEvent.keyDown(figure, { key: '=', ctrlKey: true }))
    act(() => void fireEvent.keyDown(figure, { key: '=', ctrlKey: true }))
    expect(canvas()!.style.width).toBe('150%')
    act(() => void fireEvent.keyDown(figure, { key: '-', ctrlKey: true }))
    expect(canvas()!.style.width).toBe('125%')
    act(() => void fireEvent.keyDown(figure, { key: '0', ctrlKey: true }))
    expect(canvas()!.style.width).toBe('')
    for (let i = 0; i < 10; i++) fireEvent.click(zoomIn)
    expect(canvas()!.style.width).toBe('300%')
    expect((zoomIn as HTMLButtonElement).disabled).toBe(true)
  })
})
