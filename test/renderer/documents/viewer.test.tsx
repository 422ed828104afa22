// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { resetAllState } from '../../../src/renderer/state'
import { createTestDesk, type TestDesk } from '../support/desk-harness'
import { page1Words, threePageText } from '../support/document-text'
import { renderApp } from '../support/render-app'
import { extraction, scan, tenants } from './fixtures'

afterEach(() => {
  cleanup()
  resetAllState()
})

function deskWithScan(): TestDesk {
  const test = createTestDesk({ tenants, current: 'acme', documents: [scan] })
  test.texts.set(scan.id, threePageText(scan.sha256))
  return test
}

async function openScan(test: TestDesk): Promise<HTMLElement> {
  renderApp(test)
  fireEvent.click(await screen.findByRole('button', { name: 'scan.pdf' }))
  const viewer = await screen.findByRole('region', { name: 'scan.pdf' })
  await within(viewer).findByText('Page 1 of 3')
  return viewer
}

const boxes = (viewer: HTMLElement): SVGRectElement[] =>
  Array.from(viewer.querySelectorAll<SVGRectElement>('.word-overlay rect'))

describe('the document viewer', () => {
  it('shows the page picture with one box per word, scaled from page to picture pixels', async () => {
    const test = deskWithScan()
    const viewer = await openScan(test)

    const picture = await within(viewer).findByRole('img', { name: 'page 1 of 3' })
    expect(picture.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    expect(picture.getAttribute('width')).toBe('1000')
    expect(test.calls.find((c) => c.method === 'documents.page')?.params).toEqual({
      documentId: scan.id,
      page: 1,
      width: 1000,
    })
    await waitFor(() => expect(boxes(viewer)).toHaveLength(page1Words.length))
    // The page is 2000 wide and the picture 1000: every box is drawn at half size.
    const quick = boxes(viewer)[1]
    expect(['x', 'y', 'width', 'height'].map((a) => Number(quick?.getAttribute(a)))).toEqual([
      170, 150, 90, 30,
    ])
    expect(viewer.querySelector('.word-overlay svg')?.getAttribute('viewBox')).toBe('0 0 1000 1500')
    // The boxes are hidden from screen readers; the overlay itself carries a summary.
    expect(viewer.querySelector('.word-overlay svg')?.getAttribute('aria-hidden')).toBe('true')
    expect(within(viewer).getByRole('group', { name: 'Word boxes: 5 words, 2 low-confidence' })).toBeDefined()
  })

  it('shows the page text with how it was read', async () => {
    const viewer = await openScan(deskWithScan())
    const text = await within(viewer).findByLabelText('Text of page 1 of 3')
    expect(text.textContent).toBe('The quick brown dog\njumped')
    expect(within(viewer).getByText('OCR · rotated 90° · deskewed 1.8° · confidence 96')).toBeDefined()
    expect(within(viewer).getByText('page segmentation: auto')).toBeDefined()
    expect(within(viewer).getByRole('status').textContent).toContain('3 pages · 2 OCR · 96% · 1 page failed')
  })

  it('marks and counts the low-confidence words, with a legend', async () => {
    const viewer = await openScan(deskWithScan())
    await waitFor(() => expect(boxes(viewer)).toHaveLength(5))
    const low = boxes(viewer).filter((r) => r.classList.contains('low'))
    expect(low.map((r) => r.textContent)).toEqual(['“brown” · confidence 41', '“jumped” · confidence 57'])
    expect(within(viewer).getByText('2 low-confidence words')).toBeDefined()
    expect(within(viewer).getByText(/Low confidence \(below 60\)/)).toBeDefined()
  })

  it('hides the boxes with the toggle and shows them again', async () => {
    const viewer = await openScan(deskWithScan())
    await waitFor(() => expect(boxes(viewer)).toHaveLength(5))
    const toggle = within(viewer).getByRole('checkbox', { name: 'Show word boxes' })
    expect((toggle as HTMLInputElement).checked).toBe(true)

    fireEvent.click(toggle)
    expect(boxes(viewer)).toHaveLength(0)
    expect(within(viewer).queryByRole('group', { name: /Word boxes/ })).toBeNull()
    fireEvent.click(toggle)
    expect(boxes(viewer)).toHaveLength(5)
  })

  it('highlights a word on hover and when stepped to with the arrow keys', async () => {
    const viewer = await openScan(deskWithScan())
    await waitFor(() => expect(boxes(viewer)).toHaveLength(5))
    const overlay = within(viewer).getByRole('group', { name: /Word boxes/ })

    fireEvent.mouseEnter(boxes(viewer)[2] as Element)
    expect(boxes(viewer)[2]?.classList.contains('active')).toBe(true)
    expect(viewer.querySelector('.word-tip')?.textContent).toBe('“brown” · confidence 41')
    fireEvent.mouseLeave(boxes(viewer)[2] as Element)
    expect(viewer.querySelector('.word-tip')).toBeNull()

    overlay.focus()
    fireEvent.keyDown(overlay, { key: 'ArrowRight' })
    fireEvent.keyDown(overlay, { key: 'ArrowRight' })
    expect(boxes(viewer)[1]?.classList.contains('active')).toBe(true)
    expect(viewer.querySelector('.word-tip')?.textContent).toBe('“quick” · confidence 95')
    const readout = document.getElementById(overlay.getAttribute('aria-describedby') ?? '')
    expect(readout?.textContent).toBe('“quick” · confidence 95')
  })

  it('pages with the buttons and PageUp/PageDown; a page that failed alone shows its error', async () => {
    const viewer = await openScan(deskWithScan())
    const previous = within(viewer).getByRole('button', { name: 'Previous page' })
    const next = within(viewer).getByRole('button', { name: 'Next page' })
    expect((previous as HTMLButtonElement).disabled).toBe(true)

    fireEvent.click(next)
    expect(within(viewer).getByText('Page 2 of 3')).toBeDefined()
    expect(within(viewer).getByRole('alert').textContent).toBe(
      'This page could not be read: the OCR worker crashed twice on this page (WORKER_CRASHED)',
    )
    expect(within(viewer).queryByLabelText('Text of page 2 of 3')).toBeNull()

    fireEvent.keyDown(next, { key: 'PageDown' })
    expect(within(viewer).getByText('Page 3 of 3')).toBeDefined()
    expect((await within(viewer).findByLabelText('Text of page 3 of 3')).textContent).toBe(
      'Terms and conditions',
    )
    expect(
      within(viewer).getByText('Text layer · confidence 100 (from the text layer, not OCR)'),
    ).toBeDefined()
    expect((next as HTMLButtonElement).disabled).toBe(true)

    fireEvent.keyDown(next, { key: 'PageUp' })
    fireEvent.keyDown(next, { key: 'PageUp' })
    expect(within(viewer).getByText('Page 1 of 3')).toBeDefined()
  })

  it('closes with Escape or Back, and gives focus back to the document’s name', async () => {
    await openScan(deskWithScan())
    expect(document.activeElement?.textContent).toBe('scan.pdf')
    expect(document.activeElement?.tagName).toBe('H2')

    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' })
    const name = await screen.findByRole('button', { name: 'scan.pdf' })
    expect(document.activeElement).toBe(name)

    fireEvent.click(name)
    fireEvent.click(await screen.findByRole('button', { name: 'Back to documents' }))
    expect(await screen.findByRole('table', { name: 'Documents' })).toBeDefined()
  })

  it('shows the reading state until the text is ready, then the words, live', async () => {
    const reading = { ...scan, extraction: extraction({ state: 'running', pagesTotal: 3, pagesDone: 1 }) }
    const test = createTestDesk({ tenants, current: 'acme', documents: [reading] })
    renderApp(test)
    fireEvent.click(await screen.findByRole('button', { name: 'scan.pdf' }))
    const viewer = await screen.findByRole('region', { name: 'scan.pdf' })
    expect(within(viewer).getByRole('status').textContent).toBe('Reading… 1/3 pages')
    expect(within(viewer).getByText(/appears here once the document has been read/)).toBeDefined()
    expect(boxes(viewer)).toHaveLength(0)

    test.texts.set(scan.id, threePageText(scan.sha256))
    test.documents.set('acme', [scan])
    act(() => test.emit('documents.changed', { tenantId: 'acme' }))

    await waitFor(() => expect(boxes(viewer)).toHaveLength(5))
    expect(within(viewer).getByRole('status').textContent).toContain('3 pages')
    expect(test.calls.filter((c) => c.method === 'documents.text')).toHaveLength(1)
  })

  it('retries a failed document from the viewer', async () => {
    const broken = {
      ...scan,
      extraction: extraction({ state: 'failed', error: { code: 'TIMEOUT', message: 'OCR timed out' } }),
    }
    const test = createTestDesk({ tenants, current: 'acme', documents: [broken] })
    renderApp(test)
    fireEvent.click(await screen.findByRole('button', { name: 'scan.pdf' }))
    const viewer = await screen.findByRole('region', { name: 'scan.pdf' })
    expect(within(viewer).getByRole('status').textContent).toContain('Failed: OCR timed out')

    fireEvent.click(within(viewer).getByRole('button', { name: 'Retry scan.pdf' }))
    await waitFor(() => expect(test.calls.some((c) => c.method === 'documents.extract')).toBe(true))
    await waitFor(() => expect(within(viewer).getByRole('status').textContent).toBe('Waiting to be read'))
  })
})
