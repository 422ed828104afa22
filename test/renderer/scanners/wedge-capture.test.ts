// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { installWedgeCapture } from '../../../src/renderer/features/scanners/wedge/capture'
import { DEFAULT_WEDGE_TIMING, type Burst } from '../../../src/renderer/features/scanners/wedge/timing'

let clock = 0
let bursts: Burst[] = []
let uninstall: () => void = () => undefined

/** The scanner prefix most tests configure; a text field only gives up bursts that start with it. */
const PREFIX = '~'

function install(prefix?: string): void {
  uninstall()
  uninstall = installWedgeCapture(window, {
    timing: DEFAULT_WEDGE_TIMING,
    onBurst: (b) => bursts.push(b),
    now: () => clock,
    ...(prefix === undefined ? {} : { prefix }),
  })
}

beforeEach(() => {
  vi.useFakeTimers()
  clock = 0
  bursts = []
  document.body.innerHTML = `
    <form id="form"><input id="name" /><input id="scan" data-scan-field /><input id="target" data-scan-target /><textarea id="notes"></textarea><div id="rich" contenteditable="true"></div><button id="go">Go</button></form>`
  uninstall = () => undefined
  install(PREFIX)
})

afterEach(() => {
  uninstall()
  vi.useRealTimers()
})

const input = (id: string) => document.getElementById(id) as HTMLInputElement

/** Presses keys the way a browser would, inserting the character unless the keydown was cancelled. */
function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  if (!event.defaultPrevented && key.length === 1 && target instanceof HTMLInputElement) target.value += key
  return event
}

function type(target: HTMLElement, text: string, gapMs: number): void {
  for (const ch of text) {
    press(target, ch)
    clock += gapMs
    vi.advanceTimersByTime(gapMs)
  }
}

describe('keyboard-wedge capture', () => {
  it('a fast burst with the prefix and Enter in a text field becomes a scan; nothing lands and Enter is swallowed', () => {
    const field = input('name')
    field.focus()
    const submitted = vi.fn()
    field.addEventListener('keydown', submitted)
    type(field, '~]C110ABC123', 5)
    const enter = press(field, 'Enter')
    expect(bursts.map((b) => b.data)).toEqual(['~]C110ABC123'])
    expect(field.value).toBe('')
    expect(enter.defaultPrevented).toBe(true)
    expect(submitted).not.toHaveBeenCalled()
  })

  it('slow typing is given back to the field it was headed for, in order', () => {
    const field = input('name')
    field.focus()
    type(field, 'Batch 7', 120)
    vi.advanceTimersByTime(200)
    expect(field.value).toBe('Batch 7')
    expect(bursts).toEqual([])
  })

  it('fast but short typing followed by Enter is released before Enter acts', () => {
    const field = input('name')
    field.focus()
    let valueAtEnter = ''
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') valueAtEnter = field.value
    })
    type(field, 'abc', 10)
    const enter = press(field, 'Enter')
    expect(enter.defaultPrevented).toBe(false)
    expect(valueAtEnter).toBe('abc')
    expect(bursts).toEqual([])
  })

  it('fires React-style input events when giving keys back', () => {
    const field = input('name')
    field.focus()
    const inputs: string[] = []
    field.addEventListener('input', (e) => inputs.push((e as InputEvent).data ?? ''))
    type(field, '~~', 150)
    vi.advanceTimersByTime(200)
    expect(inputs.join('')).toBe('~~')
  })

  it('fast typing into a focused text field is not a scan and every character stays in the field', () => {
    const field = input('name')
    field.focus()
    let valueAtEnter = ''
    field.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') valueAtEnter = field.value
    })
    type(field, 'PO-2026-000114 Acme', 3)
    const enter = press(field, 'Enter')
    expect(bursts).toEqual([])
    expect(enter.defaultPrevented).toBe(false)
    expect(valueAtEnter).toBe('PO-2026-000114 Acme')
  })

  it('a burst that starts like the prefix but is not gives everything back in order', () => {
    install('~#')
    const field = input('name')
    field.focus()
    type(field, '~x123456789', 3)
    press(field, 'Enter')
    expect(bursts).toEqual([])
    expect(field.value).toBe('~x123456789')
  })

  it('textareas and contenteditable keep fast typing too; without a prefix no text field gives up a burst', () => {
    install('')
    const notes = document.getElementById('notes') as HTMLTextAreaElement
    notes.focus()
    for (const ch of '~]C110ABC123') {
      const event = press(notes, ch)
      expect(event.defaultPrevented).toBe(false)
      clock += 3
    }
    expect(press(notes, 'Enter').defaultPrevented).toBe(false)
    const rich = document.getElementById('rich') as HTMLElement
    for (const ch of '0109506000134352') {
      expect(press(rich, ch).defaultPrevented).toBe(false)
      clock += 3
    }
    expect(press(rich, 'Tab').defaultPrevented).toBe(false)
    expect(bursts).toEqual([])
  })

  it('a field marked data-scan-target is scanned without the prefix', () => {
    const field = input('target')
    field.focus()
    type(field, '10ABC123', 5)
    expect(press(field, 'Enter').defaultPrevented).toBe(true)
    expect(bursts.map((b) => b.data)).toEqual(['10ABC123'])
    expect(field.value).toBe('')
  })

  it('with no text field focused a burst without the prefix is still a scan', () => {
    install('')
    document.body.focus()
    type(document.body, '0109506000134352', 4)
    expect(press(document.body, 'Enter').defaultPrevented).toBe(true)
    expect(bursts.map((b) => b.data)).toEqual(['0109506000134352'])
  })

  it('a scan field receives a burst as text', () => {
    const field = input('scan')
    field.focus()
    type(field, '10ABC123', 5)
    press(field, 'Enter')
    expect(field.value).toBe('10ABC123')
    expect(bursts).toEqual([])
  })

  it('with focus on a button the burst is a scan and its Enter does not press the button', () => {
    const button = document.getElementById('go') as HTMLButtonElement
    button.focus()
    type(button, '0109506000134352', 4)
    expect(press(button, 'Enter').defaultPrevented).toBe(true)
    expect(bursts[0]?.data).toBe('0109506000134352')
  })

  it('Ctrl+] is GS; Shift presses do not break a burst; other keys release what was held', () => {
    const field = input('name')
    field.focus()
    type(field, '~10AB', 5)
    press(field, ']', { ctrlKey: true })
    press(field, 'Shift')
    type(field, '17261231', 5)
    press(field, 'Enter')
    expect(bursts[0]?.data).toBe('~10AB\x1D17261231')

    type(field, '~w', 5)
    press(field, 'Backspace')
    expect(field.value).toBe('~w')
  })

  it('a click releases held keys at once', () => {
    const field = input('name')
    field.focus()
    type(field, '~b', 5)
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    expect(field.value).toBe('~b')
  })
})
