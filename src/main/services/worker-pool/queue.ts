/** Higher priority first; first-in first-out within a priority (by sequence number). */
export class PriorityQueue<T extends { priority: number; seq: number }> {
  private items: T[] = []

  get size(): number {
    return this.items.length
  }

  push(item: T): void {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (before(this.items[mid]!, item)) lo = mid + 1
      else hi = mid
    }
    this.items.splice(lo, 0, item)
  }

  shift(): T | undefined {
    return this.items.shift()
  }

  remove(item: T): boolean {
    const at = this.items.indexOf(item)
    if (at < 0) return false
    this.items.splice(at, 1)
    return true
  }

  drain(): T[] {
    return this.items.splice(0)
  }
}

const before = (a: { priority: number; seq: number }, b: { priority: number; seq: number }) =>
  a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq)
