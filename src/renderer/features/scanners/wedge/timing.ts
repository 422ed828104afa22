/** How a keyboard-wedge scanner is told from a person typing. */
export interface WedgeTiming {
  /** Shorter bursts are typing: no GS1 label is under 6 characters, many words are. */
  minLength: number
  /** Scanners send keys 1–15 ms apart; fast typists average 60 ms or more. */
  maxMeanGapMs: number
  /** Any longer pause (also before the terminator) means a person is typing, and held keys are released. */
  maxGapMs: number
  /** Keys a scanner sends after the data. */
  terminators: readonly string[]
}

export const DEFAULT_WEDGE_TIMING: WedgeTiming = {
  minLength: 6,
  maxMeanGapMs: 35,
  maxGapMs: 80,
  terminators: ['Enter', 'Tab'],
}

export interface TimedKey<T> {
  char: string
  /** Milliseconds on one clock (the keydown's timeStamp). */
  at: number
  /** Where the key was headed, so released keys go back there. */
  tag: T
}

export interface Burst {
  data: string
  keys: number
  meanGapMs: number
}

/** A burst if the keys, ended by a terminator at `endAt`, came as fast as a scanner sends them. */
export function burstOf(
  keys: readonly { char: string; at: number }[],
  endAt: number,
  timing: WedgeTiming,
): Burst | null {
  const first = keys[0]
  const last = keys[keys.length - 1]
  if (!first || !last || keys.length < timing.minLength) return null
  if (endAt - last.at > timing.maxGapMs) return null
  for (let i = 1; i < keys.length; i++) {
    const gap = (keys[i]?.at ?? 0) - (keys[i - 1]?.at ?? 0)
    if (gap > timing.maxGapMs) return null
  }
  const meanGapMs = (last.at - first.at) / (keys.length - 1)
  if (meanGapMs > timing.maxMeanGapMs) return null
  return {
    data: keys.map((k) => k.char).join(''),
    keys: keys.length,
    meanGapMs: Math.round(meanGapMs * 10) / 10,
  }
}

export type EndOutcome<T> = { burst: Burst; released: [] } | { burst: null; released: TimedKey<T>[] }

/**
 * Holds keys while they might still be a scan. Every method returns the keys that turned out to be
 * typing, oldest first, for the caller to hand back to where they were headed.
 */
export class BurstTracker<T> {
  private keys: TimedKey<T>[] = []

  constructor(private readonly timing: WedgeTiming) {}

  get held(): readonly TimedKey<T>[] {
    return this.keys
  }

  isTerminator(key: string): boolean {
    return this.timing.terminators.includes(key)
  }

  push(char: string, at: number, tag: T): TimedKey<T>[] {
    const last = this.keys[this.keys.length - 1]
    const released = last && at - last.at > this.timing.maxGapMs ? this.release() : []
    this.keys.push({ char, at, tag })
    return released
  }

  end(at: number): EndOutcome<T> {
    const burst = burstOf(this.keys, at, this.timing)
    if (!burst) return { burst: null, released: this.release() }
    this.keys = []
    return { burst, released: [] }
  }

  release(): TimedKey<T>[] {
    const released = this.keys
    this.keys = []
    return released
  }
}
