import { insertText, isScanField, takesText } from './replay'
import { BurstTracker, type Burst, type TimedKey, type WedgeTiming } from './timing'

const GS = '\x1D'
const IGNORED = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta', 'Dead', 'Unidentified'])

export interface WedgeCaptureOptions {
  timing: WedgeTiming
  onBurst(burst: Burst): void
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

/**
 * Watches keydown in the capture phase, before any field or handler sees the key. Characters
 * headed for a text field are held back until it is clear whether they are a scanner burst (then
 * they never land) or typing (then they are inserted where they were going). Keys elsewhere are
 * only timed; a recognised burst's terminator is swallowed so it cannot press a focused button.
 */
export function installWedgeCapture(win: Window, options: WedgeCaptureOptions): () => void {
  const tracker = new BurstTracker<HTMLElement | null>(options.timing)
  const now = options.now ?? ((event: KeyboardEvent) => event.timeStamp)
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = (): void => {
    clearTimeout(timer)
    giveBack(tracker.release())
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || IGNORED.has(event.key)) return
    const target = event.target instanceof HTMLElement ? event.target : null
    if (target && isScanField(target)) return flush()
    if (tracker.isTerminator(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
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
