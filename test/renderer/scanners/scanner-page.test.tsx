// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { onScan } from '../../../src/renderer/features/scanners/scan-bus'
import { resetScannerState } from '../../../src/renderer/features/scanners/store'
import { resetWedgeSettings } from '../../../src/renderer/features/scanners/wedge/settings'
import { resetAllState, showPage } from '../../../src/renderer/state'
import type { Scan } from '../../../src/shared/contract'
import { createTestDesk } from '../support/desk-harness'
import { renderApp } from '../support/render-app'
import { scanOf } from '../support/scanner-harness'

afterEach(() => {
  cleanup()
  resetAllState()
  resetWedgeSettings()
  resetScannerState()
})

function setup() {
  const test = createTestDesk({ tenants: [{ id: 'acme', name: 'Acme' }], current: 'acme' })
  act(() => showPage('scanner'))
  renderApp(test)
  return test
}

const LABEL = ']C1010950600013435210ABC123\x1D17261231'

describe('Scanner page', () => {
  it('parses the test box, accepting <GS> notation, and shows the elements with dates', async () => {
    setup()
    fireEvent.change(screen.getByLabelText('Test barcode'), {
      target: { value: '010950600013435210ABC123<GS>17261231' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Parse' }))
    const table = await screen.findByRole('table', { name: 'Test barcode elements' })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent)
    expect(rows).toEqual([
      expect.stringContaining('(01)'),
      expect.stringMatching(/\(10\).*ABC123/),
      expect.stringMatching(/\(17\).*261231.*2026-12-31/),
    ])
  })

  it('shows a malformed test barcode as an error with its position', async () => {
    setup()
    fireEvent.change(screen.getByLabelText('Test barcode'), { target: { value: '17261331' } })
    fireEvent.click(screen.getByRole('button', { name: 'Parse' }))
    const error = await screen.findByText(/Not a valid GS1 barcode, at position 4/)
    // The position is said once: not "at position 4: at 4: …".
    expect(error.textContent).toMatch(/^Not a valid GS1 barcode, at position 4: AI \(17\) "261331": /)
    expect(error.textContent).not.toMatch(/at 4:/)
    expect(screen.getByLabelText('Data, error at position 4').querySelector('mark')?.textContent).toBe('1')
  })

  it('connects a scanner from the profile editor and lists it; disconnect removes it', async () => {
    const test = setup()
    // The port picker offers the listed ports.
    await waitFor(() =>
      expect(document.querySelector('datalist option')?.getAttribute('value')).toBe('/dev/ttyACM0'),
    )
    expect(screen.getByRole('note').textContent).toMatch(/Plug and play is on/)
    fireEvent.change(screen.getByLabelText('Port'), { target: { value: '/dev/ttyACM0' } })
    fireEvent.change(screen.getByLabelText('Baud rate'), { target: { value: '115200' } })
    fireEvent.change(screen.getByLabelText('Line terminator'), { target: { value: 'CRLF' } })
    fireEvent.change(screen.getByLabelText('GS stand-in character'), { target: { value: '~' } })
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))

    const table = await screen.findByRole('table', { name: 'Connected scanners' })
    expect(table.textContent).toMatch(/\/dev\/ttyACM0.*Zebra, 05e0:1200.*115200 baud, CRLF.*Connected/)
    expect(test.calls.find((c) => c.method === 'scanners.connect')?.params).toMatchObject({
      path: '/dev/ttyACM0',
      baudRate: 115200,
      terminator: 'CRLF',
      gsStandIn: '~',
    })

    act(() =>
      test.emit('scanners.status', {
        path: '/dev/ttyACM0',
        status: 'reconnecting',
        message: 'unplugged',
        retryInMs: 2000,
      }),
    )
    expect(table.textContent).toMatch(/Reconnecting.*unplugged; retrying in 2 s/)

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect /dev/ttyACM0' }))
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Connected scanners' })).toBeNull())
  })

  it('says when plug and play is unavailable', async () => {
    const test = createTestDesk({ tenants: [], current: null })
    test.scanners.hotplug = { available: false, reason: 'udevadm is not installed' }
    act(() => showPage('scanner'))
    renderApp(test)
    await waitFor(() =>
      expect(screen.getByRole('note').textContent).toMatch(/not available: udevadm is not installed/),
    )
  })

  it('feeds pushed scans with their elements, announces them, and publishes them to scan listeners', async () => {
    const test = setup()
    const published: Scan[] = []
    const off = onScan((s) => published.push(s))
    const scan = scanOf(LABEL.slice(3), { path: '/dev/ttyACM0' })
    act(() => test.emit('scanners.scan', scan))
    const feed = await screen.findByRole('list', { name: 'Scan feed' })
    expect(feed.textContent).toMatch(/\/dev\/ttyACM0/)
    const elements = within(feed).getByRole('table')
    expect(elements.textContent).toMatch(/BATCH\/LOT.*ABC123/)
    expect(elements.textContent).toMatch(/2026-12-31/)
    const live = screen.getAllByRole('status').find((s) => s.textContent?.startsWith('Scan from'))
    expect(live?.textContent).toBe(
      'Scan from /dev/ttyACM0: batch ABC123, expiry 2026-12-31, GTIN 09506000134352',
    )
    expect(published.map((s) => s.id)).toEqual([scan.id])

    act(() => test.emit('scanners.scan', scanOf('0109506000134353', { path: '/dev/ttyACM0' })))
    expect(feed.textContent).toMatch(/Error: not a valid GS1 barcode, at position 15: \S/)
    expect(feed.textContent).not.toMatch(/at 15:/)
    const said = screen.getAllByRole('status').find((s) => s.textContent?.startsWith('Scan from'))
    expect(said?.textContent).toMatch(
      /^Scan from \/dev\/ttyACM0 is not a valid GS1 barcode, at position 15: \S/,
    )
    expect(said?.textContent).not.toMatch(/at 15:/)
    act(() =>
      test.emit('scanners.error', {
        path: '/dev/ttyACM0',
        kind: 'garbage',
        message: 'dropped unreadable data; check the baud rate',
        timestamp: new Date().toISOString(),
      }),
    )
    expect(feed.textContent).toMatch(/Error: dropped unreadable data/)
    off()
  })

  it('fast typing in a normal field stays there while no keyboard scanner prefix is set', () => {
    const test = setup()
    const port = screen.getByLabelText('Port') as HTMLInputElement
    port.focus()
    const presses = [...']C110ABC123'].map((key) => fireEvent.keyDown(port, { key }))
    expect(presses.every((notCancelled) => notCancelled)).toBe(true)
    expect(fireEvent.keyDown(port, { key: 'Enter' })).toBe(true)
    expect(test.calls.some((c) => c.method === 'scanners.wedge')).toBe(false)
  })

  it('a keyboard-wedge burst with the prefix in a normal field goes to the feed and leaves the field empty', async () => {
    const test = setup()
    fireEvent.change(screen.getByLabelText('Keyboard scanner prefix'), { target: { value: '~' } })
    const port = screen.getByLabelText('Port') as HTMLInputElement
    port.focus()
    for (const key of [...'~]C110ABC123']) fireEvent.keyDown(port, { key })
    fireEvent.keyDown(port, { key: 'Enter' })
    await waitFor(() => expect(test.scanners.wedge).toHaveLength(1))
    expect(test.calls.find((c) => c.method === 'scanners.wedge')?.params).toMatchObject({
      data: '~]C110ABC123',
      prefix: '~',
    })
    expect(test.scanners.wedge[0]?.data).toBe(']C110ABC123')
    const feed = await screen.findByRole('list', { name: 'Scan feed' })
    expect(feed.textContent).toMatch(/Keyboard scanner/)
    expect(port.value).toBe('')
  })
})
