/** A malformed barcode: `position` is the 0-based offset in the input where the problem was found. */
export class Gs1ParseError extends Error {
  readonly position: number
  readonly reason: string

  constructor(position: number, reason: string) {
    super(`at ${position}: ${reason}`)
    this.name = 'Gs1ParseError'
    this.position = position
    this.reason = reason
  }
}
