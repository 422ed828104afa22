/**
 * Suppresses the same data from the same device seen again within `windowMs` of its last sighting,
 * so a held trigger or a re-read of the same label counts once.
 */
export class DuplicateFilter {
  private readonly lastSeen = new Map<string, number>()

  constructor(private readonly windowMs: number) {}

  /** True when this sighting is a duplicate; every sighting extends the window. */
  isDuplicate(device: string, data: string, now: number): boolean {
    const key = `${device}\u0000${data}`
    const previous = this.lastSeen.get(key)
    this.lastSeen.set(key, now)
    this.prune(now)
    return previous !== undefined && now - previous <= this.windowMs
  }

  private prune(now: number): void {
    if (this.lastSeen.size < 256) return
    for (const [key, at] of this.lastSeen) if (now - at > this.windowMs) this.lastSeen.delete(key)
  }
}
