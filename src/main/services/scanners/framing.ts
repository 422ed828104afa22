import type { ScannerProfile } from './profile'

export type FrameEvent = { kind: 'line'; line: string } | { kind: 'overflow'; length: number }

const TERMINATORS = { CR: '\r', LF: '\n', CRLF: '\r\n' } as const

/**
 * Splits a serial byte stream (already decoded to text) into scans. A stray CR or LF next to the
 * configured terminator is trimmed, so a scanner sending CRLF to a CR profile does not produce
 * empty or LF-prefixed scans. Lines longer than the cap are dropped whole, up to their terminator.
 */
export class LineFramer {
  private buffer = ''
  private overflowing = false
  private overflowLength = 0
  private lastChar = ''

  constructor(private readonly profile: Pick<ScannerProfile, 'terminator' | 'maxLineLength'>) {}

  push(text: string): FrameEvent[] {
    const events: FrameEvent[] = []
    if (this.profile.terminator === 'none') {
      this.append(text, events)
      return events
    }
    const terminator = TERMINATORS[this.profile.terminator]
    let rest = text
    // A CRLF split across two reads: the CR already sits in the line.
    if (terminator === '\r\n' && this.lastChar === '\r' && rest.startsWith('\n')) {
      this.endLine(events)
      rest = rest.slice(1)
    }
    if (text.length > 0) this.lastChar = text[text.length - 1] ?? ''
    for (;;) {
      const at = rest.indexOf(terminator)
      if (at < 0) break
      this.append(rest.slice(0, at), events)
      this.endLine(events)
      rest = rest.slice(at + terminator.length)
    }
    this.append(rest, events)
    return events
  }

  /** The inter-byte pause ended a scan (terminator "none"), or a line waited too long. */
  flush(): FrameEvent[] {
    const events: FrameEvent[] = []
    this.endLine(events)
    return events
  }

  /** Bytes received since the last complete line; cleared (at disconnect the partial scan is lost). */
  takePartial(): string {
    // A lone LF left by a CRLF scanner on a CR profile is not a partial scan.
    const partial = this.buffer.replace(/^[\r\n]+/, '')
    this.buffer = ''
    this.overflowing = false
    this.overflowLength = 0
    this.lastChar = ''
    return partial
  }

  get pending(): boolean {
    return /[^\r\n]/.test(this.buffer) || this.overflowing
  }

  private append(text: string, events: FrameEvent[]): void {
    if (this.overflowing) {
      this.overflowLength += text.length
      return
    }
    this.buffer += text
    if (this.buffer.length > this.profile.maxLineLength) {
      this.overflowing = true
      this.overflowLength = this.buffer.length
      this.buffer = ''
      if (this.profile.terminator === 'none') this.endLine(events)
    }
  }

  private endLine(events: FrameEvent[]): void {
    if (this.overflowing) {
      events.push({ kind: 'overflow', length: this.overflowLength })
      this.overflowing = false
      this.overflowLength = 0
      return
    }
    const line = this.buffer.replace(/^[\r\n]+|[\r\n]+$/g, '')
    this.buffer = ''
    if (line.length > 0) events.push({ kind: 'line', line })
  }
}
