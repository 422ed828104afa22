import { insertText, isScanField, isScanTarget, takesText } from './replay'
import { BurstTracker, type Burst, type TimedKey, type WedgeTiming } from './timing'

const GS = '\x1D'
const IGNORED = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta', 'Dead', 'Unidentified'])

export interface WedgeCaptureOptions {
  timing: WedgeTiming
  onBurst(burst: Burst): void
  /**
   * What the scanner is set to send before its data. In a focused text field (one not marked
   * data-scan-target) only a burst that starts with it is a scan; without one, keys there are typing.
   */
  prefix?: string
  /** Defaults to the keydown's timeStamp: when the key was pressed, not when the busy page got to it. */
  now?: (event: KeyboardEvent) => number
}

/** The character a key would type; Ctrl+] is how many wedge scanners send GS. */
function charOf(event: KeyboardEvent): string | null {
  if (event.ctrlKey && !event.altKey && event.key === ']') return GS
  if (event.key.length !== 1 || event.metaKey) return null
  // Ctrl+Alt is AltGr on many layouts and types a character; Ctrl or Alt alone is a shortcut.
  return event.ctrlKey !== event.altKey ? null : event.key
}

function giveBack(keys: TimedKey<HTMLElement | null>[]): void {
  let i = 0
  while (i < keys.length) {
    const target = keys[i]?.tag ?? null
    let text = ''
    for (; i < keys.length && (keys[i]?.tag ?? null) === target; i++) text += keys[i]?.char ?? ''
    if (target) insertText(target, text)
  }
}

/** Whether `text` can still become, or already is, a burst that starts with `prefix`. */
function mayStartWith(text: string, prefix: string): boolean {
  return prefix !== '' && (text.startsWith(prefix) || prefix.startsWith(text))
}

/**
 * Watches keydown in the capture phase, before any field or handler sees the key. In a focused
 * text field fast typing (a person, or a tool typing for them) is never a scan: only a burst that
 * starts with the scanner's configured prefix is held back there, until it is clear whether it is
 * a scan (then it never lands) or not (then it is inserted where it was going); without a prefix
 * the keys go straight to the field. Fields marked data-scan-target are scanned like the rest of
 * the page. Keys elsewhere are only timed; a recognised burst's terminator is swallowed so it
 * cannot press a focused button.
 */
export function installWedgeCapture(win: Window, options: WedgeCaptureOptions): () => void {
  const tracker = new BurstTracker<HTMLElement | null>(options.timing)
  const now = options.now ?? ((event: KeyboardEvent) => event.timeStamp)
  const prefix = options.prefix ?? ''
  /** The held keys as text, or '' when the next key at `at` would start a new burst. */
  const heldText = (at: number): string => {
    const keys = tracker.held
    const last = keys[keys.length - 1]
    if (!last || at - last.at > options.timing.maxGapMs) return ''
    return keys.map((k) => k.char).join('')
  }
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = (): void => {
    clearTimeout(timer)
    giveBack(tracker.release())
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || IGNORED.has(event.key)) return
    const target = event.target instanceof HTMLElement ? event.target : null
    if (target && isScanField(target)) return flush()
    // A text field keeps its keys unless the burst announces itself with the prefix.
    const guarded = target !== null && takesText(target) && !isScanTarget(target)
    if (tracker.isTerminator(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (guarded && (prefix === '' || !heldText(now(event)).startsWith(prefix))) return flush()
      clearTimeout(timer)
      const outcome = tracker.end(now(event))
      if (outcome.burst) {
        event.preventDefault()
        event.stopPropagation()
        options.onBurst(outcome.burst)
      } else giveBack(outcome.released) // before the terminator acts, so a submitted form has them
      return
    }
    const char = charOf(event)
    if (char === null || event.repeat) return flush()
    if (guarded && !mayStartWith(heldText(now(event)) + char, prefix)) return flush()
    const hold = target !== null && takesText(target)
    giveBack(tracker.push(char, now(event), hold ? target : null))
    if (hold) {
      event.preventDefault()
      event.stopPropagation()
    }
    clearTimeout(timer)
    timer = setTimeout(flush, options.timing.maxGapMs)
  }

  win.addEventListener('keydown', onKeyDown, true)
  win.addEventListener('pointerdown', flush, true)
  return () => {
    flush()
    win.removeEventListener('keydown', onKeyDown, true)
    win.removeEventListener('pointerdown', flush, true)
  }
}
