const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', ''])

/** isContentEditable, read from the attribute where the DOM lacks it (jsdom). */
function isEditable(el: HTMLElement): boolean {
  if (typeof el.isContentEditable === 'boolean') return el.isContentEditable
  const host = el.closest('[contenteditable]')
  return host !== null && host.getAttribute('contenteditable') !== 'false'
}

/** Fields a typed character would land in; only those need their keys held back. */
export function takesText(el: Element): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled
  return el instanceof HTMLElement && isEditable(el)
}

/** Text a scanner may type into: the field opted in (e.g. the test box). */
export function isScanField(el: Element): boolean {
  return el.closest('[data-scan-field]') !== null
}

/**
 * A text field where a fast burst is taken as a scan even without the scanner's prefix (a field
 * whose only purpose is receiving scans, whose handler reads the feed instead).
 */
export function isScanTarget(el: Element): boolean {
  return el.closest('[data-scan-target]') !== null
}

function setNativeValue(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  // React tracks `value` on the element itself; the prototype's setter leaves its tracker stale, so
  // the input event below reaches onChange as a real edit.
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value)
}

/**
 * Puts held-back characters where they would have gone. Chromium's insertText keeps the undo stack,
 * maxlength and input events as if typed; elsewhere (jsdom, a field that lost focus) the value is
 * edited at the caret and an input event is sent.
 */
export function insertText(el: HTMLElement, text: string): void {
  if (text === '' || !el.isConnected) return
  const doc = el.ownerDocument
  if (doc.activeElement === el && typeof doc.execCommand === 'function') {
    try {
      if (doc.execCommand('insertText', false, text)) return
    } catch {
      // This document has no insertText command (jsdom): edit the value directly below.
    }
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    let start = el.value.length
    let end = start
    try {
      start = el.selectionStart ?? start
      end = el.selectionEnd ?? end
    } catch {
      // number and email inputs have no selection API: append.
    }
    setNativeValue(el, el.value.slice(0, start) + text + el.value.slice(end))
    try {
      el.setSelectionRange(start + text.length, start + text.length)
    } catch {
      // As above.
    }
    el.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }))
  } else if (isEditable(el)) {
    el.append(text)
    el.dispatchEvent(new InputEvent('input', { bubbles: true, data: text, inputType: 'insertText' }))
  }
}
